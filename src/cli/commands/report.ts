import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { ReportLanguage, Role, type Viewer, viewerWithRoles } from '../../model/index.js';
import { findSet, gatherReport, printReportPdf, reportXlsx } from '../../reports/index.js';
import { indicatorSourceOf, startServer } from '../../server/index.js';
import type { StateDb } from '../../state/index.js';
import { openStore, type Store } from '../../store/index.js';
import { interruptible } from '../interrupt.js';
import { defaultDatabasePath, defaultWebRoot } from '../paths.js';
import { openStateOf } from '../state.js';

interface ReportOptions {
  set: string;
  period?: string;
  out: string;
  db: string;
  lang: string;
  role: string;
  json: boolean;
}

const yearOf = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new Error(`--period must be a year (YYYY), not "${text}"`);
  return Number(text);
};

type Request = Parameters<typeof gatherReport>[2];

const xlsxFile = async (store: Store, state: StateDb, request: Request) => {
  const report = await gatherReport(store, state, {
    ...request,
    source: await indicatorSourceOf(store, state),
  });
  if (!report) throw new Error(`there is no monitoring set "${request.set}"`);
  return { file: await reportXlsx(report), period: report.period, indicators: report.items.length };
};

/** The PDF is the web app's report page printed: a server over the store on a free port, for as long as it takes. */
const pdfFile = async (
  { store, state }: { store: Store; state: StateDb },
  request: Request,
  signal: AbortSignal,
): Promise<{ file: Buffer; period: string | undefined; indicators: number | undefined }> => {
  const set = await findSet(state, request.set);
  if (!set) throw new Error(`there is no monitoring set "${request.set}"`);
  const server = await startServer({
    store,
    state,
    port: 0,
    webRoot: process.env.SOTEATLAS_WEB_ROOT ?? defaultWebRoot,
  });
  try {
    const file = await printReportPdf({
      baseUrl: server.url,
      set: String(set.id),
      year: request.year,
      ...(request.language && { language: request.language }),
      ...(request.viewer && { viewer: request.viewer }),
      signal,
    });
    return {
      file,
      period: request.year === undefined ? undefined : String(request.year),
      indicators: set.items.length,
    };
  } finally {
    await server.close();
  }
};

export const registerReport = (program: Command): void => {
  program
    .command('report')
    .description('write a monitoring set’s report pack: a PDF (the printed report page) or an XLSX workbook')
    .requiredOption('--set <name>', 'the monitoring set, by name (or id)')
    .option('--period <YYYY>', 'the year the figures are for (default: the latest with events)')
    .requiredOption('--out <file>', 'where to write: FILE.pdf or FILE.xlsx')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--lang <fi|sv|en>', 'language of the report', 'fi')
    .option(
      '--role <role>',
      'whose report: figures of 1–4 people are withheld from anyone but an analyst',
      'manager',
    )
    .option('--json', 'print a JSON summary', false)
    .action(async (options: ReportOptions) => {
      const format = extname(options.out).toLowerCase();
      if (format !== '.pdf' && format !== '.xlsx') throw new Error('--out must end in .pdf or .xlsx');
      const language = ReportLanguage.parse(options.lang);
      const role = Role.parse(options.role);
      if (role === 'producer') throw new Error('a producer’s report needs its producer; use the API');
      const viewer: Viewer = viewerWithRoles([role]);
      const request = { set: options.set, year: yearOf(options.period), language, viewer };
      const store = await openStore(options.db);
      const state = await openStateOf(store);
      const interrupt = interruptible();
      try {
        if (!options.json) process.stderr.write(`Writing the report of "${options.set}"…\n`);
        const written =
          format === '.xlsx'
            ? await xlsxFile(store, state, request)
            : await pdfFile({ store, state }, request, interrupt.signal);
        await writeFile(options.out, written.file);
        const summary = {
          file: options.out,
          format: format.slice(1),
          bytes: written.file.length,
          set: options.set,
          period: written.period ?? null,
          indicators: written.indicators ?? null,
          language,
          role,
        };
        process.stdout.write(
          options.json
            ? `${JSON.stringify(summary)}\n`
            : `Wrote ${summary.file} (${summary.bytes.toLocaleString('fi-FI')} bytes)\n`,
        );
      } finally {
        interrupt.dispose();
        await state.close();
        store.close();
      }
    });
};
