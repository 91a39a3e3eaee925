import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: a session id, a CSRF token, the id of a sign-in under way. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the state keeps of a secret: a copy of the state must not sign anyone in. */
export const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compares in constant time, so that how long a refusal takes tells nothing of the secret. */
export const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};
