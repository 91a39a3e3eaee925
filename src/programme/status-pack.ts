import type ExcelJS from 'exceljs';
import { excelJs } from '../importers/index.js';
import type { EffectView, ProgrammeView, ProjectView, ReportLanguage } from '../model/index.js';
import { packDate, type StatusPackTexts, statusPackTexts } from './status-pack-texts.js';

const bold = { bold: true } as const;

const header = (sheet: ExcelJS.Worksheet, titles: string[]) => {
  sheet.addRow(titles).font = bold;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => {
    c.width = Math.max(10, Math.min(50, (titles[i]?.length ?? 10) + 4));
  });
};

const nameOf = (p: ProjectView, language: ReportLanguage) => p.names?.[language] ?? p.name;

/** A figure, or the suppression mark where it was withheld (never 0), or empty where there is none. */
const figure = (e: EffectView, value: number | null | undefined, t: StatusPackTexts) =>
  value ?? (e.latest?.suppressed ? t.suppressedMark : '');

const portfolio = (
  book: ExcelJS.Workbook,
  view: ProgrammeView,
  language: ReportLanguage,
  t: StatusPackTexts,
) => {
  const c = t.columns;
  const sheet = book.addWorksheet(t.sheets.portfolio);
  header(sheet, [
    c.code,
    c.project,
    c.owner,
    c.phase,
    c.start,
    c.end,
    c.course,
    c.rag,
    c.overdue,
    c.budget,
    c.spent,
    c.topRisk,
  ]);
  for (const p of view.projects)
    sheet.addRow([
      p.code,
      nameOf(p, language),
      p.owner,
      t.phase[p.phase],
      packDate(language, p.start),
      packDate(language, p.end),
      t.course[p.course],
      p.latestStatus ? t.rag[p.latestStatus.status] : '',
      p.overdueMilestones,
      p.budgetEuros,
      p.spentEuros,
      p.topRiskScore,
    ]);
};

const effects = (
  book: ExcelJS.Workbook,
  view: ProgrammeView,
  language: ReportLanguage,
  t: StatusPackTexts,
) => {
  const c = t.columns;
  const sheet = book.addWorksheet(t.sheets.effects);
  header(sheet, [
    c.code,
    c.indicator,
    c.baseline,
    c.expected,
    c.expectedBy,
    c.period,
    c.value,
    c.lower,
    c.upper,
    c.line,
    c.course,
  ]);
  for (const p of view.projects)
    for (const e of p.effectViews)
      sheet.addRow([
        p.code,
        e.title?.[language] ?? e.indicatorId,
        `${e.baselineValue} (${e.baselinePeriod})`,
        e.expectedValue,
        e.expectedBy,
        e.latest?.period ?? '',
        figure(e, e.latest?.value, t),
        figure(e, e.latest?.lower, t),
        figure(e, e.latest?.upper, t),
        e.latest ? Number(e.latest.expected.toFixed(3)) : '',
        t.course[e.status],
      ]);
};

const details = (
  book: ExcelJS.Workbook,
  view: ProgrammeView,
  language: ReportLanguage,
  t: StatusPackTexts,
) => {
  const c = t.columns;
  const milestones = book.addWorksheet(t.sheets.milestones);
  header(milestones, [c.code, c.milestone, c.due, c.done]);
  const risks = book.addWorksheet(t.sheets.risks);
  header(risks, [c.code, c.risk, c.likelihood, c.impact, c.score, c.mitigation, c.owner]);
  const reports = book.addWorksheet(t.sheets.reports);
  header(reports, [c.code, c.date, c.rag, c.text]);
  for (const p of view.projects) {
    for (const m of p.milestones)
      milestones.addRow([
        p.code,
        m.title,
        packDate(language, m.due),
        m.done ? packDate(language, m.done) : '',
      ]);
    for (const r of [...p.risks].sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact))
      risks.addRow([p.code, r.title, r.likelihood, r.impact, r.likelihood * r.impact, r.mitigation, r.owner]);
    for (const s of p.statusReports)
      reports.addRow([p.code, packDate(language, s.date), t.rag[s.status], s.text]);
  }
};

/**
 * The steering group's status pack as a workbook: the portfolio (course by the projects' own measures
 * beside their status reports, milestones, money and largest risk), the effects against their lines,
 * and the milestones, risks and status reports. Figures withheld from the reader are marked "<5".
 */
export const statusPackWorkbook = (view: ProgrammeView, language: ReportLanguage): ExcelJS.Workbook => {
  const t = statusPackTexts[language];
  const book = new (excelJs().Workbook)();
  book.creator = 'Soteatlas';
  book.title = `${t.title} ${packDate(language, view.asOf)}`;
  portfolio(book, view, language, t);
  effects(book, view, language, t);
  details(book, view, language, t);
  return book;
};

export const statusPackXlsx = async (view: ProgrammeView, language: ReportLanguage): Promise<Buffer> =>
  Buffer.from(await statusPackWorkbook(view, language).xlsx.writeBuffer());
