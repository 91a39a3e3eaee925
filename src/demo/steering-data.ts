import { lastFullYear } from './county-definition.js';
import { type ServiceClassUsage, visitKind } from './events.js';
import type { DemoProducer } from './producers.js';
import { Random } from './random.js';
import type { DemoUnit } from './units.js';

/**
 * The day the demo's steering data is seen from: the first day after its last year of events. Dates
 * of options, deadlines and contract ends are set from it, so the anomalies are the same every run.
 */
export const demoSteeringDay = `${lastFullYear + 1}-01-01`;

export interface DemoContract {
  code: string;
  producerCode: string;
  name: string;
  serviceClass: string;
  unitCodes: string[];
  validFrom: string;
  validTo: string;
  pricingBasis: 'visit' | 'careDay';
  unitPriceEuros: number;
  monthlyFeeEuros?: number;
  indexClause: 'none' | 'consumerPrice' | 'healthCarePrice';
  volumeFloor: number;
  volumeCeiling: number;
  tenderPlannedFrom?: string;
}

export interface DemoSteering {
  contracts: DemoContract[];
  options: {
    contractCode: string;
    optionNumber: number;
    extendsTo: string;
    decideBy: string;
    decision: string;
  }[];
  requirements: { contractCode: string; measure: string; direction: 'atLeast' | 'atMost'; target: number }[];
  invoices: {
    invoiceId: string;
    producerCode: string;
    month: string;
    serviceClass: string;
    unitCode?: string;
    amountCents: number;
    quantity: number;
  }[];
  voucherValues: { serviceClass: string; year: number; valueEuros: number; clientShareEuros: number }[];
  voucherApprovals: { serviceClass: string; producerCode: string; approvedFrom: string }[];
  inspections: { inspectionId: string; producerCode: string; unitCode: string; date: string; kind: string }[];
  findings: {
    findingId: string;
    inspectionId: string;
    severity: string;
    description: string;
    actionDeadline: string;
    actionState: 'open' | 'done';
    actionDoneOn?: string;
  }[];
  complaints: { producerCode: string; quarter: string; kind: 'objection' | 'complaint'; count: number }[];
}

/** The four anomalies the steering officer is to find, named for tests and for the manifest. */
export const demoAnomalies = {
  /** Invoiced 37 visits more than its events hold, in October. */
  invoiceLine: {
    producerCode: 'KAISLIKKO',
    serviceClass: 'HC',
    month: `${lastFullYear}-10`,
    extraQuantity: 37,
  },
  /** Its volume ceiling is below what it produced in the year. */
  overCeiling: { producerCode: 'NORDICA', serviceClass: 'REH' },
  /** A serious finding whose corrective action was due at the end of November and is still open. */
  overdueAction: { producerCode: 'AAMURUSKO', deadline: `${lastFullYear}-11-30` },
  /** An option to be decided 45 days after the steering day. */
  optionDue: { producerCode: 'KAISLIKKO', serviceClass: 'HC', decideBy: `${lastFullYear + 1}-02-15` },
} as const;

const month = (m: number) => `${lastFullYear}-${String(m + 1).padStart(2, '0')}`;
const euros = (value: number) => Math.round(value * 100) / 100;

/** How each contracted producer's contracts end: the calendar needs every case. */
const contractEnds: Record<
  string,
  { validTo: string; option?: { extendsTo: string; decideBy: string }; tender?: string }
> = {
  KAISLIKKO: {
    validTo: `${lastFullYear + 1}-05-31`,
    option: { extendsTo: `${lastFullYear + 2}-05-31`, decideBy: demoAnomalies.optionDue.decideBy },
  },
  NORDICA: { validTo: `${lastFullYear + 1}-09-30` },
  AAMURUSKO: {
    validTo: `${lastFullYear + 2}-12-31`,
    option: { extendsTo: `${lastFullYear + 4}-12-31`, decideBy: `${lastFullYear + 2}-06-30` },
  },
  MIELI: { validTo: `${lastFullYear + 1}-12-31`, tender: `${lastFullYear + 1}-02-01` },
  SELKEA: { validTo: `${lastFullYear + 3}-12-31` },
  TUKI: { validTo: `${lastFullYear + 3}-12-31` },
};

/** A contract's price relative to the county's own cost per visit or day: companies bid under it. */
const priceFactor: Record<string, number> = {
  KAISLIKKO: 0.92,
  NORDICA: 0.88,
  AAMURUSKO: 0.97,
  MIELI: 0.8,
  SELKEA: 0.9,
  TUKI: 0.95,
};

const voucherShare = 0.85;

/**
 * Contracts, invoices, vouchers, supervision and complaints of the demo county's producers, from the
 * volumes its last year's events hold (unit × class × month). Purchased and NGO producers work on
 * contracts priced per visit or care day; voucher producers bill the voucher's value.
 */
export const demoSteering = (
  seed: number,
  {
    producers,
    units,
    classes,
    unitClassMonthVolume,
  }: {
    producers: readonly DemoProducer[];
    units: readonly DemoUnit[];
    classes: readonly ServiceClassUsage[];
    unitClassMonthVolume: Float64Array;
  },
): DemoSteering => {
  const random = Random.of(seed, 1501);
  const volume = (unit: number, klass: number, m: number) =>
    unitClassMonthVolume[(unit * classes.length + klass) * 12 + m] ?? 0;
  const yearVolume = (unitIndexes: number[], klass: number) =>
    unitIndexes.reduce(
      (sum, u) => sum + Array.from({ length: 12 }, (_, m) => volume(u, klass, m)).reduce((a, b) => a + b, 0),
      0,
    );
  const out: DemoSteering = {
    contracts: [],
    options: [],
    requirements: [],
    invoices: [],
    voucherValues: [],
    voucherApprovals: [],
    inspections: [],
    findings: [],
    complaints: [],
  };
  const priceOf = new Map<string, number>();

  for (const usage of classes) {
    const valueEuros = euros(usage.definition.unitCostEuros * voucherShare);
    const takers = producers.filter(
      (p) =>
        p.kind === 'voucher' &&
        units.some((u) => u.producerCode === p.code && u.serviceClasses.includes(usage.code)),
    );
    if (takers.length === 0) continue;
    for (const year of [lastFullYear - 1, lastFullYear])
      out.voucherValues.push({
        serviceClass: usage.code,
        year,
        valueEuros,
        clientShareEuros: euros(usage.definition.unitCostEuros * 0.2),
      });
    for (const p of takers) {
      out.voucherApprovals.push({
        serviceClass: usage.code,
        producerCode: p.code,
        approvedFrom: `${lastFullYear - 3}-01-01`,
      });
      priceOf.set(`${p.code}|${usage.code}`, valueEuros);
    }
  }

  for (const producer of producers) {
    if (producer.kind === 'own') continue;
    const own = units.flatMap((u, i) => (u.producerCode === producer.code ? [i] : []));
    const classIndexes = classes.flatMap((c, k) =>
      own.some((u) => units[u]?.serviceClasses.includes(c.code)) ? [k] : [],
    );
    for (const k of classIndexes) {
      const usage = classes[k];
      if (!usage) continue;
      const covered = own.filter((u) => units[u]?.serviceClasses.includes(usage.code));
      if (producer.kind !== 'voucher') {
        const ends = contractEnds[producer.code] ?? { validTo: `${lastFullYear + 2}-12-31` };
        const code = `${producer.code}-${usage.code}`;
        const annual = yearVolume(covered, k);
        const overCeiling =
          producer.code === demoAnomalies.overCeiling.producerCode &&
          usage.code === demoAnomalies.overCeiling.serviceClass;
        const price = euros(usage.definition.unitCostEuros * (priceFactor[producer.code] ?? 0.9));
        priceOf.set(`${producer.code}|${usage.code}`, price);
        out.contracts.push({
          code,
          producerCode: producer.code,
          name: `${usage.code} ${producer.name}`,
          serviceClass: usage.code,
          unitCodes: covered.map((u) => units[u]?.code ?? ''),
          validFrom: `${lastFullYear - 2}-01-01`,
          validTo: ends.validTo,
          pricingBasis: usage.kind === visitKind ? 'visit' : 'careDay',
          unitPriceEuros: price,
          ...(producer.code === 'AAMURUSKO' ? { monthlyFeeEuros: 2500 } : {}),
          indexClause: producer.kind === 'ngo' ? 'none' : 'healthCarePrice',
          volumeFloor: Math.floor(annual * 0.6),
          volumeCeiling: Math.ceil(annual * (overCeiling ? 0.85 : 1.3)),
          ...(ends.tender ? { tenderPlannedFrom: ends.tender } : {}),
        });
        if (
          ends.option &&
          (producer.code !== 'KAISLIKKO' || usage.code === demoAnomalies.optionDue.serviceClass)
        )
          out.options.push({ contractCode: code, optionNumber: 1, ...ends.option, decision: 'open' });
        out.requirements.push({
          contractCode: code,
          measure: 'dataCompleteness',
          direction: 'atLeast',
          target: 0.95,
        });
        out.requirements.push({
          contractCode: code,
          measure: 'complaintsPer10000',
          direction: 'atMost',
          target: 80,
        });
        if (['HC', 'OH', 'MHS', 'REH'].includes(usage.code))
          out.requirements.push({
            contractCode: code,
            measure: 'waitingWithinLimitShare',
            direction: 'atLeast',
            target: 0.9,
          });
      }
      const price = priceOf.get(`${producer.code}|${usage.code}`) ?? 0;
      for (let m = 0; m < 12; m++) {
        for (const u of covered) {
          const quantity = volume(u, k, m);
          if (quantity === 0) continue;
          const unitCode = units[u]?.code ?? '';
          const anomaly =
            producer.code === demoAnomalies.invoiceLine.producerCode &&
            usage.code === demoAnomalies.invoiceLine.serviceClass &&
            month(m) === demoAnomalies.invoiceLine.month;
          const billed = quantity + (anomaly ? demoAnomalies.invoiceLine.extraQuantity : 0);
          out.invoices.push({
            invoiceId: `${producer.code}-${month(m)}-${usage.code}-${unitCode}`,
            producerCode: producer.code,
            month: month(m),
            serviceClass: usage.code,
            unitCode,
            amountCents: Math.round(billed * price * 100),
            quantity: billed,
          });
        }
        const fee = out.contracts.find(
          (c) => c.producerCode === producer.code && c.serviceClass === usage.code,
        )?.monthlyFeeEuros;
        if (fee)
          out.invoices.push({
            invoiceId: `${producer.code}-${month(m)}-${usage.code}-FEE`,
            producerCode: producer.code,
            month: month(m),
            serviceClass: usage.code,
            amountCents: fee * 100,
            quantity: 0,
          });
      }
    }

    const unit = own[0] === undefined ? undefined : units[own[0]];
    if (unit) {
      const inspectionId = `VAL-${lastFullYear}-${producer.code}`;
      const overdue = producer.code === demoAnomalies.overdueAction.producerCode;
      out.inspections.push({
        inspectionId,
        producerCode: producer.code,
        unitCode: unit.code,
        date: `${lastFullYear}-0${3 + random.int(6)}-1${random.int(9)}`,
        kind: overdue ? 'reactive' : 'planned',
      });
      out.findings.push(
        overdue
          ? {
              findingId: `${inspectionId}-1`,
              inspectionId,
              severity: 'serious',
              description: 'Yöhoitajien määrä alittaa sovitun henkilöstömitoituksen',
              actionDeadline: demoAnomalies.overdueAction.deadline,
              actionState: 'open',
            }
          : {
              findingId: `${inspectionId}-1`,
              inspectionId,
              severity: 'minor',
              description: 'Omavalvontasuunnitelma päivittämättä',
              actionDeadline: `${lastFullYear}-10-31`,
              actionState: 'done',
              actionDoneOn: `${lastFullYear}-10-1${random.int(9)}`,
            },
      );
    }
    for (let q = 1; q <= 4; q++)
      for (const kind of ['objection', 'complaint'] as const)
        out.complaints.push({
          producerCode: producer.code,
          quarter: `${lastFullYear}-Q${q}`,
          kind,
          count: random.poisson(kind === 'objection' ? 2 : 0.4),
        });
  }
  return out;
};
