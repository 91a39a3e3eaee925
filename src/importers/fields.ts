/** Splits one CSV record into fields: quotes may enclose delimiters, line breaks and doubled quotes. */
export const parseFields = (record: string, delimiter: string): string[] => {
  if (!record.includes('"')) return record.split(delimiter);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (quoted) {
      if (ch === '"') {
        if (record[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
};

/** Writes fields as one CSV record, quoting only where needed. */
export const formatFields = (fields: readonly (string | null | undefined)[], delimiter: string): string =>
  fields
    .map((value) => {
      const text = value ?? '';
      return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(delimiter);
