/** A name as a DuckDB identifier. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A text as a DuckDB string literal. */
export const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;
