import type { Command } from 'commander';
import { importFile } from '../../importers/index.js';
import { ImportKind, ReasonLanguage } from '../../model/index.js';
import { openStore } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';

const phaseLabels = { reading: 'reading', validating: 'validating', writing: 'writing' } as const;

export const registerImport = (program: Command): void => {
  program
    .command('import')
    .description('import one file into the store; prints a JSON summary line')
    .argument('<file>', 'CSV, XLSX, JSON/NDJSON, JSON-stat or GeoJSON file')
    .requiredOption('--kind <kind>', `what the file holds: ${ImportKind.options.join(', ')}`)
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--mapping <file>', 'column mapping of the source system (JSON or YAML)')
    .option('--source <name>', 'source system; rows with the same source and id replace each other')
    .option('--dry-run', 'validate and report without writing', false)
    .option('--rejects <file>', 'write the reject report (CSV) here')
    .option('--lang <fi|sv|en>', "language of the summary's reason and the reject report", 'en')
    .action(
      async (
        file: string,
        options: {
          kind: string;
          db: string;
          mapping?: string;
          source?: string;
          dryRun: boolean;
          rejects?: string;
          lang: string;
        },
      ) => {
        const kind = ImportKind.safeParse(options.kind);
        if (!kind.success) {
          process.stderr.write(
            `unknown --kind "${options.kind}"; use one of ${ImportKind.options.join(', ')}\n`,
          );
          process.exitCode = 1;
          return;
        }
        const language = ReasonLanguage.safeParse(options.lang);
        if (!language.success) {
          process.stderr.write(`unknown --lang "${options.lang}"; use fi, sv or en\n`);
          process.exitCode = 1;
          return;
        }
        const store = await openStore(options.db);
        const { signal, dispose } = interruptible();
        const progress = progressBar({ bytes: true });
        try {
          const summary = await importFile(store, {
            file,
            kind: kind.data,
            mapping: options.mapping,
            source: options.source,
            dryRun: options.dryRun,
            rejectsFile: options.rejects,
            language: language.data,
            signal,
            onProgress: ({ phase, done, total }) => progress.update(done, total, phaseLabels[phase]),
          });
          progress.stop();
          process.stdout.write(`${JSON.stringify(summary)}\n`);
          process.exitCode = summary.refused ? 2 : 0;
        } catch (error) {
          progress.stop();
          if (isAbort(error)) {
            process.stderr.write('import cancelled; the store is as it was\n');
            process.exitCode = 130;
            return;
          }
          throw error;
        } finally {
          dispose();
          store.close();
        }
      },
    );
};
