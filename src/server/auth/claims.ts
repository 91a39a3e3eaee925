import { Role, type SignInSettings } from '../../model/index.js';
import type { SignIn } from '../../state/index.js';

type Claims = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The roles the claim's values map to; a value the county has not mapped gives none. */
export const rolesOfClaim = (value: unknown, roleValues: SignInSettings['roleValues']): Role[] => {
  const values = Array.isArray(value) ? value : [value];
  const roles = new Set(
    values.flatMap((v) => (typeof v === 'string' && roleValues[v] ? [roleValues[v]] : [])),
  );
  return Role.options.filter((role) => roles.has(role));
};

/** What a verified ID token says of its user, as a sign-in to record. */
export const signInOfClaims = (
  claims: Claims,
  settings: Pick<SignInSettings, 'roleClaim' | 'producerClaim' | 'roleValues'>,
): SignIn => {
  const issuer = text(claims.iss);
  const subject = text(claims.sub);
  if (!issuer || !subject) throw new Error('a verified ID token lacks iss or sub');
  const email = text(claims.email);
  const producerCode = text(claims[settings.producerClaim]);
  return {
    issuer,
    subject,
    name: text(claims.name) ?? text(claims.preferred_username) ?? email ?? subject,
    ...(email && { email }),
    claimRoles: rolesOfClaim(claims[settings.roleClaim], settings.roleValues),
    ...(producerCode && { claimProducerCode: producerCode }),
  };
};
