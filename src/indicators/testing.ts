import { openStore, type Store } from '../store/index.js';

/**
 * A county small enough to compute every indicator by hand (see engine.test.ts):
 * - county 99; municipalities 101 (always), 102 and 103 (until 2023), merged into 104 from 2024. Grid
 *   cells G2 and G3 move from 102 and 103 to 104, which is how the hierarchy records the merger;
 * - residents 2023: 101 = 400 men and 600 women aged 30 and 100 women aged 80; 102 = 200 men aged 30 and
 *   50 men aged 80; 103 = 150 women aged 30. 2024: 101 as before; 104 = 200 men and 150 women aged 30,
 *   50 men aged 80. Grid cells 2024: G1 (in 101) 3 men aged 30, G2 (in 104) 200 men aged 30;
 * - health-centre visits (50 € each) at unit U1 in 101: 101 6 in person (Feb 2023, men) and 4 remote
 *   (May 2023, women); 102 3 in person (Nov 2023, men); 103 2 digital (Dec 2023, women, producer P2);
 *   104 5 in person (Feb 2024, men); 101 20 in person (Mar 2024, women);
 * - 24-hour care at U2 (10 places in 104, open from 2024): five clients aged 80, 91 care days each in
 *   Q1 2024, no cost;
 * - net operating cost: 2023 101 110 000, 102 50 000, 103 15 000; 2024 101 120 000, 104 40 000 (HC).
 */
export const openIndicatorStore = async (): Promise<Store> => {
  const store = await openStore(':memory:');
  await store.run(`INSERT INTO areas (level, code, name_fi, parent_code, valid_from_year, valid_to_year, import_id, source_line) VALUES
    ('county', '99', 'Testimaa', 'SSS', 2020, NULL, 1, 1),
    ('municipality', '101', 'Aalto', '99', 2020, NULL, 1, 2),
    ('municipality', '102', 'Bäck', '99', 2020, 2023, 1, 3),
    ('municipality', '103', 'Croft', '99', 2020, 2023, 1, 4),
    ('municipality', '104', 'Delta', '99', 2024, NULL, 1, 5),
    ('gridCell', 'G1', 'G1', '101', 2020, NULL, 1, 6),
    ('gridCell', 'G2', 'G2', '102', 2020, 2023, 1, 7),
    ('gridCell', 'G2', 'G2', '104', 2024, NULL, 1, 8),
    ('gridCell', 'G3', 'G3', '103', 2020, 2023, 1, 9),
    ('gridCell', 'G3', 'G3', '104', 2024, NULL, 1, 10)`);
  const population: [string, string, number, number, string, number][] = [
    ['municipality', '101', 2023, 30, 'male', 400],
    ['municipality', '101', 2023, 30, 'female', 600],
    ['municipality', '101', 2023, 80, 'female', 100],
    ['municipality', '102', 2023, 30, 'male', 200],
    ['municipality', '102', 2023, 80, 'male', 50],
    ['municipality', '103', 2023, 30, 'female', 150],
    ['municipality', '101', 2024, 30, 'male', 400],
    ['municipality', '101', 2024, 30, 'female', 600],
    ['municipality', '101', 2024, 80, 'female', 100],
    ['municipality', '104', 2024, 30, 'male', 200],
    ['municipality', '104', 2024, 30, 'female', 150],
    ['municipality', '104', 2024, 80, 'male', 50],
    ['gridCell', 'G1', 2024, 30, 'male', 3],
    ['gridCell', 'G2', 2024, 30, 'male', 200],
  ];
  for (const [level, code, year, age, sex, count] of population)
    await store.run('INSERT INTO population VALUES ($1, $2, $3, $4, $5, $6, 2, 1)', [
      level,
      code,
      year,
      age,
      sex,
      count,
    ]);
  await store.run(
    `INSERT INTO producers VALUES ('P1', 'Oma tuotanto', 'own', NULL, 3, 1), ('P2', 'Hoiva Oy', 'purchased', NULL, 3, 2)`,
  );
  await store.run(`INSERT INTO units VALUES
    ('U1', 'Aallon terveysasema', ['HC'], 'P1', '101', 400000, 6900000, 1200, 'visits', DATE '2020-01-01', NULL, ['inPerson', 'remote', 'digital'], 4, 1, NULL),
    ('U2', 'Deltan hoivakoti', ['ELD'], 'P2', '104', 410000, 6900000, 10, 'places', DATE '2024-01-01', NULL, ['inPerson'], 4, 2, NULL)`);
  const visits: [string, string, string, string, number, string, string, string | null][] = [
    // municipality, date, channel, sex, age, producer, grid cell, count label
    ['101', '2023-02-10', 'inPerson', 'male', 30, 'P1', 'G1', '6'],
    ['101', '2023-05-10', 'remote', 'female', 30, 'P1', 'G1', '4'],
    ['102', '2023-11-15', 'inPerson', 'male', 30, 'P1', 'G2', '3'],
    ['103', '2023-12-01', 'digital', 'female', 30, 'P2', 'G3', '2'],
    ['104', '2024-02-01', 'inPerson', 'male', 30, 'P1', 'G2', '5'],
    ['101', '2024-03-05', 'inPerson', 'female', 30, 'P1', 'G1', '20'],
  ];
  let line = 0;
  for (const [municipality, date, channel, sex, age, producer, cell, count] of visits) {
    await store.run(
      `INSERT INTO events SELECT 'test', $m || '-' || $d || '-' || i, DATE '${date}', $m, $cell, $age, $sex, 'HC', 'U1', $p,
         $channel, 'visit', 1, 50, 'client-' || $m || '-' || i, 5, $line + i, NULL
       FROM range(${Number(count)}) t(i)`,
      { m: municipality, d: date, cell, age, sex, p: producer, channel, line },
    );
    line += 100;
  }
  await store.run(`INSERT INTO events SELECT 'test', 'eld-' || i, DATE '2024-01-01', '104', 'G2', 80, 'male', 'ELD', 'U2', 'P2',
      'inPerson', 'careDay', 91, 0, 'resident-' || i, 5, 1000 + i, NULL FROM range(5) t(i)`);
  await store.run(`INSERT INTO costs VALUES
    ('101', 2023, 'HC', 110000, 6, 1), ('102', 2023, 'HC', 50000, 6, 2), ('103', 2023, 'HC', 15000, 6, 3),
    ('101', 2024, 'HC', 120000, 6, 4), ('104', 2024, 'HC', 40000, 6, 5)`);
  return store;
};
export { miniTotal, miniWeights, miniWorkbookExpected, writeMiniWorkbook } from './need/workbook.fixture.js';
export { attackerLowerBounds, attackTable } from './recovery-attack.js';
