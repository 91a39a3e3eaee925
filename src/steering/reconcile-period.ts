import type { InvoiceLineView, Reconciliation } from '../model/index.js';
import type { Store } from '../store/index.js';
import {
  type ContractFact,
  loadClassKinds,
  loadContracts,
  loadEventVolumes,
  loadInvoiceLines,
  loadProducers,
  loadVoucherValues,
  periodBounds,
  pricedKind,
  pricing,
  type VoucherFact,
} from './facts.js';
import { reconcile } from './reconcile.js';

/** The billing records people have corrected in the app, for the engines that reconcile invoices. */
export interface BillingEdits {
  /** The newest saved version of every invoice line corrected or added in the app; none when absent. */
  invoiceEdits?: readonly InvoiceLineView[];
  /** The voucher values with their edits; those imported into the store when absent. */
  vouchers?: readonly VoucherFact[];
}

/** A period's invoices against the events × contract price, for every producer or for one. */
export const reconcilePeriod = async (
  store: Store,
  {
    period,
    producerCode,
    contracts: inForce,
    invoiceEdits,
    vouchers: vouchersInForce,
  }: BillingEdits & {
    period: string;
    producerCode?: string;
    /** The contracts in force with their edits; those imported into the store when absent. */
    contracts?: readonly ContractFact[];
  },
): Promise<Reconciliation> => {
  const { from, to, months } = periodBounds(period);
  const [producers, contracts, vouchers, classKinds] = await Promise.all([
    loadProducers(store),
    inForce ?? loadContracts(store),
    vouchersInForce ?? loadVoucherValues(store),
    loadClassKinds(store),
  ]);
  const priceOf = pricing(producers, contracts, vouchers);
  const invoices = await loadInvoiceLines(store, {
    months,
    ...(producerCode ? { producerCode } : {}),
    ...(invoiceEdits ? { edits: invoiceEdits } : {}),
  });
  const events = (
    await loadEventVolumes(store, { from, to, ...(producerCode ? { producerCode } : {}) })
  ).filter((e) => e.kind === pricedKind(contracts, classKinds, e.producerCode, e.serviceClass));
  return reconcile(period, invoices, events, priceOf);
};
