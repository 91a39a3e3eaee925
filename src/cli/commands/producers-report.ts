import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import {
  ReportLanguage,
  Role,
  SteeringPeriod,
  seesUnsuppressed,
  type Viewer,
  viewerWithRoles,
} from '../../model/index.js';
import { fixedViewerAccess, startServer } from '../../server/index.js';
import type { StateDb } from '../../state/index.js';
import {
  printScorecardPackPdf,
  producerScorecard,
  scorecardXlsx,
  steeringEdits,
} from '../../steering/index.js';
import { openStore, type Store } from '../../store/index.js';
import { interruptible } from '../interrupt.js';
import { defaultDatabasePath, defaultWebRoot } from '../paths.js';
import { openStateOf } from '../state.js';

export interface PackRequest {
  producerCode: string;
  period: string;
  language: ReportLanguage;
  viewer: Viewer;
  signal?: AbortSignal;
}

/**
 * A producer's steering-meeting pack as a file's bytes: the workbook, or the Producers page printed by
 * a server of its own that shows it as `viewer` may see it.
 */
export const scorecardPackFile = async (
  { store, state }: { store: Store; state: StateDb },
  format: 'xlsx' | 'pdf',
  { producerCode, period, language, viewer, signal }: PackRequest,
): Promise<Buffer> => {
  // The scorecard is computed first either way: an unknown producer fails here, before a browser starts.
  // It is the one the server answers: with every edit made in the app, not only the contracts'.
  const card = await producerScorecard(store, {
    producerCode,
    period,
    unsuppressed: seesUnsuppressed(viewer),
    ...(await steeringEdits(store, state, producerCode)),
  });
  if (format === 'xlsx') return scorecardXlsx(card, language);
  const server = await startServer({
    store,
    state,
    port: 0,
    webRoot: process.env.SOTEATLAS_WEB_ROOT ?? defaultWebRoot,
    authenticator: fixedViewerAccess(viewer),
  });
  try {
    return await printScorecardPackPdf(server.url, { producerCode, period, language }, signal);
  } finally {
    await server.close();
  }
};

const viewerOf = (roleText: string): Viewer => {
  const role = Role.parse(roleText);
  if (role === 'producer') throw new Error('a producer’s view needs its producer; use the API');
  return viewerWithRoles([role]);
};

interface ReportOptions {
  producer: string;
  period: string;
  out: string;
  db: string;
  state?: string;
  language: string;
  role: string;
}

/** `producers report`: a producer's scorecard for a period as a steering-meeting pack, PDF or XLSX. */
export const registerProducersReport = (producers: Command): void => {
  producers
    .command('report')
    .description(
      "write a producer's steering-meeting pack: a PDF (the printed scorecard) or an XLSX workbook",
    )
    .requiredOption('--producer <code>', 'the producer')
    .requiredOption('--period <YYYY[-MM]>', 'a year or a month')
    .requiredOption('--out <file>', 'where to write: FILE.pdf or FILE.xlsx')
    .option('--language <fi|sv|en>', 'language of the pack', 'fi')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option(
      '--state <url>',
      'PostgreSQL URL of the state holding the edits made in the app (default: inside the store)',
    )
    .option(
      '--role <role>',
      'whose pack: figures about 1–4 clients are withheld from anyone without unsuppressed access',
      'steering',
    )
    .action(async (options: ReportOptions) => {
      const format = extname(options.out).toLowerCase();
      if (format !== '.pdf' && format !== '.xlsx') throw new Error('--out must end in .pdf or .xlsx');
      if (!SteeringPeriod.safeParse(options.period).success)
        throw new Error(`--period "${options.period}" is not valid`);
      const language = ReportLanguage.parse(options.language);
      const viewer = viewerOf(options.role);
      const interrupt = interruptible();
      const store = await openStore(options.db);
      try {
        const state = await openStateOf(store, options.state);
        try {
          process.stderr.write('Writing the steering-meeting pack…\n');
          const file = await scorecardPackFile({ store, state }, format === '.pdf' ? 'pdf' : 'xlsx', {
            producerCode: options.producer,
            period: options.period,
            language,
            viewer,
            signal: interrupt.signal,
          });
          await writeFile(options.out, file);
          process.stdout.write(`Wrote ${options.out} (${file.length.toLocaleString('fi-FI')} bytes)\n`);
        } finally {
          await state.close();
        }
      } finally {
        interrupt.dispose();
        store.close();
      }
    });
};
