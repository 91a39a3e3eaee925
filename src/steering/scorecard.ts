import {
  type ProducerFlag,
  type Scorecard,
  SoteatlasError,
  type SteeringConfig,
  type SteeringFigure,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import { loadSteeringConfig } from './config.js';
import {
  type ContractFact,
  loadContracts,
  loadEventVolumes,
  loadProducers,
  periodBounds,
  steeringDay,
} from './facts.js';
import { plainFigure, shareFigure } from './figures.js';
import {
  type FindingFact,
  isOverdue,
  loadActivity,
  loadComplaints,
  loadFindings,
  loadOwnCosts,
  loadWaiting,
  type WaitingFact,
} from './quality-facts.js';
import { type BillingEdits, reconcilePeriod } from './reconcile-period.js';

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Open options whose decision is due within the warning days (or already overdue). */
export const optionsDue = (contract: ContractFact, asOf: string, config: SteeringConfig) =>
  contract.options.filter(
    (o) => o.decision === 'open' && o.decideBy <= addDays(asOf, config.optionWarningDays),
  );

const meets = (value: number | null, direction: 'atLeast' | 'atMost', target: number): boolean | null =>
  value === null ? null : direction === 'atLeast' ? value >= target : value <= target;

const pooledWaiting = (facts: readonly WaitingFact[], unsuppressed: boolean): SteeringFigure => {
  const count = facts.reduce((s, f) => s + f.count, 0);
  return shareFigure(
    facts.reduce((s, f) => s + f.within, 0),
    count,
    unsuppressed,
  );
};

/**
 * One producer's scorecard for a year or a month: volumes against its contracts' bounds, billing
 * against events × price, cost against the county's own production, quality requirements, waiting,
 * supervision, complaints and the completeness of its reporting. Figures about clients pass
 * disclosure control unless `unsuppressed`.
 */
export const producerScorecard = async (
  store: Store,
  {
    producerCode,
    period,
    unsuppressed,
    asOf,
    config = loadSteeringConfig(),
    contracts: inForce,
    findings: findingsInForce,
    ...billing
  }: BillingEdits & {
    producerCode: string;
    period: string;
    unsuppressed: boolean;
    asOf?: string;
    config?: SteeringConfig;
    /** The contracts in force with their edits; those imported into the store when absent. */
    contracts?: readonly ContractFact[];
    /** The findings with their saved action states; those imported into the store when absent. */
    findings?: readonly FindingFact[];
  },
): Promise<Scorecard> => {
  const [producer] = await loadProducers(store, producerCode);
  if (!producer) throw new SoteatlasError('notFound', `no producer ${producerCode}`);
  const day = asOf ?? (await steeringDay(store));
  const { from, to, months } = periodBounds(period);
  const scope = { from, to, producerCode };
  const [contracts, volumes, reconciliation, waiting, activity, ownCosts, findings, complaints] =
    await Promise.all([
      inForce ? inForce.filter((c) => c.producerCode === producerCode) : loadContracts(store, producerCode),
      loadEventVolumes(store, scope),
      reconcilePeriod(store, {
        period,
        producerCode,
        ...billing,
        ...(inForce ? { contracts: inForce } : {}),
      }),
      loadWaiting(store, config, scope),
      loadActivity(store, config, scope),
      loadOwnCosts(store, { from, to }),
      findingsInForce
        ? findingsInForce.filter((f) => f.producerCode === producerCode)
        : loadFindings(store, producerCode),
      loadComplaints(store, { year: period.slice(0, 4), producerCode }),
    ]);
  const active = contracts.filter((c) => c.validFrom <= to && c.validTo >= from);
  const share = months.length / 12;

  const volumeRows = active.map((c) => {
    const volume = volumes
      .filter(
        (v) =>
          c.serviceClasses.includes(v.serviceClass) &&
          v.kind === c.pricingBasis &&
          (c.unitCodes === null ||
            c.unitCodes.length === 0 ||
            (v.unitCode !== null && c.unitCodes.includes(v.unitCode))),
      )
      .reduce((s, v) => s + v.quantity, 0);
    const floor = c.volumeFloor === null ? null : Math.round(c.volumeFloor * share);
    const ceiling = c.volumeCeiling === null ? null : Math.round(c.volumeCeiling * share);
    const status: 'underFloor' | 'within' | 'overCeiling' =
      ceiling !== null && volume > ceiling
        ? 'overCeiling'
        : floor !== null && volume < floor
          ? 'underFloor'
          : 'within';
    return {
      contractCode: c.code,
      serviceClass: c.serviceClasses.join(', '),
      pricingBasis: c.pricingBasis,
      volume,
      floor,
      ceiling,
      status,
    };
  });

  const invoicedByClass = new Map<string, { cents: number; quantity: number }>();
  for (const line of reconciliation.lines) {
    const entry = invoicedByClass.get(line.serviceClass) ?? { cents: 0, quantity: 0 };
    entry.cents += line.invoicedCents;
    entry.quantity += line.invoicedQuantity;
    invoicedByClass.set(line.serviceClass, entry);
  }
  const costs = [...invoicedByClass].map(([serviceClass, billed]) => {
    const own = ownCosts.get(serviceClass);
    const producerEurosPerUnit = billed.quantity > 0 ? billed.cents / 100 / billed.quantity : null;
    const ownEurosPerUnit = own && own.quantity > 0 ? own.euros / own.quantity : null;
    return {
      serviceClass,
      producerEurosPerUnit,
      ownEurosPerUnit,
      ratio: producerEurosPerUnit !== null && ownEurosPerUnit ? producerEurosPerUnit / ownEurosPerUnit : null,
    };
  });

  const act = activity[0] ?? { events: 0, complete: 0, visits: 0 };
  const completeness = shareFigure(act.complete, act.events, unsuppressed);
  const complaintTotal = complaints.reduce((s, c) => s + c.objections + c.complaints, 0);
  const complaintsPerYearShare = complaints.length > 0 ? complaintTotal * share : 0;
  const measureFigure = (measure: string, classes: readonly string[]): SteeringFigure => {
    const classWaiting = waiting.filter((w) => classes.includes(w.serviceClass));
    switch (measure) {
      case 'waitingWithinLimitShare':
        return pooledWaiting(classWaiting, unsuppressed);
      case 'medianWaitingDays': {
        const first = classWaiting[0];
        return plainFigure(first?.medianDays ?? null, first?.count ?? 0, unsuppressed);
      }
      case 'dataCompleteness':
        return completeness;
      default:
        return plainFigure(
          act.events > 0 ? (complaintsPerYearShare / act.events) * 10_000 : null,
          act.events,
          true,
        );
    }
  };
  const quality = active.flatMap((c) =>
    c.requirements.map((r) => {
      const figure = measureFigure(r.measure, c.serviceClasses);
      return {
        contractCode: c.code,
        measure: r.measure as Scorecard['quality'][number]['measure'],
        direction: r.direction,
        target: r.target,
        figure,
        met: meets(figure.value, r.direction, r.target),
      };
    }),
  );

  const supervision = findings
    .filter((f) => f.actionState !== 'done' || (f.inspectionDate >= from && f.inspectionDate <= to))
    .map((f) => ({ ...f, overdue: isOverdue(f, day) }));
  const differences = reconciliation.lines.filter((l) => l.differenceCents !== 0 || l.status !== 'matched');

  const flags: ProducerFlag[] = [];
  if (volumeRows.some((v) => v.status === 'overCeiling')) flags.push('overCeiling');
  if (volumeRows.some((v) => v.status === 'underFloor')) flags.push('underFloor');
  if (reconciliation.differenceCents !== 0) flags.push('billingDifference');
  if (supervision.some((f) => f.overdue)) flags.push('overdueAction');
  if (contracts.some((c) => optionsDue(c, day, config).length > 0)) flags.push('optionDue');
  if (quality.some((q) => q.met === false)) flags.push('requirementMissed');

  return {
    producer,
    period,
    asOf: day,
    volumes: volumeRows,
    billing: {
      invoicedCents: reconciliation.invoicedCents,
      expectedCents: reconciliation.lines.reduce((s, l) => s + (l.expectedCents ?? 0), 0),
      matchedCents: reconciliation.matchedCents,
      differenceCents: reconciliation.differenceCents,
      differences,
    },
    costs,
    quality,
    waiting: waiting.map((w) => ({
      serviceClass: w.serviceClass,
      limitDays: config.careGuaranteeDays[w.serviceClass] ?? 0,
      medianDays: plainFigure(w.medianDays, w.count, unsuppressed),
      withinLimitShare: shareFigure(w.within, w.count, unsuppressed),
    })),
    supervision: supervision.map(({ producerCode: _p, updatedAt: _a, updatedBy: _b, ...f }) => f),
    complaints: complaints.map(({ producerCode: _, ...c }) => c),
    completeness,
    flags,
  };
};
