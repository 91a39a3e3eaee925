import type { Command } from 'commander';
import { FileRefused, reasonText } from '../../importers/index.js';
import { ReasonLanguage } from '../../model/index.js';
import { importTransitFeed } from '../../network/index.js';
import { openStore } from '../../store/index.js';
import { defaultDatabasePath } from '../paths.js';

export const registerTransit = (program: Command): void => {
  program
    .command('import-transit')
    .description(
      'import a GTFS feed (zip) under a name; prints a JSON summary line (rows in, accepted and rejected by file) and the rejected rows with file, line and reason; exit 2 when refused',
    )
    .argument('<file>', 'GTFS .zip')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option(
      '--name <name>',
      'name of the feed in the store (default: the file name); replaces a feed of that name',
    )
    .option('--lang <fi|sv|en>', 'language of the reasons', 'en')
    .action(async (file: string, options: { db: string; name?: string; lang: string }) => {
      const language = ReasonLanguage.safeParse(options.lang);
      if (!language.success) {
        process.stderr.write(`unknown --lang "${options.lang}"; use fi, sv or en\n`);
        process.exitCode = 1;
        return;
      }
      const store = await openStore(options.db);
      try {
        const { name, summary } = await importTransitFeed(store, file, { name: options.name });
        process.stdout.write(
          `${JSON.stringify({ name, counts: summary.counts, notRead: summary.notRead, serviceFrom: summary.serviceFrom, serviceTo: summary.serviceTo })}\n`,
        );
        for (const r of summary.rejects)
          process.stderr.write(
            `${r.file}:${r.line}${r.column ? ` ${r.column}` : ''}: ${reasonText(language.data, r.reason)}\n`,
          );
      } catch (error) {
        if (error instanceof FileRefused) {
          const why = reasonText(language.data, error.reason);
          process.stdout.write(`${JSON.stringify({ refused: true, reason: why })}\n`);
          process.stderr.write(`${why}\n`);
          process.exitCode = 2;
          return;
        }
        throw error;
      } finally {
        store.close();
      }
    });
};
