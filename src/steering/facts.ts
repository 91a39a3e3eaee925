import {
  type ContractView,
  type InvoiceLineView,
  OptionDecision,
  SteeringMeasure,
  type VoucherValueView,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import { withEdits } from './overlay.js';
import type { EventVolumeFact, InvoiceLineFact, PriceFact, PriceOf } from './reconcile.js';

/** A period's first and last day: `2025` is the year, `2025-03` the month. */
export const periodBounds = (period: string): { from: string; to: string; months: string[] } => {
  const [year = '', month] = period.split('-');
  const months = month
    ? [`${year}-${month}`]
    : Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
  const last = months[months.length - 1] ?? '';
  const [y, m] = last.split('-').map(Number);
  const end = new Date(Date.UTC(y ?? 0, m ?? 1, 0)).toISOString().slice(0, 10);
  return { from: `${months[0]}-01`, to: end, months };
};

/** A contract as the engines read it: its terms and the version in force. */
export type ContractFact = ContractView;

const iso = (value: unknown): string => (value == null ? '' : String(value).slice(0, 10));
const isoOrNull = (value: unknown): string | null => (value == null ? null : String(value).slice(0, 10));

export const loadContracts = async (store: Store, producerCode?: string): Promise<ContractFact[]> => {
  const rows = await store.all<Record<string, unknown>>(
    `SELECT * FROM contracts ${producerCode ? 'WHERE producer_code = $1' : ''} ORDER BY code`,
    producerCode ? [producerCode] : [],
  );
  const options = await store.all<Record<string, unknown>>(
    'SELECT * FROM contract_options ORDER BY contract_code, option_number',
  );
  const requirements = await store.all<Record<string, unknown>>(
    'SELECT * FROM quality_requirements ORDER BY contract_code, measure',
  );
  return rows.map((r) => ({
    code: String(r.code),
    producerCode: String(r.producer_code),
    name: String(r.name),
    serviceClasses: (r.service_classes as string[]) ?? [],
    unitCodes: (r.unit_codes as string[] | null) ?? null,
    validFrom: iso(r.valid_from),
    validTo: iso(r.valid_to),
    pricingBasis: r.pricing_basis as ContractFact['pricingBasis'],
    unitPriceEuros: Number(r.unit_price_euros),
    monthlyFeeEuros: Number(r.monthly_fee_euros ?? 0),
    volumeFloor: r.volume_floor == null ? null : Number(r.volume_floor),
    volumeCeiling: r.volume_ceiling == null ? null : Number(r.volume_ceiling),
    tenderPlannedFrom: isoOrNull(r.tender_planned_from),
    options: options
      .filter((o) => o.contract_code === r.code)
      .map((o) => ({
        optionNumber: Number(o.option_number),
        extendsTo: iso(o.extends_to),
        decideBy: iso(o.decide_by),
        decision: OptionDecision.parse(o.decision),
      })),
    requirements: requirements
      .filter((q) => q.contract_code === r.code)
      .map((q) => ({
        measure: SteeringMeasure.parse(q.measure),
        direction: q.direction as 'atLeast' | 'atMost',
        target: Number(q.target),
      })),
    version: 1,
    updatedAt: null,
    updatedBy: null,
  }));
};

/** Invoice lines as imported into the store, each version 1; narrowed by month, producer or id when asked. */
export const loadImportedInvoiceLines = async (
  store: Store,
  { months, producerCode, invoiceIds }: { months?: string[]; producerCode?: string; invoiceIds?: string[] },
): Promise<InvoiceLineView[]> => {
  const where: string[] = [];
  const params: string[] = [];
  const add = (sql: (n: number) => string, ...values: string[]) => {
    where.push(sql(params.length + 1));
    params.push(...values);
  };
  if (months) add((n) => `month BETWEEN $${n} AND $${n + 1}`, months[0] ?? '', months.at(-1) ?? '');
  if (producerCode) add((n) => `producer_code = $${n}`, producerCode);
  if (invoiceIds)
    add(
      (n) => `invoice_id IN (${invoiceIds.map((_, i) => `$${n + i}`).join(', ') || 'NULL'})`,
      ...invoiceIds,
    );
  const rows = await store.all<Record<string, unknown>>(
    `SELECT invoice_id, producer_code, month, service_class, unit_code, amount_euros, quantity FROM invoices
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY month, producer_code, service_class, unit_code NULLS LAST, invoice_id`,
    params,
  );
  return rows.map((r) => ({
    invoiceId: String(r.invoice_id),
    producerCode: String(r.producer_code),
    month: String(r.month),
    serviceClass: String(r.service_class),
    unitCode: r.unit_code == null ? null : String(r.unit_code),
    amountEuros: Number(r.amount_euros),
    quantity: Number(r.quantity),
    note: null,
    version: 1,
    updatedAt: null,
    updatedBy: null,
  }));
};

const lineOrder = (a: InvoiceLineView, b: InvoiceLineView) =>
  a.month.localeCompare(b.month) ||
  a.producerCode.localeCompare(b.producerCode) ||
  a.serviceClass.localeCompare(b.serviceClass) ||
  (a.unitCode === null ? 1 : 0) - (b.unitCode === null ? 1 : 0) ||
  (a.unitCode ?? '').localeCompare(b.unitCode ?? '') ||
  a.invoiceId.localeCompare(b.invoiceId);

/**
 * The invoice lines of a period as they stand: imported, each replaced by its newest correction, and
 * those added in the app. `edits` are the newest saved versions of every edited line (none: as imported).
 */
export const invoiceLinesInPeriod = async (
  store: Store,
  {
    months,
    producerCode,
    edits = [],
  }: { months: string[]; producerCode?: string; edits?: readonly InvoiceLineView[] },
): Promise<InvoiceLineView[]> => {
  const inScope = (l: InvoiceLineView) =>
    l.month >= (months[0] ?? '') &&
    l.month <= (months.at(-1) ?? '') &&
    (producerCode === undefined || l.producerCode === producerCode);
  const imported = await loadImportedInvoiceLines(store, {
    months,
    ...(producerCode ? { producerCode } : {}),
  });
  return withEdits(imported, edits.filter(inScope), (l) => l.invoiceId).sort(lineOrder);
};

export const loadInvoiceLines = async (
  store: Store,
  scope: { months: string[]; producerCode?: string; edits?: readonly InvoiceLineView[] },
): Promise<InvoiceLineFact[]> =>
  (await invoiceLinesInPeriod(store, scope)).map((l) => ({
    invoiceId: l.invoiceId,
    producerCode: l.producerCode,
    month: l.month,
    serviceClass: l.serviceClass,
    unitCode: l.unitCode,
    amountCents: Math.round(l.amountEuros * 100),
    quantity: l.quantity,
  }));

export interface EventKindVolume extends EventVolumeFact {
  kind: string;
}

/** Producers' events (not own production) by month, class, unit and kind in a period. */
export const loadEventVolumes = async (
  store: Store,
  { from, to, producerCode }: { from: string; to: string; producerCode?: string },
): Promise<EventKindVolume[]> => {
  const rows = await store.all<Record<string, unknown>>(
    `SELECT producer_code, strftime(event_date, '%Y-%m') AS month, service_class, unit_code, kind, sum(quantity) AS quantity
     FROM events WHERE event_date BETWEEN $1::DATE AND $2::DATE AND producer_code IS NOT NULL
       ${producerCode ? 'AND producer_code = $3' : ''}
     GROUP BY ALL ORDER BY ALL`,
    producerCode ? [from, to, producerCode] : [from, to],
  );
  return rows.map((r) => ({
    producerCode: String(r.producer_code),
    month: String(r.month),
    serviceClass: String(r.service_class),
    unitCode: r.unit_code == null ? null : String(r.unit_code),
    kind: String(r.kind),
    quantity: Number(r.quantity),
  }));
};

export interface VoucherFact {
  serviceClass: string;
  year: number;
  valueEuros: number;
  clientShareEuros: number | null;
}

/** Voucher values as imported into the store, each version 1. */
export const loadVoucherValues = async (store: Store): Promise<VoucherValueView[]> =>
  (await store.all<Record<string, unknown>>('SELECT * FROM voucher_values ORDER BY service_class, year')).map(
    (r) => ({
      serviceClass: String(r.service_class),
      year: Number(r.year),
      valueEuros: Number(r.value_euros),
      clientShareEuros: r.client_share_euros == null ? null : Number(r.client_share_euros),
      incomeRule: r.income_rule == null ? null : String(r.income_rule),
      version: 1,
      updatedAt: null,
      updatedBy: null,
    }),
  );

export interface ProducerFact {
  code: string;
  name: string;
  kind: string;
  businessId: string | null;
}

export const loadProducers = async (store: Store, producerCode?: string): Promise<ProducerFact[]> =>
  (
    await store.all<Record<string, unknown>>(
      `SELECT code, name, kind, business_id FROM producers ${producerCode ? 'WHERE code = $1' : ''} ORDER BY code`,
      producerCode ? [producerCode] : [],
    )
  ).map((r) => ({
    code: String(r.code),
    name: String(r.name),
    kind: String(r.kind),
    businessId: r.business_id == null ? null : String(r.business_id),
  }));

/** The price a producer is paid for a class in a month: its contract's, else the voucher's value that year. */
export const pricing = (
  producers: readonly ProducerFact[],
  contracts: readonly ContractFact[],
  vouchers: readonly VoucherFact[],
): PriceOf => {
  const kindOf = new Map(producers.map((p) => [p.code, p.kind]));
  return (producerCode, serviceClass, month) => {
    const day = `${month}-15`;
    const contract = contracts.find(
      (c) =>
        c.producerCode === producerCode &&
        c.serviceClasses.includes(serviceClass) &&
        c.validFrom <= day &&
        day <= c.validTo,
    );
    if (contract)
      return {
        priceEuros: contract.unitPriceEuros,
        monthlyFeeCents: Math.round(contract.monthlyFeeEuros * 100),
      };
    if (kindOf.get(producerCode) !== 'voucher') return undefined;
    const voucher = vouchers.find(
      (v) => v.serviceClass === serviceClass && String(v.year) === month.slice(0, 4),
    );
    return voucher ? ({ priceEuros: voucher.valueEuros, monthlyFeeCents: 0 } satisfies PriceFact) : undefined;
  };
};

/** The event kind a price is paid per: the contract's pricing basis, else the class's own kind. */
export const pricedKind = (
  contracts: readonly ContractFact[],
  classKinds: ReadonlyMap<string, string>,
  producerCode: string,
  serviceClass: string,
): string =>
  contracts.find((c) => c.producerCode === producerCode && c.serviceClasses.includes(serviceClass))
    ?.pricingBasis ??
  classKinds.get(serviceClass) ??
  'visit';

export const loadClassKinds = async (store: Store): Promise<Map<string, string>> =>
  new Map(
    (
      await store.all<{ code: string; event_kind: string }>('SELECT code, event_kind FROM service_classes')
    ).map((r) => [r.code, r.event_kind]),
  );

/** The day the data is seen from: today, or the day after the last event where the data ends earlier. */
export const steeringDay = async (
  store: Store,
  today = new Date().toISOString().slice(0, 10),
): Promise<string> => {
  const [row] = await store.all<{ last: unknown }>('SELECT max(event_date) AS last FROM events');
  if (row?.last == null) return today;
  const next = new Date(`${iso(row.last)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const after = next.toISOString().slice(0, 10);
  return [after, today].sort()[0] ?? today;
};
