import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeyFileBeside, readAuditKey } from './key.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'soteatlas-audit-key-'));

describe('readAuditKey', () => {
  it('makes a private key file beside the store on first use, and reads the same key after', () => {
    const storePath = join(tempDir(), 'store.duckdb');
    const made = readAuditKey({ storePath, env: {}, create: true });
    expect(statSync(auditKeyFileBeside(storePath)).mode & 0o777).toBe(0o600);
    expect(readAuditKey({ storePath, env: {} })).toEqual(made);
  });

  it('does not make one for verifying: a new key would only say every row is bad', () => {
    expect(() => readAuditKey({ storePath: join(tempDir(), 'store.duckdb'), env: {} })).toThrow(/ENOENT/);
  });

  it('takes the key from the environment before any file, and refuses a short one', () => {
    const env = { SOTEATLAS_AUDIT_KEY: 'k'.repeat(40) };
    expect(readAuditKey({ storePath: ':memory:', env }).toString()).toBe('k'.repeat(40));
    expect(() => readAuditKey({ storePath: ':memory:', env: { SOTEATLAS_AUDIT_KEY: 'short' } })).toThrow(
      /shorter than 32/,
    );
  });

  it('refuses a key file others can read', () => {
    const path = join(tempDir(), 'key');
    writeFileSync(path, 'k'.repeat(64), { mode: 0o644 });
    expect(() => readAuditKey({ storePath: ':memory:', env: { SOTEATLAS_AUDIT_KEY_FILE: path } })).toThrow(
      /chmod 600/,
    );
  });
});
