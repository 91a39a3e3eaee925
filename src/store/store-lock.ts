import { readFileSync } from 'node:fs';
import { SoteatlasError } from '../model/index.js';

/** DuckDB's words when another process holds the file: "… Conflicting lock is held in /usr/bin/node (PID 4242) …". */
const lockHeld = /Could not set lock on file .*Conflicting lock is held in (.*?) \(PID (\d+)\)/s;

/** The holder's command line, where the system shows it (Linux's /proc), to name the process in words. */
const commandLineOf = (pid: number): string | undefined => {
  try {
    const parts = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return parts.length > 0 ? parts.join(' ') : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A store file held by another process, said in words: which process (DuckDB names its PID) and
 * what to do, instead of DuckDB's lock error. Undefined when the error is something else.
 */
export const explainStoreLock = (error: unknown, path: string): SoteatlasError | undefined => {
  const match = lockHeld.exec(error instanceof Error ? error.message : String(error));
  if (!match) return undefined;
  const pid = Number(match[2]);
  const command = commandLineOf(pid);
  const program = command ?? match[1] ?? 'another program';
  const serving = /soteatlas/.test(command ?? '') && /\b(serve|demo)\b/.test(command ?? '');
  const who = serving
    ? `a running soteatlas server (PID ${pid}: ${program})`
    : `another process (PID ${pid}: ${program})`;
  return new SoteatlasError(
    'unavailable',
    `the store ${path} is in use by ${who}; a store has one writer at a time. Stop \`soteatlas serve\` ` +
      `(Ctrl-C in its terminal, or kill ${pid}) and try again, or give this command another store with --db.`,
    { details: { path, pid, program } },
  );
};
