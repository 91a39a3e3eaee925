import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type SteeringFigure, SteeringPeriod, YearMonth } from '../../model/index.js';
import {
  calendarIcs,
  loadContracts,
  loadSteeringConfig,
  procurementCalendar,
  producerRegister,
  producerScorecard,
  reconcilePeriod,
  type SteeringEdits,
  steeringDay,
  steeringEdits,
} from '../../steering/index.js';
import { openStore, type Store } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';
import { openStateOf } from '../state.js';
import { withheldLegend } from '../withheld-legend.js';
import { registerProducersReport } from './producers-report.js';

const euros = (cents: number) =>
  (cents / 100).toLocaleString('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** A figure after disclosure control: "<5" when withheld, so it is never taken for a missing one ("–"). */
const shown = (figure: SteeringFigure, format: (value: number) => string) =>
  figure.suppressed ? '<5' : figure.value === null ? '–' : format(figure.value);

/**
 * What people have edited in the app, laid over what was imported, as the server lays it: contracts,
 * findings (with their inspections' dates and units), invoice lines and voucher values. None for a
 * store whose state was never created, whose imported rows are then in force; that way a store opened
 * read-only is never written to (an embedded state that is up to date is only read).
 */
export const editsOf = async (store: Store, stateUrl?: string): Promise<Partial<SteeringEdits>> => {
  if (stateUrl === undefined) {
    const schemas = await store.all("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'state'");
    if (schemas.length === 0) return {};
  }
  const state = await openStateOf(store, stateUrl).catch((error: unknown) => {
    throw new Error(
      `cannot read the edits saved in the app (${error instanceof Error ? error.message : String(error)}); if the state in the store is older than this program, start \`soteatlas serve\` on it once to bring it up to date`,
    );
  });
  try {
    return await steeringEdits(store, state);
  } finally {
    await state.close();
  }
};

/** Edits as the engines take them: each kind only where there is one, so that the imported rows stand in. */
type Edits = Partial<SteeringEdits>;

interface StoreOptions {
  db: string;
  state?: string;
}

/**
 * Opens the store read-only, reads the edits in force and runs `work` on them, with a progress bar on a
 * terminal when `label` names the long step; Ctrl-C cancels and exits with 130.
 */
const withEdits = async (
  options: StoreOptions,
  label: string | undefined,
  work: (store: Store, edits: Edits) => Promise<string>,
) => {
  const { signal, dispose } = interruptible();
  const progress = label === undefined ? { update: () => undefined, stop: () => undefined } : progressBar();
  const store = await openStore(options.db, { readOnly: true });
  try {
    const text = await store.interruptible(signal, async () => {
      progress.update(0, 2, 'reading the edits saved in the app');
      const edits = await editsOf(store, options.state);
      progress.update(1, 2, label ?? '');
      return work(store, edits);
    });
    progress.stop();
    process.stdout.write(text);
  } catch (error) {
    progress.stop();
    // An interrupted query fails with DuckDB's own error, so the signal tells a cancel apart.
    if (isAbort(error) || signal.aborted) {
      process.stderr.write('cancelled\n');
      process.exitCode = 130;
      return;
    }
    throw error;
  } finally {
    dispose();
    store.close();
  }
};

/** `producers list`: the register with flags. */
export const producersListText = async (store: Store, json: boolean, edits: Edits = {}): Promise<string> => {
  const register = await producerRegister(store, edits);
  if (json) return `${JSON.stringify(register)}\n`;
  const lines = register.map(
    (p) =>
      `${p.code.padEnd(12)} ${p.kind.padEnd(10)} ${(p.businessId ?? '').padEnd(10)} ${String(p.contracts.length).padStart(2)} contracts ${String(p.units.length).padStart(3)} units  ${p.flags.join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
};

/** `producers reconcile`: every invoice line of the period against events × price. */
export const reconcileText = async (
  store: Store,
  period: string,
  json: boolean,
  { contracts, invoiceEdits, vouchers }: Edits = {},
): Promise<string> => {
  const result = await reconcilePeriod(store, {
    period,
    ...(contracts ? { contracts } : {}),
    ...(invoiceEdits ? { invoiceEdits } : {}),
    ...(vouchers ? { vouchers } : {}),
  });
  if (json) return `${JSON.stringify(result)}\n`;
  const lines = [
    `Invoices ${period}: ${euros(result.invoicedCents)} €, matched ${euros(result.matchedCents)} €, differences ${euros(result.differenceCents)} € (${result.lines.length} lines)`,
  ];
  for (const l of result.lines.filter((line) => line.status !== 'matched'))
    lines.push(
      `  ${l.invoiceId}  ${l.status}: billed ${l.invoicedQuantity} for ${euros(l.invoicedCents)} €, events ${l.eventQuantity} × ${l.priceEuros ?? '–'} € = ${l.expectedCents === null ? '–' : euros(l.expectedCents)} €, difference ${euros(l.differenceCents)} €`,
    );
  for (const u of result.unbilled)
    lines.push(
      `  unbilled: ${u.producerCode} ${u.month} ${u.serviceClass} ${u.unitCode ?? ''} ${u.eventQuantity}`,
    );
  return `${lines.join('\n')}\n`;
};

/** `producers scorecard`: one producer's period, as the steering officer reads it. */
export const scorecardText = async (
  store: Store,
  producerCode: string,
  period: string,
  json: boolean,
  edits: Edits = {},
): Promise<string> => {
  const card = await producerScorecard(store, { producerCode, period, unsuppressed: false, ...edits });
  if (json) return `${JSON.stringify(card)}\n`;
  const lines = [
    `${card.producer.name} (${card.producer.code}, ${card.producer.kind}) ${period}, seen ${card.asOf}`,
  ];
  lines.push(`Flags: ${card.flags.join(', ') || 'none'}`);
  for (const v of card.volumes)
    lines.push(
      `  volume ${v.contractCode}: ${v.volume} ${v.pricingBasis} (floor ${v.floor ?? '–'}, ceiling ${v.ceiling ?? '–'}) ${v.status}`,
    );
  lines.push(
    `  billed ${euros(card.billing.invoicedCents)} €, events × price ${euros(card.billing.expectedCents)} €, difference ${euros(card.billing.differenceCents)} €`,
  );
  for (const c of card.costs)
    lines.push(
      `  cost ${c.serviceClass}: ${c.producerEurosPerUnit?.toFixed(2) ?? '–'} € vs own ${c.ownEurosPerUnit?.toFixed(2) ?? '–'} €`,
    );
  for (const q of card.quality)
    lines.push(
      `  ${q.measure} ${q.direction} ${q.target}: ${shown(q.figure, (v) => v.toFixed(3))} ${q.met === null ? '' : q.met ? 'met' : 'NOT MET'}`,
    );
  for (const w of card.waiting)
    lines.push(
      `  waiting ${w.serviceClass}: median ${shown(w.medianDays, String)} d, within ${w.limitDays} d ${shown(w.withinLimitShare, percent)}`,
    );
  for (const f of card.supervision)
    lines.push(
      `  finding ${f.findingId} ${f.severity}: ${f.description}; due ${f.actionDeadline} ${f.actionState}${f.overdue ? ' OVERDUE' : ''}`,
    );
  lines.push(
    `  complaints: ${card.complaints.map((c) => `${c.quarter} ${c.objections}+${c.complaints}`).join(', ')}`,
  );
  lines.push(`  data completeness ${shown(card.completeness, percent)}`);
  const figures = [
    ...card.quality.map((q) => q.figure),
    ...card.waiting.flatMap((w) => [w.medianDays, w.withinLimitShare]),
    card.completeness,
  ];
  if (figures.some((f) => f.suppressed)) lines.push('', withheldLegend('clients'));
  return `${lines.join('\n')}\n`;
};

/** `procurement calendar`: what is due, and the ICS feed when asked. */
export const calendarText = async (
  store: Store,
  { withinMonths, ics, contracts }: { withinMonths: number; ics?: string; contracts?: Edits['contracts'] },
): Promise<string> => {
  const calendar = procurementCalendar(contracts ?? (await loadContracts(store)), {
    asOf: await steeringDay(store),
    withinMonths,
    config: loadSteeringConfig(),
  });
  if (ics)
    writeFileSync(
      ics,
      calendarIcs(calendar, {
        contractEnds: 'Contract ends',
        optionDecision: 'Option to decide',
        tenderPreparation: 'Tender preparation starts',
      }),
    );
  const lines = [`Procurement calendar from ${calendar.asOf}, ${withinMonths} months:`];
  for (const i of calendar.items)
    lines.push(
      `  ${i.date}  ${i.kind.padEnd(18)} ${i.contractCode.padEnd(16)} ${i.title}${i.nothingPlanned ? '  ! nothing planned' : ''}`,
    );
  lines.push(`Warnings: ${calendar.warnings.length}`);
  for (const w of calendar.warnings) lines.push(`  ${w.date} ${w.kind} ${w.contractCode}: nothing planned`);
  return `${lines.join('\n')}\n`;
};

const check = <T>(schema: { safeParse: (v: unknown) => { success: boolean } }, value: T, what: string): T => {
  if (!schema.safeParse(value).success) throw new Error(`${what} "${String(value)}" is not valid`);
  return value;
};

const stateHelp =
  'PostgreSQL URL of the state holding the edits made in the app (default: the state inside the store)';

export const registerProducers = (program: Command): void => {
  const producers = program
    .command('producers')
    .description('producer steering: register, scorecards, invoices');
  producers
    .command('list')
    .description('every producer with its kind, business id, contracts, units and status flags')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--state <url>', stateHelp)
    .option('--json', 'print JSON', false)
    .action((options: StoreOptions & { json: boolean }) =>
      withEdits(options, 'flagging the producers', (s, e) => producersListText(s, options.json, e)),
    );
  producers
    .command('scorecard')
    .description("a producer's scorecard for a year or a month")
    .requiredOption('--producer <code>', 'the producer')
    .requiredOption('--period <YYYY[-MM]>', 'a year or a month')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--state <url>', stateHelp)
    .option('--json', 'print JSON', false)
    .action((options: StoreOptions & { producer: string; period: string; json: boolean }) => {
      const period = check(SteeringPeriod, options.period, '--period');
      return withEdits(options, 'computing the scorecard', (s, e) =>
        scorecardText(s, options.producer, period, options.json, e),
      );
    });
  producers
    .command('reconcile')
    .description("a month's invoices against events × contract price, line by line")
    .requiredOption('--period <YYYY-MM>', 'the month')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--state <url>', stateHelp)
    .option('--json', 'print JSON', false)
    .action((options: StoreOptions & { period: string; json: boolean }) => {
      const period = check(YearMonth, options.period, '--period');
      return withEdits(options, 'reconciling the invoices', (s, e) =>
        reconcileText(s, period, options.json, e),
      );
    });
  registerProducersReport(producers);
  program
    .command('procurement')
    .description('procurement')
    .command('calendar')
    .description('contracts ending, options to decide and tenders to prepare')
    .option('--within-months <n>', 'how far ahead', '12')
    .option('--ics <file>', 'also write the calendar as an iCalendar file')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--state <url>', stateHelp)
    .action((options: StoreOptions & { withinMonths: string; ics?: string }) =>
      withEdits(options, undefined, (s, { contracts }) =>
        calendarText(s, {
          withinMonths: Number(options.withinMonths),
          ...(contracts ? { contracts } : {}),
          ...(options.ics ? { ics: options.ics } : {}),
        }),
      ),
    );
};
