import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import {
  type CourseStatus,
  type ProgrammeView,
  ReportLanguage,
  Role,
  type Viewer,
  viewerWithRoles,
} from '../../model/index.js';
import {
  ensureShippedProgramme,
  evaluateProgramme,
  listProjects,
  packDate,
  printStatusPackPdf,
  statusPackTexts,
  statusPackXlsx,
} from '../../programme/index.js';
import { reportTexts } from '../../reports/index.js';
import { indicatorSourceOf, startServer } from '../../server/index.js';
import type { StateDb } from '../../state/index.js';
import { openStore, type Store } from '../../store/index.js';
import { interruptible } from '../interrupt.js';
import { defaultDatabasePath, defaultWebRoot } from '../paths.js';
import { openStateOf } from '../state.js';

const viewerOf = (roleText: string): Viewer => {
  const role = Role.parse(roleText);
  if (role === 'producer') throw new Error('a producer’s view needs its producer; use the API');
  return viewerWithRoles([role]);
};

/** The programme as `viewer` sees it, with the shipped projects seeded on first use. */
export const programmeOf = async (store: Store, state: StateDb, viewer: Viewer): Promise<ProgrammeView> => {
  await ensureShippedProgramme(state);
  return evaluateProgramme(store, await listProjects(state), {
    viewer,
    source: await indicatorSourceOf(store, state),
  });
};

const marks: Record<CourseStatus, string> = { onCourse: '●', uncertain: '◐', offCourse: '○', unknown: '·' };

/**
 * One line a project: its course by its own measures beside its milestones, status report and money.
 * Under them, when a figure is withheld, what "<5" means, in the words of the report packs.
 */
export const programmeStatusText = (view: ProgrammeView, language: ReportLanguage = 'en'): string => {
  const t = statusPackTexts[language];
  const lines = [`${t.title} ${packDate(language, view.asOf)}`, ''];
  for (const p of view.projects) {
    const spent = p.budgetEuros > 0 ? `${Math.round((100 * p.spentEuros) / p.budgetEuros)} %` : '–';
    lines.push(
      `${marks[p.course]} ${p.code.padEnd(5)} ${(p.names?.[language] ?? p.name).slice(0, 44).padEnd(44)} ${t.course[p.course].padEnd(20)} ${(p.latestStatus ? t.rag[p.latestStatus.status] : '–').padEnd(10)} ${t.columns.overdue}: ${p.overdueMilestones}  ${t.columns.spent}: ${spent}`,
    );
    for (const e of p.effectViews) {
      const value = e.latest?.value ?? (e.latest?.suppressed ? '<5' : '–');
      const expected = e.latest ? e.latest.expected.toFixed(e.decimals ?? 1) : '–';
      const shown = typeof value === 'number' ? value.toFixed(e.decimals ?? 1) : value;
      lines.push(
        `        ${(e.title?.[language] ?? e.indicatorId).slice(0, 50).padEnd(50)} ${e.latest?.period ?? '–'}: ${shown} (${expected}) → ${e.expectedValue} / ${e.expectedBy}`,
      );
    }
  }
  const counted = (Object.keys(view.counts) as CourseStatus[]).map((s) => `${t.course[s]} ${view.counts[s]}`);
  lines.push('', counted.join(', '));
  if (view.projects.some((p) => p.effectViews.some((e) => e.latest?.suppressed)))
    lines.push('', reportTexts[language].suppressedNote);
  return `${lines.join('\n')}\n`;
};

/** The status pack as a file's bytes: the workbook, or the Programme page printed by a server of its own. */
export const statusPackFile = async (
  { store, state }: { store: Store; state: StateDb },
  format: 'xlsx' | 'pdf',
  { viewer, language, signal }: { viewer: Viewer; language: ReportLanguage; signal?: AbortSignal },
): Promise<Buffer> => {
  if (format === 'xlsx') return statusPackXlsx(await programmeOf(store, state, viewer), language);
  await ensureShippedProgramme(state);
  const server = await startServer({
    store,
    state,
    port: 0,
    webRoot: process.env.SOTEATLAS_WEB_ROOT ?? defaultWebRoot,
  });
  try {
    return await printStatusPackPdf(server.url, language, signal);
  } finally {
    await server.close();
  }
};

const withStore = async <T>(db: string, work: (opened: { store: Store; state: StateDb }) => Promise<T>) => {
  const store = await openStore(db);
  const state = await openStateOf(store);
  try {
    return await work({ store, state });
  } finally {
    await state.close();
    store.close();
  }
};

export const registerProgramme = (program: Command): void => {
  const command = program.command('programme').description('the reform programme: projects and their course');
  command
    .command('status')
    .description(
      'each project’s course by its own indicators, status report, overdue milestones and spending',
    )
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--lang <fi|sv|en>', 'language', 'en')
    .option(
      '--role <role>',
      'whose view: figures of 1–4 people are withheld from anyone but an analyst',
      'manager',
    )
    .option('--json', 'print JSON', false)
    .action(async (options: { db: string; lang: string; role: string; json: boolean }) => {
      const language = ReportLanguage.parse(options.lang);
      const view = await withStore(options.db, ({ store, state }) =>
        programmeOf(store, state, viewerOf(options.role)),
      );
      process.stdout.write(options.json ? `${JSON.stringify(view)}\n` : programmeStatusText(view, language));
    });
  command
    .command('report')
    .description(
      'write the steering group’s status pack: a PDF (the printed Programme page) or an XLSX workbook',
    )
    .requiredOption('--out <file>', 'where to write: FILE.pdf or FILE.xlsx')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--lang <fi|sv|en>', 'language of the pack', 'fi')
    .option(
      '--role <role>',
      'whose pack: figures of 1–4 people are withheld from anyone but an analyst',
      'manager',
    )
    .action(async (options: { out: string; db: string; lang: string; role: string }) => {
      const format = extname(options.out).toLowerCase();
      if (format !== '.pdf' && format !== '.xlsx') throw new Error('--out must end in .pdf or .xlsx');
      const language = ReportLanguage.parse(options.lang);
      const viewer = viewerOf(options.role);
      const interrupt = interruptible();
      try {
        process.stderr.write('Writing the status pack…\n');
        const file = await withStore(options.db, (opened) =>
          statusPackFile(opened, format === '.pdf' ? 'pdf' : 'xlsx', {
            viewer,
            language,
            signal: interrupt.signal,
          }),
        );
        await writeFile(options.out, file);
        process.stdout.write(`Wrote ${options.out} (${file.length.toLocaleString('fi-FI')} bytes)\n`);
      } finally {
        interrupt.dispose();
      }
    });
};
