import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { SignInSettings } from '../../model/index.js';

/** Each setting's environment variable; one set there wins over the file. Secrets belong here. */
const fromEnvironment = {
  issuer: 'SOTEATLAS_OIDC_ISSUER',
  clientId: 'SOTEATLAS_OIDC_CLIENT_ID',
  clientSecret: 'SOTEATLAS_OIDC_CLIENT_SECRET',
  appUrl: 'SOTEATLAS_APP_URL',
  roleClaim: 'SOTEATLAS_OIDC_ROLE_CLAIM',
  producerClaim: 'SOTEATLAS_OIDC_PRODUCER_CLAIM',
} as const;

/**
 * The sign-in settings from `file` (YAML or JSON) and the environment, or undefined when neither names an
 * issuer: then no one signs in. Settings that do not validate stop the server with the reasons.
 */
export const readSignInSettings = (
  file: string | undefined,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): SignInSettings | undefined => {
  const fromFile: Record<string, unknown> = file ? (parseYaml(readFileSync(file, 'utf8')) ?? {}) : {};
  const merged = { ...fromFile };
  for (const [key, variable] of Object.entries(fromEnvironment)) {
    const value = environment[variable];
    if (value) merged[key] = value;
  }
  if (!file && merged.issuer === undefined) return undefined;
  const parsed = SignInSettings.safeParse(merged);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`The sign-in settings${file ? ` in ${file}` : ''} are not valid: ${reasons.join('; ')}`);
  }
  return parsed.data;
};
