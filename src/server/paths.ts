import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root: two levels up both from src/server (tests, tsx) and from dist/server (the build). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where `vite build` writes the web app. */
export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export const readPackageVersion = (): string => {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
};
