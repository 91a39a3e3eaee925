import type { RejectReason } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { DateReading } from './date-forms.js';
import type { KindSpec } from './kinds.js';
import { paramsJson } from './reasons.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';
import { compileValidation, type ValidationSql } from './sql-validation.js';

/** A row rejected as a whole (a malformed record, or one judged before reading); its column and value when known. */
export interface StructuralReject {
  line: number;
  reason: RejectReason;
  column?: string;
  value?: string;
}

export interface CheckedTableOptions {
  spec: KindSpec;
  token: string;
  delimiter: string;
  stagedColumnCount: number;
  stagedColumnOf: (field: string) => string | undefined;
  labelOf: (field: string) => string;
  /** The source system's own codes for field values, from its mapping file. */
  extraValues?: Record<string, Record<string, string>>;
  /** The date forms the mapping file declares. */
  dates?: DateReading;
  /** Values the mapping file gives in every row, or where the file's value is empty. */
  constants?: Record<string, string>;
  defaults?: Record<string, string>;
}

/**
 * The import's temporary tables: every staged row with its typed values and, if it fails, why; and
 * the rejects. Staging parts are loaded as they are written, so DuckDB validates one part while
 * the reader prepares the next, and the two cores work at once.
 */
export class CheckedTable {
  readonly checked: string;
  readonly rejects: string;
  private readonly validation: ValidationSql;
  private readonly columns: string[];
  private parts = 0;
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;

  private constructor(
    private readonly store: Store,
    private readonly o: CheckedTableOptions,
  ) {
    this.checked = `checked_${o.token}`;
    this.rejects = `rejects_${o.token}`;
    this.validation = compileValidation(o.spec, o.stagedColumnOf, {
      labelOf: o.labelOf,
      extraValues: o.extraValues,
      dates: o.dates,
      constants: o.constants,
      defaults: o.defaults,
    });
    this.columns = ['line', ...Array.from({ length: o.stagedColumnCount }, (_, i) => `c${i}`)];
  }

  static async create(store: Store, options: CheckedTableOptions): Promise<CheckedTable> {
    const table = new CheckedTable(store, options);
    const empty = `(SELECT ${table.columns.map((name, i) => `NULL::${typeOf(i)} AS ${name}`).join(', ')} LIMIT 0)`;
    await store.run(`CREATE TEMP TABLE ${table.checked} AS ${table.validation.query(empty)}`);
    await store.run(
      `CREATE TEMP TABLE ${table.rejects} (line BIGINT, column_name VARCHAR, value VARCHAR, reason_code VARCHAR, reason_params VARCHAR)`,
    );
    return table;
  }

  /** Queues one staging part for validation; a failure surfaces in `finish`. */
  load(path: string): void {
    const part = this.parts++;
    this.queue = this.queue.then(async () => {
      if (this.failure) return;
      try {
        await this.store.run(
          `INSERT INTO ${this.checked} ${this.validation.query(this.readPart(path, part))}`,
        );
      } catch (error) {
        this.failure = error;
      }
    });
  }

  private readPart(path: string, part: number): string {
    return `read_csv(${quoteLiteral(path)},
      delim = ${quoteLiteral(this.o.delimiter)}, quote = '"', escape = '"', header = false, auto_detect = false,
      columns = {${this.columns.map((name, i) => `'${name}': '${typeOf(i)}'`).join(', ')}},
      store_rejects = true, rejects_table = '${this.csvErrors(part)}', rejects_scan = '${this.csvScans(part)}',
      strict_mode = true, null_padding = false, new_line = '\\n')`;
  }

  private csvErrors(part: number): string {
    return `csv_errors_${this.o.token}_${part}`;
  }

  private csvScans(part: number): string {
    return `csv_scans_${this.o.token}_${part}`;
  }

  /** Waits for the queued parts, then rejects repeated keys and gathers every rejected row. */
  async finish(structural: readonly StructuralReject[]): Promise<void> {
    await this.queue;
    if (this.failure) throw this.failure;
    await this.rejectRepeatedKeys();
    await this.store.run(
      `INSERT INTO ${this.rejects} SELECT line, reject_column, reject_value, reject_code, reject_params FROM ${this.checked}
       WHERE reject_column IS NOT NULL`,
    );
    for (let part = 0; part < this.parts; part++) await this.gatherCsvErrors(part);
    for (let i = 0; i < structural.length; i += 500) {
      const values = structural
        .slice(i, i + 500)
        .map(
          (r) =>
            `(${r.line}, ${quoteLiteral(r.column ?? '')}, ${r.value === undefined ? 'NULL' : quoteLiteral(r.value)}, ${quoteLiteral(r.reason.code)}, ${quoteLiteral(paramsJson(r.reason.params))})`,
        )
        .join(', ');
      await this.store.run(`INSERT INTO ${this.rejects} VALUES ${values}`);
    }
  }

  /** A key given twice in one file: the first valid row wins and the later ones are rejected, with their key as read. */
  private async rejectRepeatedKeys(): Promise<void> {
    const keys = this.o.spec.keyFields.map(quoteIdent);
    const repeated = `repeated_${this.o.token}`;
    await this.store.run(
      `CREATE TEMP TABLE ${repeated} AS SELECT ${keys.join(', ')}, min(line) AS first_line FROM ${this.checked}
       WHERE reject_column IS NULL GROUP BY ALL HAVING count(*) > 1`,
    );
    await this.store.run(
      `UPDATE ${this.checked} AS c SET reject_column = ${quoteLiteral(this.o.spec.keyFields.map(this.o.labelOf).join(', '))},
         reject_value = concat_ws(', ', ${keys.map((k) => `c.${k}::VARCHAR`).join(', ')}),
         reject_code = 'duplicateKey', reject_params = json_object('line', d.first_line)::VARCHAR
       FROM ${repeated} d
       WHERE c.reject_column IS NULL AND c.line > d.first_line AND ${keys.map((k) => `c.${k} = d.${k}`).join(' AND ')}`,
    );
    await this.store.run(`DROP TABLE ${repeated}`);
  }

  /**
   * DuckDB reports records with the wrong number of columns; the line is the prefix written to
   * staging, which is also why both column counts are one less than DuckDB says.
   */
  private async gatherCsvErrors(part: number): Promise<void> {
    const count = (label: string) =>
      `(CAST(regexp_extract(any_value(error_message), '${label}: (\\d+)', 1) AS INTEGER) - 1)`;
    const [expected, found] = [count('Expected Number of Columns'), count('Found')];
    const lineOf = `split_part(csv_line, ${quoteLiteral(this.o.delimiter)}, 1)`;
    const exists = await this.store.all(
      `SELECT 1 FROM duckdb_tables() WHERE table_name = ${quoteLiteral(this.csvErrors(part))}`,
    );
    if (exists.length === 0) return;
    await this.store.run(
      `INSERT INTO ${this.rejects}
       SELECT CAST(${lineOf} AS BIGINT), '', NULL,
         CASE any_value(error_type)
           WHEN 'MISSING COLUMNS' THEN 'tooFewColumns'
           WHEN 'TOO MANY COLUMNS' THEN 'tooManyColumns'
           WHEN 'UNQUOTED VALUE' THEN 'unclosedQuote'
           ELSE 'malformedRow' END,
         CASE WHEN any_value(error_type) IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
           THEN json_object('expected', ${expected}, 'found', ${found})::VARCHAR ELSE '{}' END
       FROM ${this.csvErrors(part)} GROUP BY ${lineOf}`,
    );
  }

  /** Waits for queued work and drops every temporary table; never throws. */
  async drop(): Promise<void> {
    await this.queue.catch(() => undefined);
    const names = [this.checked, this.rejects, `repeated_${this.o.token}`];
    for (let part = 0; part < this.parts; part++) names.push(this.csvErrors(part), this.csvScans(part));
    for (const name of names) await this.store.run(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
  }
}

const typeOf = (i: number) => (i === 0 ? 'BIGINT' : 'VARCHAR');
