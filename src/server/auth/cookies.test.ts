import { describe, expect, it } from 'vitest';
import { cookieHeader, cookiesOf } from './cookies.js';
import { hashOf, newSecret, sameSecret } from './secrets.js';

describe('cookies', () => {
  it('reads the cookies of a request, the first of a name winning', () => {
    const cookies = cookiesOf('a=1; __Host-soteatlas=xyz; a=2;junk; b=');
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['__Host-soteatlas', 'xyz'],
      ['b', ''],
    ]);
    expect(cookiesOf(undefined).size).toBe(0);
  });

  it('sets a cookie that is secure, script-proof, site-wide and lax', () => {
    expect(cookieHeader('__Host-soteatlas', 'v', 36000)).toBe(
      '__Host-soteatlas=v; Max-Age=36000; Path=/; Secure; HttpOnly; SameSite=Lax',
    );
  });
});

describe('secrets', () => {
  it('are 256 random bits, stored only as a hash, compared whole', () => {
    const secret = newSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(newSecret()).not.toBe(secret);
    expect(hashOf(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameSecret(secret, secret)).toBe(true);
    expect(sameSecret(secret.slice(1), secret)).toBe(false);
    expect(sameSecret(`${secret.slice(0, -1)}A`, secret)).toBe(secret.endsWith('A'));
  });
});
