import type { Command } from 'commander';
import { openStore, storeStatus } from '../../store/index.js';
import { defaultDatabasePath } from '../paths.js';

export const registerStatus = (program: Command): void => {
  program
    .command('status')
    .description('what the store holds: counts by kind, years covered, imports')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--json', 'print JSON', false)
    .action(async (options: { db: string; json: boolean }) => {
      const store = await openStore(options.db);
      try {
        const status = await storeStatus(store);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(status)}\n`);
          return;
        }
        const lines = [`Store: ${options.db}`, '', 'Records:'];
        for (const [kind, count] of Object.entries(status.counts))
          lines.push(`  ${kind.padEnd(16)} ${count.toLocaleString('fi-FI')}`);
        lines.push('', 'Years:');
        for (const [kind, years] of Object.entries(status.years)) {
          lines.push(`  ${kind.padEnd(16)} ${years.length ? `${years[0]}–${years[years.length - 1]}` : '–'}`);
        }
        lines.push('', 'Imports:');
        for (const i of status.imports) {
          lines.push(
            `  #${String(i.importId).padEnd(4)} ${i.kind.padEnd(11)} ${i.sourceFile.padEnd(34)} read ${i.rowsRead}, accepted ${i.rowsAccepted}, rejected ${i.rowsRejected}`,
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        store.close();
      }
    });
};
