export { calendarIcs, procurementCalendar } from './calendar.js';
export { compareModes } from './comparison.js';
export { defaultSteeringConfigPath, loadSteeringConfig } from './config.js';
export { contractHistory, contractsInForce, findContract, saveContract } from './contract-store.js';
export { type SteeringEdits, steeringEdits } from './edits.js';
export { type ContractFact, loadContracts, periodBounds, steeringDay } from './facts.js';
export {
  findInspection,
  inspectionHistory,
  inspectionsInForce,
  saveInspection,
} from './inspection-store.js';
export {
  addInvoiceLine,
  correctInvoiceLine,
  findInvoiceLine,
  invoiceEdits,
  invoiceLineHistory,
  invoiceLinesInForce,
} from './invoice-store.js';
export { packDay, scorecardWorkbook, scorecardXlsx } from './pack.js';
export { printScorecardPackPdf, scorecardPackPageUrl } from './pack-pdf.js';
export { type ScorecardPackTexts, scorecardPackTexts } from './pack-texts.js';
export { type EventVolumeFact, type InvoiceLineFact, reconcile } from './reconcile.js';
export { type BillingEdits, reconcilePeriod } from './reconcile-period.js';
export { producerRegister } from './register.js';
export { producerScorecard } from './scorecard.js';
export {
  createInspection,
  findFinding,
  findingHistory,
  findingsInForce,
  saveFindingState,
} from './supervision-store.js';
export { findVoucherValue, saveVoucherValue, vouchersInForce, voucherValueHistory } from './voucher-store.js';
