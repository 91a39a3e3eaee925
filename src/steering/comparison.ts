import type { InvoiceLineView, ModeComparison } from '../model/index.js';
import type { Store } from '../store/index.js';
import { loadSteeringConfig } from './config.js';
import { loadImportedInvoiceLines, loadProducers, periodBounds } from './facts.js';
import { plainFigure, shareFigure } from './figures.js';
import { loadActivity, loadComplaints, loadWaiting } from './quality-facts.js';

const modes = ['own', 'purchased', 'voucher', 'ngo'] as const;

/**
 * What the invoice lines corrected or added in the app change in the store's sums, by producer: each
 * edited line's amount and quantity less those it was imported with (nothing, for a line added).
 */
const editedBilling = async (
  store: Store,
  edits: readonly InvoiceLineView[],
): Promise<{ producer_code: string; euros: number; quantity: number }[]> => {
  const imported = new Map(
    (await loadImportedInvoiceLines(store, { invoiceIds: edits.map((e) => e.invoiceId) })).map((l) => [
      l.invoiceId,
      l,
    ]),
  );
  return edits.map((e) => ({
    producer_code: e.producerCode,
    euros: e.amountEuros - (imported.get(e.invoiceId)?.amountEuros ?? 0),
    quantity: e.quantity - (imported.get(e.invoiceId)?.quantity ?? 0),
  }));
};

/**
 * Own production against purchased services, vouchers and NGOs for one class and period: volume, euros
 * per unit (own production's event costs, the others' invoices as they stand with their corrections),
 * complaints and waiting.
 */
export const compareModes = async (
  store: Store,
  {
    serviceClass,
    period,
    unsuppressed,
    invoiceEdits = [],
  }: {
    serviceClass: string;
    period: string;
    unsuppressed: boolean;
    /** The newest saved version of every invoice line corrected or added in the app. */
    invoiceEdits?: readonly InvoiceLineView[];
  },
): Promise<ModeComparison> => {
  const config = loadSteeringConfig();
  const { from, to, months } = periodBounds(period);
  const producers = await loadProducers(store);
  const kindOf = new Map(producers.map((p) => [p.code, p.kind]));
  const rows = await store.all<Record<string, unknown>>(
    `SELECT e.producer_code, sum(e.quantity) AS quantity, sum(e.cost_euros) AS euros
     FROM events e JOIN service_classes c ON c.code = e.service_class AND c.event_kind = e.kind
     WHERE e.service_class = $1 AND e.event_date BETWEEN $2::DATE AND $3::DATE AND e.producer_code IS NOT NULL
     GROUP BY ALL`,
    [serviceClass, from, to],
  );
  const invoiced: Record<string, unknown>[] = [
    ...(await store.all<Record<string, unknown>>(
      `SELECT producer_code, sum(amount_euros) AS euros, sum(quantity) AS quantity FROM invoices
       WHERE service_class = $1 AND month BETWEEN $2 AND $3 GROUP BY ALL`,
      [serviceClass, months[0] ?? '', months.at(-1) ?? ''],
    )),
    ...(await editedBilling(
      store,
      invoiceEdits.filter(
        (e) =>
          e.serviceClass === serviceClass && e.month >= (months[0] ?? '') && e.month <= (months.at(-1) ?? ''),
      ),
    )),
  ];
  const waiting = (await loadWaiting(store, config, { from, to })).filter(
    (w) => w.serviceClass === serviceClass,
  );
  const activity = await loadActivity(store, config, { from, to });
  const complaints = await loadComplaints(store, { year: period.slice(0, 4) });
  return {
    serviceClass,
    period,
    modes: modes.map((mode) => {
      const inMode = (code: unknown) => kindOf.get(String(code)) === mode;
      const mine = rows.filter((r) => inMode(r.producer_code));
      const volume = mine.reduce((s, r) => s + Number(r.quantity), 0);
      const billed = invoiced.filter((r) => inMode(r.producer_code));
      const euros =
        mode === 'own'
          ? mine.reduce((s, r) => s + Number(r.euros), 0)
          : billed.reduce((s, r) => s + Number(r.euros), 0);
      const quantity = mode === 'own' ? volume : billed.reduce((s, r) => s + Number(r.quantity), 0);
      const codes = new Set(mine.map((r) => String(r.producer_code)));
      const events = activity.filter((a) => codes.has(a.producerCode)).reduce((s, a) => s + a.events, 0);
      const drawn = complaints
        .filter((c) => codes.has(c.producerCode))
        .reduce((s, c) => s + c.objections + c.complaints, 0);
      const wait = waiting.filter((w) => codes.has(w.producerCode));
      const waitCount = wait.reduce((s, w) => s + w.count, 0);
      // The median of medians weighted by events is near enough for comparing modes of production.
      const median =
        waitCount > 0 ? wait.reduce((s, w) => s + (w.medianDays ?? 0) * w.count, 0) / waitCount : null;
      return {
        mode,
        producers: codes.size,
        volume,
        eurosPerUnit: quantity > 0 ? euros / quantity : null,
        complaintsPer10000: events > 0 && mode !== 'own' ? (drawn / events) * 10_000 : null,
        medianWaitingDays: plainFigure(median, waitCount, unsuppressed),
        withinLimitShare: shareFigure(
          wait.reduce((s, w) => s + w.within, 0),
          waitCount,
          unsuppressed,
        ),
      };
    }),
  };
};
