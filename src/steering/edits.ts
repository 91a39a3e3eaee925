import type { ContractView, FindingView, InvoiceLineView, VoucherValueView } from '../model/index.js';
import type { StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { contractsInForce } from './contract-store.js';
import { invoiceEdits } from './invoice-store.js';
import { findingsInForce } from './supervision-store.js';
import { vouchersInForce } from './voucher-store.js';

/**
 * What people have edited in the app, which every engine lays over what was imported: contracts and
 * findings (their inspections' corrected dates and units included), every corrected or added invoice
 * line and the voucher values.
 */
export interface SteeringEdits {
  contracts: readonly ContractView[];
  findings: readonly FindingView[];
  invoiceEdits: readonly InvoiceLineView[];
  vouchers: readonly VoucherValueView[];
}

/**
 * The edits in force, contracts and findings of one producer only when `producerCode` is given. The
 * server hands them to the engines for every answer, and the command line for every printout, so that
 * both tell what the app shows.
 */
export const steeringEdits = async (
  store: Store,
  state: StateDb,
  producerCode?: string,
): Promise<SteeringEdits> => ({
  contracts: await contractsInForce(store, state, producerCode),
  findings: await findingsInForce(store, state, producerCode),
  invoiceEdits: await invoiceEdits(state),
  vouchers: await vouchersInForce(store, state),
});
