import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSignInSettings } from './sign-in-settings.js';

const fileWith = (text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'sign-in-')), 'sign-in.yaml');
  writeFileSync(file, text);
  return file;
};

describe('readSignInSettings', () => {
  it('is nothing when neither a file nor the environment names an issuer', () => {
    expect(readSignInSettings(undefined, {})).toBeUndefined();
  });

  it('reads a file, with the secret from the environment and defaults for the rest', () => {
    const file = fileWith(
      [
        'issuer: https://login.microsoftonline.com/5b1e6d1c-0000-4000-8000-000000000000/v2.0',
        'clientId: 0f0e0d0c-0000-4000-8000-000000000000',
        'appUrl: https://soteatlas.hyvinvointialue.fi',
        'roleValues: { Soteatlas.Analyst: analyst, Analyytikot: analyst }',
      ].join('\n'),
    );
    expect(readSignInSettings(file, { SOTEATLAS_OIDC_CLIENT_SECRET: 's3cret' })).toEqual({
      issuer: 'https://login.microsoftonline.com/5b1e6d1c-0000-4000-8000-000000000000/v2.0',
      clientId: '0f0e0d0c-0000-4000-8000-000000000000',
      clientSecret: 's3cret',
      appUrl: 'https://soteatlas.hyvinvointialue.fi',
      roleClaim: 'roles',
      producerClaim: 'producer_code',
      roleValues: { 'Soteatlas.Analyst': 'analyst', Analyytikot: 'analyst' },
      scope: 'openid profile email',
      idleMinutes: 30,
      lifetimeHours: 10,
    });
  });

  it('reads the environment alone, and refuses settings that are not valid, saying why', () => {
    expect(
      readSignInSettings(undefined, {
        SOTEATLAS_OIDC_ISSUER: 'https://idp.example/',
        SOTEATLAS_OIDC_CLIENT_ID: 'app',
        SOTEATLAS_APP_URL: 'https://app.example',
      }),
    ).toMatchObject({ issuer: 'https://idp.example/', clientId: 'app' });
    expect(() => readSignInSettings(undefined, { SOTEATLAS_OIDC_ISSUER: 'https://idp.example/' })).toThrow(
      /clientId/,
    );
    expect(() => readSignInSettings(fileWith('issuer: x\nroleValues: { A: wizard }'), {})).toThrow(/issuer/);
  });
});
