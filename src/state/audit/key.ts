import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The key itself, at least 32 characters: for several processes, or a key kept in a secret store. */
export const auditKeyVariable = 'SOTEATLAS_AUDIT_KEY';
/** A file holding the key, when it is not beside the store. */
export const auditKeyFileVariable = 'SOTEATLAS_AUDIT_KEY_FILE';

const shortestKeyCharacters = 32;

/**
 * Where the key is kept by default: in the store's folder, never inside the store or the state
 * database. One key a folder, not a store file: a store copied to a new name for the next import, and
 * served from there, still writes the same chain.
 */
export const auditKeyFileBeside = (storePath: string): string =>
  join(dirname(storePath), 'soteatlas-audit.key');

export interface AuditKeyOptions {
  /** The analytic store's file; ":memory:" for a store that lasts as long as the process. */
  storePath: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Make the key file when there is none (the server, on first use); verifying never does. */
  create?: boolean;
}

const checkedKey = (text: string, where: string): Buffer => {
  const key = text.trim();
  if (key.length < shortestKeyCharacters)
    throw new Error(`The audit key in ${where} is shorter than ${shortestKeyCharacters} characters.`);
  return Buffer.from(key, 'utf8');
};

const readKeyFile = (path: string): Buffer => {
  // Like ssh with a private key: a key others can read proves nothing about who wrote the log.
  if ((statSync(path).mode & 0o077) !== 0)
    throw new Error(`The audit key file ${path} can be read by others; make it private (chmod 600).`);
  return checkedKey(readFileSync(path, 'utf8'), path);
};

const createKeyFile = (path: string): void => {
  try {
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: theirs is the key.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
};

/**
 * The key the audit log's HMACs are made with. It is kept outside the database, so that whoever can
 * write to the database still cannot recompute the chain after changing a row: from $SOTEATLAS_AUDIT_KEY,
 * else the file $SOTEATLAS_AUDIT_KEY_FILE names, else soteatlas-audit.key in the store's folder, made
 * (mode 0600) on first use.
 * A store in memory with neither gets a key that lasts as long as it does.
 */
export const readAuditKey = ({ storePath, env = process.env, create = false }: AuditKeyOptions): Buffer => {
  const given = env[auditKeyVariable];
  if (given) return checkedKey(given, `$${auditKeyVariable}`);
  const path =
    env[auditKeyFileVariable] || (storePath === ':memory:' ? undefined : auditKeyFileBeside(storePath));
  if (!path) {
    if (create) return randomBytes(32);
    throw new Error(`There is no audit key: set $${auditKeyVariable} or $${auditKeyFileVariable}.`);
  }
  try {
    return readKeyFile(path);
  } catch (error) {
    if (!create || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  createKeyFile(path);
  return readKeyFile(path);
};
