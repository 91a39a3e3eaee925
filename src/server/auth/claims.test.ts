import { describe, expect, it } from 'vitest';
import { defaultRoleValues } from '../../model/index.js';
import { rolesOfClaim, signInOfClaims } from './claims.js';

const settings = { roleClaim: 'roles', producerClaim: 'producer_code', roleValues: defaultRoleValues };

describe('claims', () => {
  it('maps app-role values to roles, ignoring values not mapped and groups', () => {
    expect(
      rolesOfClaim(['Soteatlas.Planner', 'Soteatlas.Analyst', 'Other.App', 7], defaultRoleValues),
    ).toEqual(['analyst', 'planner']);
    expect(rolesOfClaim('Soteatlas.Auditor', defaultRoleValues)).toEqual(['auditor']);
    expect(rolesOfClaim(undefined, defaultRoleValues)).toEqual([]);
  });

  it('reads a sign-in from an Entra ID token: name, email, roles, producer', () => {
    expect(
      signInOfClaims(
        {
          iss: 'https://login.microsoftonline.com/tid/v2.0',
          sub: 'abc',
          name: 'Pia Producer',
          email: 'pia@example.fi',
          roles: ['Soteatlas.Producer'],
          groups: ['Soteatlas.Administrator'],
          producer_code: 'HYMY',
        },
        settings,
      ),
    ).toEqual({
      issuer: 'https://login.microsoftonline.com/tid/v2.0',
      subject: 'abc',
      name: 'Pia Producer',
      email: 'pia@example.fi',
      claimRoles: ['producer'],
      claimProducerCode: 'HYMY',
    });
  });

  it('names a user by username, email or subject when the token has no name', () => {
    const base = { iss: 'https://idp', sub: 's1' };
    expect(signInOfClaims({ ...base, preferred_username: 'u@x' }, settings).name).toBe('u@x');
    expect(signInOfClaims(base, settings)).toEqual({
      issuer: 'https://idp',
      subject: 's1',
      name: 's1',
      claimRoles: [],
    });
    expect(() => signInOfClaims({ iss: 'https://idp' }, settings)).toThrow();
  });
});
