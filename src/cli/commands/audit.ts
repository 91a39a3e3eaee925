import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AuditAnchor } from '../../model/index.js';
import {
  type AuditVerification,
  auditAnchor,
  defaultRetentionYears,
  pruneAuditLog,
  readAuditKey,
  type StateDb,
  verifyAuditLog,
} from '../../state/index.js';
import { openStore } from '../../store/index.js';
import { defaultDatabasePath } from '../paths.js';
import { openStateOf } from '../state.js';

interface StateOptions {
  db: string;
  state?: string;
}

/**
 * Runs `work` on the audit log of the store's county and its key. With the state on PostgreSQL the
 * store is opened read-only, as the servers open it, so that this runs beside them; the embedded state
 * needs the store to itself.
 */
const withAuditLog = async <T>(
  options: StateOptions,
  work: (state: StateDb, key: Buffer) => Promise<T>,
): Promise<T> => {
  const key = readAuditKey({ storePath: options.db });
  const store = await openStore(options.db, { readOnly: options.state !== undefined });
  try {
    const state = await openStateOf(store, options.state);
    try {
      return await work(state, key);
    } finally {
      await state.close();
    }
  } finally {
    store.close();
  }
};

const withStateOptions = (command: Command): Command =>
  command
    .option('--db <path>', 'the store (the audit key is looked for beside it)', defaultDatabasePath)
    .option('--state <url>', 'the state on PostgreSQL (postgres://…), when it is not inside the store');

const verificationText = (result: AuditVerification): string => {
  const span = `rows ${result.startSeq + 1}–${result.lastSeq}`;
  if (!result.ok) return `The audit log does not verify: ${result.problem?.message}\n`;
  const pruned = result.startSeq > 0 ? ` (rows up to ${result.startSeq} pruned)` : '';
  const anchor =
    result.anchor === 'matches'
      ? ' The anchor matches.'
      : result.anchor === 'prunedSince'
        ? ' The anchor is older than the pruned rows and could not be compared.'
        : '';
  return `The audit log verifies: ${result.rowsChecked} rows, ${span}${pruned}.${anchor}\n`;
};

const registerVerify = (audit: Command): void => {
  withStateOptions(audit.command('verify'))
    .description('check the audit log’s HMAC chain; name the first row changed, deleted, inserted or moved')
    .option('--anchor <file>', 'the last exported anchor, which catches rows removed from the end')
    .option('--json', 'print JSON', false)
    .action(async (options: StateOptions & { anchor?: string; json: boolean }) => {
      const anchor = options.anchor
        ? AuditAnchor.parse(JSON.parse(readFileSync(options.anchor, 'utf8')))
        : undefined;
      const result = await withAuditLog(options, (state, key) => verifyAuditLog(state, key, anchor));
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : verificationText(result));
      // 2, as for an import refused: the command worked, and what it found is not right.
      if (!result.ok) process.exitCode = 2;
    });
};

const registerExportAnchor = (audit: Command): void => {
  withStateOptions(audit.command('export-anchor'))
    .description(
      'write the newest row’s number and HMAC to a file, to keep where the database’s users cannot write',
    )
    .requiredOption('--out <file>', 'where to write the anchor (JSON)')
    .action(async (options: StateOptions & { out: string }) => {
      const anchor = await withAuditLog(options, async (state, key) => {
        // An anchor vouches for everything before it; a log that does not verify gets none.
        const checked = await verifyAuditLog(state, key);
        if (!checked.ok) throw new Error(`the audit log does not verify: ${checked.problem?.message}`);
        return auditAnchor(state);
      });
      writeFileSync(options.out, `${JSON.stringify(anchor, null, 2)}\n`);
      process.stdout.write(
        `Anchor of county ${anchor.county} at row ${anchor.seq} written to ${options.out}\n`,
      );
    });
};

const retentionYearsOf = (value: string | undefined): number => {
  const years = Number(value ?? process.env.SOTEATLAS_AUDIT_RETENTION_YEARS ?? defaultRetentionYears);
  if (!Number.isInteger(years) || years < 1)
    throw new Error(`the retention must be whole years, not ${value}`);
  return years;
};

const registerPrune = (audit: Command): void => {
  withStateOptions(audit.command('prune'))
    .description(
      `remove audit rows older than the retention (default $SOTEATLAS_AUDIT_RETENTION_YEARS or ${defaultRetentionYears} years); on PostgreSQL, connect as the owner role`,
    )
    .option('--retention-years <n>', 'how many years of rows to keep')
    .action(async (options: StateOptions & { retentionYears?: string }) => {
      const retentionYears = retentionYearsOf(options.retentionYears);
      const result = await withAuditLog(options, (state, key) =>
        pruneAuditLog(state, key, { retentionYears }),
      );
      process.stdout.write(
        result.start
          ? `Pruned ${result.rowsPruned} rows older than ${retentionYears} years; the chain now starts after row ${result.start.seq}.\n`
          : `No rows older than ${retentionYears} years.\n`,
      );
    });
};

export const registerAudit = (program: Command): void => {
  const audit = program
    .command('audit')
    .description('the audit log: verify its chain, export an anchor, prune');
  registerVerify(audit);
  registerExportAnchor(audit);
  registerPrune(audit);
};
