import { normaliseHeader } from '../importers/index.js';
import {
  FundingSource,
  type Milestone,
  type ProgrammeImportReject,
  ProjectCode,
  type ProjectFields,
  ProjectInput,
  type ProjectRisk,
} from '../model/index.js';
import { fundingWords, phaseWords } from './workbook-columns.js';
import { refuseCycles } from './workbook-cycles.js';
import type { SheetRow, WorkbookRows } from './workbook-read.js';
import { codesOf, dateOf, numberOf } from './workbook-values.js';

export interface WorkbookProjects {
  /** The projects as they are to be saved: the workbook's fields over what the state held. */
  projects: ProjectFields[];
  rowsRead: number;
  accepted: number;
  rejected: ProgrammeImportReject[];
}

type Checked<T> = { value: T } | { reason: string };

const required = (cells: Record<string, string>, field: string): Checked<string> =>
  cells[field] === undefined ? { reason: `${field} is empty` } : { value: cells[field] };

const date = (cells: Record<string, string>, field: string, optional = false): Checked<string | null> => {
  const text = cells[field];
  if (text === undefined) return optional ? { value: null } : { reason: `${field} is empty` };
  const value = dateOf(text);
  return value ? { value } : { reason: `${field} "${text}" is not a date (d.M.yyyy)` };
};

const amount = (
  cells: Record<string, string>,
  field: string,
  min = 0,
  max = Infinity,
): Checked<number | null> => {
  const text = cells[field];
  if (text === undefined) return { value: null };
  const value = numberOf(text);
  return value !== undefined && value >= min && value <= max
    ? { value }
    : { reason: `${field} "${text}" is not a number from ${min}${max < Infinity ? ` to ${max}` : ''}` };
};

const failed = (checks: Checked<unknown>[]): string | undefined =>
  checks.flatMap((c) => ('reason' in c ? [c.reason] : [])).join('; ') || undefined;

const got = <T>(c: Checked<T>): T => (c as { value: T }).value;

type ProjectRowFields = Omit<ProjectFields, 'milestones' | 'risks' | 'statusReports' | 'effects' | 'names'>;

/** One Projects row as a project (its funding line, if any, alone) or the reason it is refused. */
const projectRow = ({ cells }: SheetRow): Checked<ProjectRowFields> => {
  const code = ProjectCode.safeParse(cells.code ?? '');
  const name = required(cells, 'name');
  const phase = phaseWords.get(normaliseHeader(cells.phase ?? ''));
  const start = date(cells, 'start');
  const end = date(cells, 'end');
  const source =
    cells.fundingSource === undefined ? null : fundingWords.get(normaliseHeader(cells.fundingSource));
  const budget = amount(cells, 'budget');
  const spent = amount(cells, 'spent');
  const planned = amount(cells, 'plannedPersonMonths');
  const used = amount(cells, 'usedPersonMonths');
  const reason = [
    code.success ? undefined : `code "${cells.code ?? ''}" is not a project code`,
    failed([name, start, end, budget, spent, planned, used]),
    phase ? undefined : `phase "${cells.phase ?? ''}" is not a phase`,
    source === undefined ? `funding source "${cells.fundingSource}" is not known` : undefined,
    source === null && (got(budget) !== null || got(spent) !== null) && !('reason' in budget)
      ? 'a budget needs its funding source'
      : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  if (reason) return { reason };
  const parsed = ProjectInput.safeParse({
    code: code.data,
    name: got(name),
    goal: cells.goal ?? '',
    owner: cells.owner ?? '',
    phase,
    start: got(start),
    end: got(end),
    funding: source
      ? [{ source: FundingSource.parse(source), budgetEuros: got(budget) ?? 0, spentEuros: got(spent) ?? 0 }]
      : [],
    staff: { plannedPersonMonths: got(planned) ?? 0, usedPersonMonths: got(used) ?? 0 },
    dependsOn: codesOf(cells.dependsOn ?? ''),
  });
  return parsed.success
    ? { value: parsed.data }
    : { reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
};

const milestoneRow = ({ cells }: SheetRow): Checked<Milestone & { project: string }> => {
  const project = required(cells, 'project');
  const title = required(cells, 'title');
  const due = date(cells, 'due');
  const done = date(cells, 'done', true);
  const reason = failed([project, title, due, done]);
  return reason
    ? { reason }
    : { value: { project: got(project), title: got(title), due: got(due) as string, done: got(done) } };
};

const riskRow = ({ cells }: SheetRow): Checked<ProjectRisk & { project: string }> => {
  const project = required(cells, 'project');
  const title = required(cells, 'title');
  const likelihood = amount(cells, 'likelihood', 1, 5);
  const impact = amount(cells, 'impact', 1, 5);
  const whole = [likelihood, impact].some(
    (c) => 'value' in c && c.value !== null && !Number.isInteger(c.value),
  );
  const reason =
    failed([project, title, likelihood, impact]) ??
    (got(likelihood) === null || got(impact) === null ? 'likelihood and impact are needed' : undefined) ??
    (whole ? 'likelihood and impact are whole numbers from 1 to 5' : undefined);
  return reason
    ? { reason }
    : {
        value: {
          project: got(project),
          title: got(title),
          likelihood: got(likelihood) as number,
          impact: got(impact) as number,
          mitigation: cells.mitigation ?? '',
          owner: cells.owner ?? '',
        },
      };
};

/**
 * The workbook's rows as projects. A Projects row sets a project's fields; further rows of the same
 * project add a funding line each (one per source). A project the workbook names gets its milestones
 * and risks from the Milestones and Risks sheets, where the workbook has them; what the workbook does
 * not hold (expected effects, status reports) stays as it was. Rows whose dependencies would close a
 * cycle are refused, naming the cycle. Every refused row has its sheet, line and reason, and rows read =
 * accepted + rejected.
 */
export const projectsOfWorkbook = (
  rows: WorkbookRows,
  existing: readonly ProjectFields[],
): WorkbookProjects => {
  const rejected: ProgrammeImportReject[] = [];
  let accepted = 0;
  const reject = (sheet: ProgrammeImportReject['sheet'], line: number, reason: string) =>
    rejected.push({ sheet, line, reason });
  const stored = new Map(existing.map((p) => [p.code, p]));
  const fromSheet = new Map<string, ProjectRowFields>();
  /** The lines of each project's accepted rows, to refuse them together if its dependencies make a cycle. */
  const lines = new Map<string, number[]>();

  const checkedRows = (rows.projects ?? []).map((row) => ({ row, checked: projectRow(row) }));
  const sheetCodes = new Set(
    checkedRows.flatMap(({ checked }) => ('value' in checked ? [checked.value.code] : [])),
  );
  const known = (code: string) => sheetCodes.has(code) || stored.has(code);
  for (const { row, checked } of checkedRows) {
    if ('reason' in checked) {
      reject('projects', row.line, checked.reason);
      continue;
    }
    const project = checked.value;
    const unknown = project.dependsOn.filter((c) => !known(c));
    const first = fromSheet.get(project.code);
    if (unknown.length > 0) reject('projects', row.line, `depends on unknown project ${unknown.join(', ')}`);
    else if (!first) {
      fromSheet.set(project.code, { ...project, funding: [...project.funding] });
      lines.set(project.code, [row.line]);
      accepted++;
    } else if (
      project.funding.length === 0 ||
      first.funding.some((f) => f.source === project.funding[0]?.source)
    )
      reject(
        'projects',
        row.line,
        `project ${project.code} is already on an earlier row with this funding source`,
      );
    else {
      first.funding.push(...project.funding);
      lines.get(project.code)?.push(row.line);
      accepted++;
    }
  }
  const sheetProjects = new Map(
    [...fromSheet.values()].map((p) => [p.code, { ...p, lines: lines.get(p.code) ?? [] }]),
  );
  for (const { code, lines: refusedLines, reason } of refuseCycles(sheetProjects, stored)) {
    fromSheet.delete(code);
    for (const line of refusedLines) reject('projects', line, reason);
    accepted -= refusedLines.length;
  }
  // A code whose every row was refused is not a project of the workbook.
  for (const code of sheetCodes) if (!fromSheet.has(code)) sheetCodes.delete(code);

  const milestones = new Map<string, Milestone[]>();
  for (const row of rows.milestones ?? []) {
    const checked = milestoneRow(row);
    if ('reason' in checked || !known(checked.value.project)) {
      reject(
        'milestones',
        row.line,
        'reason' in checked ? checked.reason : `unknown project ${checked.value.project}`,
      );
      continue;
    }
    const { project, ...milestone } = checked.value;
    milestones.set(project, [...(milestones.get(project) ?? []), milestone]);
    accepted++;
  }
  const risks = new Map<string, ProjectRisk[]>();
  for (const row of rows.risks ?? []) {
    const checked = riskRow(row);
    if ('reason' in checked || !known(checked.value.project)) {
      reject(
        'risks',
        row.line,
        'reason' in checked ? checked.reason : `unknown project ${checked.value.project}`,
      );
      continue;
    }
    const { project, ...risk } = checked.value;
    risks.set(project, [...(risks.get(project) ?? []), risk]);
    accepted++;
  }

  const named = new Set([...fromSheet.keys(), ...milestones.keys(), ...risks.keys()]);
  const projects = [...named].sort().flatMap((code) => {
    const before = stored.get(code);
    const fields = fromSheet.get(code);
    if (!before && !fields) return [];
    const base = { ...(before as ProjectFields), ...fields } as ProjectFields;
    return [
      {
        ...base,
        milestones: rows.milestones ? (milestones.get(code) ?? []) : (before?.milestones ?? []),
        risks: rows.risks ? (risks.get(code) ?? []) : (before?.risks ?? []),
        statusReports: before?.statusReports ?? [],
        effects: before?.effects ?? [],
        ...(before?.names && { names: before.names }),
      },
    ];
  });
  const rowsRead = (rows.projects?.length ?? 0) + (rows.milestones?.length ?? 0) + (rows.risks?.length ?? 0);
  if (rowsRead !== accepted + rejected.length)
    throw new Error(`rows read ${rowsRead} ≠ accepted ${accepted} + rejected ${rejected.length}`);
  return {
    projects,
    rowsRead,
    accepted,
    rejected: rejected.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.line - b.line),
  };
};
