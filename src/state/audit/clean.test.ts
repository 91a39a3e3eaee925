import { describe, expect, it } from 'vitest';
import { cleanParameters, isSecretName } from './clean.js';

describe('isSecretName', () => {
  it('knows tokens, secrets, passwords, keys and the sign-in code by any spelling', () => {
    for (const name of [
      'token',
      'access_token',
      'idToken',
      'clientSecret',
      'password',
      'X-Api-Key',
      'clientKey',
    ])
      expect(isSecretName(name), name).toBe(true);
    for (const name of ['code', 'authCode', 'code_verifier', 'nonce', 'csrfToken', 'Authorization'])
      expect(isSecretName(name), name).toBe(true);
  });

  it('keeps the codes that name what was looked at', () => {
    for (const name of ['areaCode', 'unitCode', 'producerCode', 'id', 'level', 'year', 'monkey'])
      expect(isSecretName(name), name).toBe(false);
  });
});

describe('cleanParameters', () => {
  it('leaves out secrets at any depth, escapes text and cuts what is long, many or deep', () => {
    const cleaned = cleanParameters({
      name: 'a\nb',
      units: Array.from({ length: 52 }, (_, i) => i),
      deep: { a: { b: { c: { d: 1 } } } },
      note: 'x'.repeat(250),
      body: { refresh_token: 'r', keep: true },
    }) as Record<string, unknown>;
    expect(cleaned.name).toBe('a\\nb');
    expect(cleaned.units).toHaveLength(51);
    expect((cleaned.units as unknown[])[50]).toBe('… 2 more');
    expect(cleaned.deep).toEqual({ a: { b: { c: '…' } } });
    expect(cleaned.note).toBe(`${'x'.repeat(200)}…`);
    expect(cleaned.body).toEqual({ keep: true });
  });
});
