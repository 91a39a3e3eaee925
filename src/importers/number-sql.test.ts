import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalNumberSql, numberSql } from './number-sql.js';
import { quoteLiteral } from './sql-text.js';

describe('numberSql', () => {
  let instance: DuckDBInstance;
  const read = async (sql: string, values: string[]): Promise<(number | null)[]> => {
    const connection = await instance.connect();
    const rows = values.map((v, i) => `(${i}, ${quoteLiteral(v)})`).join(', ');
    const reader = await connection.runAndReadAll(
      `SELECT ${sql.replaceAll('$v', 'v')} AS n FROM (VALUES ${rows}) AS t(i, v) ORDER BY i`,
    );
    connection.closeSync();
    return reader.getRowObjects().map((r) => (r.n === null ? null : Number(r.n)));
  };

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance.closeSync());

  it('reads plain numbers on its short path exactly as the general reading does', async () => {
    const plain = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,15}$/),
        fc.option(fc.tuple(fc.constantFrom(',', '.'), fc.stringMatching(/^[0-9]{1,15}$/)), {
          nil: undefined,
        }),
      )
      .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction ? fraction.join('') : ''}`);
    const values = fc.sample(plain, { numRuns: 300, seed: 7 });
    expect(await read(numberSql('$v'), values)).toEqual(await read(generalNumberSql('$v'), values));
  });

  it('leaves the forms only the general reading knows to it, and refuses what is no number', async () => {
    const values = [
      '1 234,5',
      '1\u00a0234',
      '\u22125',
      '1,234.5',
      '+3',
      '.5',
      '1e3',
      '1e309',
      'NaN',
      'inf',
      '0x10',
      '1_000',
      '12,5,3',
    ];
    expect(await read(numberSql('$v'), values)).toEqual([
      1234.5,
      1234,
      -5,
      1234.5,
      3,
      0.5,
      1000,
      Number.POSITIVE_INFINITY,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
