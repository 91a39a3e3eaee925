import type { Store } from '../store/index.js';

export interface TinyEvent {
  client: string;
  date: string;
  serviceClass: string;
  producer?: string;
  municipality?: string;
  age?: number;
  sex?: 'male' | 'female';
  cost?: number;
}

/**
 * Service events straight into a store's events table, for chain tests (no import pipeline); the last
 * column, the first contact's date, is left empty.
 */
export const insertEvents = async (store: Store, events: readonly TinyEvent[]): Promise<void> => {
  if (events.length === 0) return;
  const values = events.map(
    (e, i) =>
      `('test', 'e${i}', DATE '${e.date}', '${e.municipality ?? '101'}', NULL, ${e.age ?? 80}, '${e.sex ?? 'female'}',
        '${e.serviceClass}', NULL, ${e.producer === undefined ? 'NULL' : `'${e.producer}'`}, 'inPerson',
        '${e.serviceClass === 'ELD' || e.serviceClass === 'SAB' ? 'careDay' : 'visit'}', 1, ${e.cost ?? 100},
        '${e.client}', 1, ${i + 1}, NULL)`,
  );
  await store.run(`INSERT INTO events VALUES ${values.join(',\n')}`);
};

/**
 * Four hip-fracture entries in 2024, counted by hand: all four steps (101), three (101), two (102), one
 * (101); a fifth client, aged 50, is too young to enter.
 */
export const tinyEvents: TinyEvent[] = [
  { client: 'hip-client-1', date: '2024-02-01', serviceClass: 'EMC', producer: 'P1' },
  { client: 'hip-client-1', date: '2024-02-02', serviceClass: 'SPC', producer: 'P1' },
  { client: 'hip-client-1', date: '2024-02-10', serviceClass: 'REH', producer: 'P2' },
  { client: 'hip-client-1', date: '2024-03-01', serviceClass: 'HMC', producer: 'P2' },
  { client: 'hip-client-2', date: '2024-04-01', serviceClass: 'EMC', producer: 'P1' },
  { client: 'hip-client-2', date: '2024-04-02', serviceClass: 'SPC', producer: 'P1' },
  { client: 'hip-client-2', date: '2024-04-15', serviceClass: 'REH', producer: 'P1' },
  { client: 'hip-client-3', date: '2024-05-01', serviceClass: 'EMC', producer: 'P1', municipality: '102' },
  { client: 'hip-client-3', date: '2024-05-03', serviceClass: 'SPC', producer: 'P1', municipality: '102' },
  { client: 'hip-client-4', date: '2024-06-01', serviceClass: 'EMC', producer: 'P1' },
  { client: 'hip-client-5', date: '2024-06-01', serviceClass: 'EMC', producer: 'P1', age: 50 },
  { client: 'hip-client-5', date: '2024-06-02', serviceClass: 'SPC', producer: 'P1', age: 50 },
];
