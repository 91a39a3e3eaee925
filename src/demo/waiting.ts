import { hashUnit } from './random.js';

/**
 * Mean days from first contact to the visit, for the classes under a care guarantee. Other classes'
 * events carry no first contact: emergencies and housing are not waited for in this sense.
 */
const meanWaitDays: Record<string, number> = { HC: 6, OH: 35, MHS: 12, REH: 30 };

/** Units whose queues are longer than the county's: a purchased health station among them. */
const slowUnits: Record<string, number> = { TP041: 2.4, TP014: 1.5 };

/**
 * Days an event's client waited, or undefined when its class has no care guarantee. Drawn from a hash
 * of the event's place in its file, not from a stream, so that no other figure of the county moves.
 */
export const waitingDays = (
  { seed, year, sequence }: { seed: number; year: number; sequence: number },
  serviceClass: string,
  unitCode: string,
): number | undefined => {
  const mean = meanWaitDays[serviceClass];
  if (mean === undefined) return undefined;
  const u = hashUnit(seed, 1401, year, sequence);
  return Math.round(-mean * (slowUnits[unitCode] ?? 1) * Math.log(1 - u));
};

/** The day `days` before day `day` of the year, written as the file writes dates (ISO or d.m.yyyy). */
export const dayBefore = (
  dates: readonly string[],
  { year, day, days, style }: { year: number; day: number; days: number; style: 'iso' | 'finnish' },
): string => {
  const earlier = day - days;
  if (earlier >= 0) return dates[earlier] ?? '';
  const date = new Date(Date.UTC(year, 0, 1 + earlier));
  return style === 'iso'
    ? date.toISOString().slice(0, 10)
    : `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
};
