import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { StateBackup, type StateTableSummary } from '../../model/index.js';
import { backupState, restoreState, type StateDb, summarise } from '../../state/index.js';
import { openStore } from '../../store/index.js';
import { defaultDatabasePath } from '../paths.js';
import { openStateOf } from '../state.js';

interface StateOptions {
  db: string;
  state?: string;
  json: boolean;
}

/** The state of the store's county, the store read-only when the state is elsewhere (servers may hold it). */
const withState = async <T>(options: StateOptions, work: (state: StateDb) => Promise<T>): Promise<T> => {
  const store = await openStore(options.db, { readOnly: options.state !== undefined });
  try {
    const state = await openStateOf(store, options.state);
    try {
      return await work(state);
    } finally {
      await state.close();
    }
  } finally {
    store.close();
  }
};

/** Rows and a content hash per table: the same lines after a backup and after its restore mean the same state. */
const printSummary = (summary: readonly StateTableSummary[], json: boolean): void => {
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const width = Math.max(5, ...summary.map((s) => s.table.length));
  const lines = summary.map((s) => `${s.table.padEnd(width)} ${String(s.rows).padStart(8)}  ${s.sha256}`);
  process.stdout.write(`${['table'.padEnd(width), '    rows', ' sha256'].join(' ')}\n${lines.join('\n')}\n`);
};

const stateOptions = (command: Command): Command =>
  command
    .option('--db <path>', 'the store (its county; the state too unless --state)', defaultDatabasePath)
    .option('--state <url>', 'the state on PostgreSQL (postgres://…)')
    .option('--json', 'print the summary as JSON', false);

export const registerBackup = (program: Command): void => {
  stateOptions(
    program
      .command('backup')
      .description("write the county's state (users, sessions, audit log, everything users edit) to a file"),
  )
    .requiredOption('--out <file>', 'where to write the backup (JSON)')
    .action(async (options: StateOptions & { out: string }) => {
      const backup = await withState(options, backupState);
      await writeFile(options.out, `${JSON.stringify(backup)}\n`);
      if (!options.json)
        process.stderr.write(`Wrote the state of county ${backup.county} to ${options.out}.\n`);
      printSummary(summarise(backup.tables), options.json);
    });

  stateOptions(
    program
      .command('restore')
      .description("replace the county's state with a backup; prints the same summary the backup printed"),
  )
    .argument('<file>', 'a file written by soteatlas backup')
    .action(async (file: string, options: StateOptions) => {
      const backup = StateBackup.parse(JSON.parse(await readFile(file, 'utf8')));
      const restored = await withState(options, (state) => restoreState(state, backup));
      if (!options.json)
        process.stderr.write(`Restored the state of county ${backup.county} from ${file}.\n`);
      printSummary(restored, options.json);
    });
};
