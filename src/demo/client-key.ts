import { hash32 } from './random.js';

/**
 * A resident's number in the demo: unique per cell, birth year, sex and the person's place in that
 * group, so the same person keeps it across service classes.
 */
// Positional on purpose: called for every generated client (millions per county), where an options object
// would allocate on every call.
export const clientNumber = (cell: number, birthYear: number, sex: number, person: number): number =>
  ((cell * 256 + (birthYear - 1880)) * 2 + sex) * 100_000 + person;

const hex8 = (value: number): string => (value >>> 0).toString(16).padStart(8, '0');

/**
 * The pseudonymous key a producer's system would send: a keyed 64-bit hash of the client number in
 * 16 lower-case hex digits. It identifies the same client across events and files, and cannot be
 * read back to a person or mistaken for a personal identity code.
 */
export const clientKey = (seed: number, client: number): string => {
  const high = hash32(seed, 0x6b6579, client);
  const low = hash32(high, client, seed);
  return hex8(high) + hex8(low);
};
