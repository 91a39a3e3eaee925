import type { ReconciledLine, Reconciliation, ReconciliationStatus, UnbilledEvents } from '../model/index.js';

export interface InvoiceLineFact {
  invoiceId: string;
  producerCode: string;
  month: string;
  serviceClass: string;
  unitCode: string | null;
  amountCents: number;
  quantity: number;
}

/** Events summed as the contract prices them: a producer's visits (or days) of a class at a unit in a month. */
export interface EventVolumeFact {
  producerCode: string;
  month: string;
  serviceClass: string;
  unitCode: string | null;
  quantity: number;
}

/** What one unit of a class costs the county from a producer in a month, and its fixed monthly fee. */
export interface PriceFact {
  priceEuros: number;
  monthlyFeeCents: number;
}

export type PriceOf = (producerCode: string, serviceClass: string, month: string) => PriceFact | undefined;

const key = (producer: string, month: string, klass: string, unit: string | null) =>
  `${producer}|${month}|${klass}|${unit ?? ''}`;

/** A line with no quantity and no unit bills the contract's fixed monthly fee, not events. */
const isFeeLine = (line: InvoiceLineFact) => line.quantity === 0 && line.unitCode === null;

/**
 * Each invoice line against the producer's events of that month, class and unit at the contract's
 * price. What the events justify is matched; anything billed beyond it is a difference. So every
 * invoiced cent is in exactly one of the two, and billing less than the events justify is shown as
 * under-billed without being a difference of the invoice.
 */
export const reconcile = (
  period: string,
  invoices: readonly InvoiceLineFact[],
  events: readonly EventVolumeFact[],
  priceOf: PriceOf,
): Reconciliation => {
  const volumes = new Map<string, number>();
  for (const e of events) {
    const k = key(e.producerCode, e.month, e.serviceClass, e.unitCode);
    volumes.set(k, (volumes.get(k) ?? 0) + e.quantity);
  }
  // A line without a unit that bills visits covers the producer's events of the class at every unit.
  const byClass = new Map<string, number>();
  for (const e of events) {
    const k = key(e.producerCode, e.month, e.serviceClass, null);
    byClass.set(k, (byClass.get(k) ?? 0) + e.quantity);
  }
  const billed = new Set<string>();
  const lines: ReconciledLine[] = invoices.map((line) => {
    const k = key(line.producerCode, line.month, line.serviceClass, line.unitCode);
    billed.add(line.unitCode === null ? `${k}*` : k);
    const price = priceOf(line.producerCode, line.serviceClass, line.month);
    const fee = isFeeLine(line);
    const eventQuantity = fee ? 0 : ((line.unitCode === null ? byClass.get(k) : volumes.get(k)) ?? 0);
    const expected =
      price === undefined
        ? null
        : fee
          ? price.monthlyFeeCents
          : Math.round(eventQuantity * price.priceEuros * 100);
    const invoiced = line.amountCents;
    let status: ReconciliationStatus;
    let matched: number;
    if (expected === null) {
      status = 'noPrice';
      matched = 0;
    } else if (!fee && eventQuantity === 0) {
      status = invoiced === 0 ? 'matched' : 'noEvents';
      matched = 0;
    } else if (invoiced === expected) {
      status = 'matched';
      matched = invoiced;
    } else if (invoiced > expected) {
      status = 'overBilled';
      matched = Math.max(0, expected);
    } else {
      status = 'underBilled';
      matched = invoiced;
    }
    if (invoiced < 0) matched = Math.max(invoiced, Math.min(0, expected ?? 0));
    return {
      invoiceId: line.invoiceId,
      producerCode: line.producerCode,
      month: line.month,
      serviceClass: line.serviceClass,
      unitCode: line.unitCode,
      invoicedQuantity: line.quantity,
      eventQuantity,
      priceEuros: price?.priceEuros ?? null,
      invoicedCents: invoiced,
      expectedCents: expected,
      matchedCents: matched,
      differenceCents: invoiced - matched,
      status,
    };
  });
  const unbilled: UnbilledEvents[] = [];
  for (const [k, quantity] of volumes) {
    const [producerCode = '', month = '', serviceClass = '', unit = ''] = k.split('|');
    if (billed.has(k) || billed.has(`${key(producerCode, month, serviceClass, null)}*`)) continue;
    if (priceOf(producerCode, serviceClass, month) === undefined) continue;
    unbilled.push({
      producerCode,
      month,
      serviceClass,
      unitCode: unit === '' ? null : unit,
      eventQuantity: quantity,
    });
  }
  const sum = (pick: (l: ReconciledLine) => number) => lines.reduce((s, l) => s + pick(l), 0);
  return {
    period,
    invoicedCents: sum((l) => l.invoicedCents),
    matchedCents: sum((l) => l.matchedCents),
    differenceCents: sum((l) => l.differenceCents),
    lines,
    unbilled,
  };
};
