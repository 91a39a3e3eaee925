import { openStore, type SqlParams, type Store } from './store.js';

/** A square boundary as GeoJSON text in EPSG:3067, `size` metres from its south-west corner. */
const square = (x: number, y: number, size: number): string =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  });

/**
 * A tiny county for tests, small enough to compute every figure by hand:
 * - county 99 with municipalities 001 (until 2023), 002 and 003 (from 2024, after a merger);
 *   two grid cells in 002, with boundaries for 002 and the cells;
 * - population 2023 for 001 (12) and 002 (55); 2024 for 002 directly (150) and its two cells (20 and 3);
 * - producers P1 (own) and P2 (purchased), units U1 (open) and U2 (closed mid-2023);
 * - imports 1 (areas) and 2 (population, four rejected rows, one value with a semicolon and quotes).
 */
export const openSampleStore = async (): Promise<Store> => {
  const store = await openStore(':memory:');
  await store.run(`INSERT INTO imports (import_id, kind, source, source_file, format, encoding, rows_read,
      rows_accepted, rows_rejected, started_at, finished_at) VALUES
    (1, 'areas', 'demo', 'alueet.csv', 'csv', 'utf-8', 7, 7, 0, TIMESTAMP '2024-05-01 10:00:00', TIMESTAMP '2024-05-01 10:00:01.500'),
    (2, 'population', 'demo', 'vaesto.csv', 'csv', 'windows-1252', 13, 9, 4, TIMESTAMP '2024-05-02 09:00:00', TIMESTAMP '2024-05-02 09:00:02')`);
  await store.run(`INSERT INTO rejects (import_id, line, column_name, value, reason) VALUES
    (2, 3, 'vuosi', 'x;"y"', 'not a year'),
    (2, 3, 'sukupuoli', NULL, 'missing'),
    (2, 9, 'alue', ' 091', 'unknown area code'),
    (2, 5, 'ika', '-3', 'age must be between 0 and 100')`);
  await store.run(
    `INSERT INTO areas VALUES
    ('county', '99', 'Testimaa', 'Testland', NULL, 2020, NULL, NULL, 400000, 6680000, 1, 1),
    ('municipality', '001', 'Alppila', NULL, '99', 2020, 2023, $m001, 380000, 6660000, 1, 2),
    ('municipality', '002', 'Böle', 'Böle', '99', 2020, NULL, $m002, 390000, 6670000, 1, 3),
    ('municipality', '003', 'Ceera', NULL, '99', 2024, NULL, NULL, 380000, 6660000, 1, 4),
    ('gridCell', '1kmN6672E0385', '1kmN6672E0385', NULL, '002', 2020, NULL, $cell385, 385500, 6672500, 1, 5),
    ('gridCell', '1kmN6672E0386', '1kmN6672E0386', NULL, '002', 2020, NULL, $cell386, 386500, 6672500, 1, 6)`,
    {
      m001: square(375_000, 6_655_000, 10_000),
      m002: square(385_000, 6_665_000, 10_000),
      cell385: square(385_000, 6_672_000, 1000),
      cell386: square(386_000, 6_672_000, 1000),
    },
  );
  await store.run(`INSERT INTO population VALUES
    ('municipality', '001', 2023, 50, 'male', 12, 2, 2),
    ('municipality', '002', 2023, 40, 'male', 55, 2, 3),
    ('municipality', '002', 2024, 10, 'female', 40, 2, 4),
    ('municipality', '002', 2024, 40, 'male', 60, 2, 5),
    ('municipality', '002', 2024, 40, 'female', 50, 2, 6),
    ('gridCell', '1kmN6672E0385', 2024, 3, 'male', 2, 2, 7),
    ('gridCell', '1kmN6672E0385', 2024, 3, 'female', 10, 2, 8),
    ('gridCell', '1kmN6672E0385', 2024, 70, 'male', 7, 2, 10),
    ('gridCell', '1kmN6672E0385', 2024, 90, 'female', 1, 2, 11),
    ('gridCell', '1kmN6672E0386', 2024, 30, 'male', 3, 2, 12)`);
  await store.run(`INSERT INTO producers VALUES
    ('P1', 'Testimaan hyvinvointialue', 'own', NULL, 3, 1),
    ('P2', 'Hoiva Oy', 'purchased', '0112038-9', 3, 2)`);
  await store.run(`INSERT INTO units VALUES
    ('U1', 'Bölen terveysasema', ['HC', 'OH'], 'P1', '002', 385800, 6672300, 30000, 'visits', DATE '2020-01-01', NULL, ['inPerson', 'remote'], 4, 1, ['fi']),
    ('U2', 'Alppilan palvelukoti', ['ELD'], 'P2', '001', 380000, 6660000, 40, 'places', DATE '2019-01-01', DATE '2023-06-30', ['inPerson'], 4, 2, NULL)`);
  await store.run(`INSERT INTO events VALUES
    ('demo', 'e1', DATE '2023-03-01', '002', NULL, 40, 'male', 'HC', 'U1', 'P1', 'inPerson', 'visit', 1, 80, NULL, 5, 1, NULL),
    ('demo', 'e2', DATE '2024-03-01', '002', NULL, 41, 'male', 'HC', 'U1', 'P1', 'remote', 'visit', 1, 40, NULL, 5, 2, NULL)`);
  await store.run(`INSERT INTO costs VALUES ('002', 2024, 'HC', 1250000.5, 6, 1)`);
  await store.run(`INSERT INTO population_languages VALUES
    ('002', 2024, 'fi', 90, 2, 14), ('002', 2024, 'sv', 60, 2, 15)`);
  return store;
};

/**
 * The same store, except that a statement matching `failing` throws instead of running: a crash in the
 * middle of an import, for tests that the import's transaction leaves the store as it was.
 */
export const storeFailingOn = (store: Store, failing: RegExp): Store =>
  new Proxy(store, {
    get(target, property) {
      if (property === 'run')
        return async (sql: string, params?: SqlParams) => {
          if (failing.test(sql)) throw new Error(`injected failure at: ${sql.slice(0, 60)}`);
          return target.run(sql, params);
        };
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

/** Every row of each table, in a fixed order: what a test compares before and after a failed write. */
export const tableContents = async (
  store: Store,
  tables: readonly string[],
): Promise<Record<string, unknown[]>> => {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await store.all(`SELECT * FROM ${table} ORDER BY ALL`);
  return out;
};
export { copySharedStore } from './shared-store.fixture.js';
