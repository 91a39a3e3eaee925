import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SteeringPeriod, YearMonth } from '../../model/index.js';
import {
  calendarIcs,
  loadContracts,
  loadSteeringConfig,
  procurementCalendar,
  producerRegister,
  producerScorecard,
  reconcilePeriod,
  steeringDay,
} from '../../steering/index.js';
import { openStore, type Store } from '../../store/index.js';
import { defaultDatabasePath } from '../paths.js';

const euros = (cents: number) =>
  (cents / 100).toLocaleString('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const withStore = async (db: string, work: (store: Store) => Promise<string>) => {
  const store = await openStore(db, { readOnly: true });
  try {
    process.stdout.write(await work(store));
  } finally {
    store.close();
  }
};

/** `producers list`: the register with flags. */
export const producersListText = async (store: Store, json: boolean): Promise<string> => {
  const register = await producerRegister(store);
  if (json) return `${JSON.stringify(register)}\n`;
  const lines = register.map(
    (p) =>
      `${p.code.padEnd(12)} ${p.kind.padEnd(10)} ${(p.businessId ?? '').padEnd(10)} ${String(p.contracts.length).padStart(2)} contracts ${String(p.units.length).padStart(3)} units  ${p.flags.join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
};

/** `producers reconcile`: every invoice line of the period against events × price. */
export const reconcileText = async (store: Store, period: string, json: boolean): Promise<string> => {
  const result = await reconcilePeriod(store, { period });
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
): Promise<string> => {
  const card = await producerScorecard(store, { producerCode, period, unsuppressed: false });
  if (json) return `${JSON.stringify(card)}\n`;
  const share = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
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
      `  ${q.measure} ${q.direction} ${q.target}: ${q.figure.suppressed ? '<5' : (q.figure.value?.toFixed(3) ?? '–')} ${q.met === null ? '' : q.met ? 'met' : 'NOT MET'}`,
    );
  for (const w of card.waiting)
    lines.push(
      `  waiting ${w.serviceClass}: median ${w.medianDays.value ?? '–'} d, within ${w.limitDays} d ${share(w.withinLimitShare.value)}`,
    );
  for (const f of card.supervision)
    lines.push(
      `  finding ${f.findingId} ${f.severity}: ${f.description}; due ${f.actionDeadline} ${f.actionState}${f.overdue ? ' OVERDUE' : ''}`,
    );
  lines.push(
    `  complaints: ${card.complaints.map((c) => `${c.quarter} ${c.objections}+${c.complaints}`).join(', ')}`,
  );
  lines.push(`  data completeness ${share(card.completeness.value)}`);
  return `${lines.join('\n')}\n`;
};

/** `procurement calendar`: what is due, and the ICS feed when asked. */
export const calendarText = async (
  store: Store,
  { withinMonths, ics }: { withinMonths: number; ics?: string },
): Promise<string> => {
  const calendar = procurementCalendar(await loadContracts(store), {
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

export const registerProducers = (program: Command): void => {
  const producers = program
    .command('producers')
    .description('producer steering: register, scorecards, invoices');
  producers
    .command('list')
    .description('every producer with its kind, business id, contracts, units and status flags')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--json', 'print JSON', false)
    .action((options: { db: string; json: boolean }) =>
      withStore(options.db, (s) => producersListText(s, options.json)),
    );
  producers
    .command('scorecard')
    .description("a producer's scorecard for a year or a month")
    .requiredOption('--producer <code>', 'the producer')
    .requiredOption('--period <YYYY[-MM]>', 'a year or a month')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--json', 'print JSON', false)
    .action((options: { db: string; producer: string; period: string; json: boolean }) =>
      withStore(options.db, (s) =>
        scorecardText(s, options.producer, check(SteeringPeriod, options.period, '--period'), options.json),
      ),
    );
  producers
    .command('reconcile')
    .description("a month's invoices against events × contract price, line by line")
    .requiredOption('--period <YYYY-MM>', 'the month')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--json', 'print JSON', false)
    .action((options: { db: string; period: string; json: boolean }) =>
      withStore(options.db, (s) =>
        reconcileText(s, check(YearMonth, options.period, '--period'), options.json),
      ),
    );
  program
    .command('procurement')
    .description('procurement')
    .command('calendar')
    .description('contracts ending, options to decide and tenders to prepare')
    .option('--within-months <n>', 'how far ahead', '12')
    .option('--ics <file>', 'also write the calendar as an iCalendar file')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .action((options: { db: string; withinMonths: string; ics?: string }) =>
      withStore(options.db, (s) =>
        calendarText(s, {
          withinMonths: Number(options.withinMonths),
          ...(options.ics ? { ics: options.ics } : {}),
        }),
      ),
    );
};
