import { z } from 'zod';
import { Role } from './viewer.js';

/**
 * The app-role values Soteatlas reads by default, as a county defines them in Microsoft Entra ID
 * (App registrations → App roles): the value "Soteatlas.Analyst" makes the user an analyst, and so on.
 */
export const defaultRoleValues: Readonly<Record<string, Role>> = {
  'Soteatlas.Analyst': 'analyst',
  'Soteatlas.Manager': 'manager',
  'Soteatlas.Planner': 'planner',
  'Soteatlas.Steering': 'steering',
  'Soteatlas.Producer': 'producer',
  'Soteatlas.Auditor': 'auditor',
  'Soteatlas.Administrator': 'administrator',
};

/**
 * How people sign in with OpenID Connect (authorisation code flow with PKCE, state and nonce): read from
 * the file given with `--sign-in` and the SOTEATLAS_OIDC_* environment variables.
 */
export const SignInSettings = z.strictObject({
  /** The issuer identifier; for Entra ID the tenant's own, https://login.microsoftonline.com/<tenant>/v2.0. */
  issuer: z.url(),
  clientId: z.string().min(1),
  /** Absent for a public client, which proves itself with PKCE alone. */
  clientSecret: z.string().min(1).optional(),
  /** The address people open the app at; the provider sends them back to `<appUrl>/auth/callback`. */
  appUrl: z.url(),
  /** The ID token claim listing the user's app roles (Entra ID: `roles`; never `groups`). */
  roleClaim: z.string().min(1).default('roles'),
  /** The ID token claim with the producer code of a producer's user. */
  producerClaim: z.string().min(1).default('producer_code'),
  /** Claim value → Soteatlas role; values not listed give no role. */
  roleValues: z.record(z.string(), Role).default({ ...defaultRoleValues }),
  scope: z.string().default('openid profile email'),
  /** A session unused this long ends. */
  idleMinutes: z.number().positive().default(30),
  /** A session ends this long after sign-in, however busy. */
  lifetimeHours: z.number().positive().default(10),
});
export type SignInSettings = z.infer<typeof SignInSettings>;
export type SignInSettingsInput = z.input<typeof SignInSettings>;
