import {
  type InvoiceLineCorrection,
  type InvoiceLineCreate,
  InvoiceLineView,
  type InvoiceLineView as InvoiceLineViewType,
  SoteatlasError,
  type UserKey,
} from '../model/index.js';
import type { StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { invoiceLinesInPeriod, loadImportedInvoiceLines, periodBounds } from './facts.js';
import { newestRecords, recordVersions, type SavedRecord, saveRecordVersion } from './record-versions.js';

/** A line as saved: everything but its version record, which the row keeps. */
const InvoiceLineRecord = InvoiceLineView.omit({ version: true, updatedAt: true, updatedBy: true });

const viewOf = (saved: SavedRecord<ReturnType<typeof InvoiceLineRecord.parse>>): InvoiceLineViewType => ({
  ...saved.record,
  version: saved.version,
  updatedAt: saved.savedAt,
  updatedBy: saved.savedBy,
});

/** The newest saved version of every invoice line corrected or added in the app. */
export const invoiceEdits = async (state: StateDb): Promise<InvoiceLineViewType[]> =>
  [...(await newestRecords(state, 'invoiceLine', (raw) => InvoiceLineRecord.parse(raw))).values()].map(
    viewOf,
  );

/** A producer's (or every producer's) invoice lines of a period as they stand. */
export const invoiceLinesInForce = async (
  store: Store,
  state: StateDb,
  { period, producerCode }: { period: string; producerCode?: string },
): Promise<InvoiceLineViewType[]> =>
  invoiceLinesInPeriod(store, {
    months: periodBounds(period).months,
    ...(producerCode ? { producerCode } : {}),
    edits: await invoiceEdits(state),
  });

export const findInvoiceLine = async (
  store: Store,
  state: StateDb,
  invoiceId: string,
): Promise<InvoiceLineViewType | undefined> => {
  const edited = (
    await recordVersions(state, 'invoiceLine', invoiceId, (raw) => InvoiceLineRecord.parse(raw))
  )[0];
  if (edited) return viewOf(edited);
  return (await loadImportedInvoiceLines(store, { invoiceIds: [invoiceId] }))[0];
};

const versionOf = (store: Store, state: StateDb, invoiceId: string) => async () =>
  (await findInvoiceLine(store, state, invoiceId))?.version ?? 0;

const recordOf = ({ version: _v, updatedAt: _a, updatedBy: _b, ...line }: InvoiceLineViewType) =>
  InvoiceLineRecord.parse(line);

/**
 * Saves a correction of an invoice line's amount and quantity as a new version, naming the version it
 * was made on (a conflict if someone saved in between). Undefined when there is no such line.
 */
export const correctInvoiceLine = async (
  store: Store,
  state: StateDb,
  invoiceId: string,
  correction: InvoiceLineCorrection,
  by: UserKey | undefined,
): Promise<{ saved: InvoiceLineViewType; previous: InvoiceLineViewType } | undefined> => {
  const previous = await findInvoiceLine(store, state, invoiceId);
  if (!previous) return undefined;
  await saveRecordVersion(state, {
    kind: 'invoiceLine',
    key: invoiceId,
    what: `The invoice line ${invoiceId}`,
    version: correction.version,
    currentVersion: versionOf(store, state, invoiceId),
    record: recordOf({
      ...previous,
      amountEuros: correction.amountEuros,
      quantity: correction.quantity,
      note: correction.note === undefined ? previous.note : correction.note || null,
    }),
    by,
  });
  const saved = await findInvoiceLine(store, state, invoiceId);
  if (!saved) throw new Error(`invoice line ${invoiceId} not found after saving`);
  return { saved, previous };
};

const refuse = (message: string, field: string) =>
  new SoteatlasError('invalidRequest', message, { details: { field } });

/**
 * Adds an invoice line as version 1, as the invoice file would have carried it. An id already in use,
 * imported or added, is a conflict; a producer, class or unit the store does not know is refused.
 */
export const addInvoiceLine = async (
  store: Store,
  state: StateDb,
  line: InvoiceLineCreate,
  by: UserKey | undefined,
): Promise<InvoiceLineViewType> => {
  const [producer] = await store.all('SELECT 1 FROM producers WHERE code = $1', [line.producerCode]);
  if (!producer) throw refuse(`There is no producer ${line.producerCode}.`, 'producerCode');
  const [klass] = await store.all('SELECT 1 FROM service_classes WHERE code = $1', [line.serviceClass]);
  if (!klass) throw refuse(`There is no service class ${line.serviceClass}.`, 'serviceClass');
  const unitCode = line.unitCode ?? null;
  if (unitCode !== null) {
    const [unit] = await store.all('SELECT 1 FROM units WHERE code = $1 AND producer_code = $2', [
      unitCode,
      line.producerCode,
    ]);
    if (!unit) throw refuse(`The producer ${line.producerCode} has no unit ${unitCode}.`, 'unitCode');
  }
  if (await findInvoiceLine(store, state, line.invoiceId))
    throw new SoteatlasError('conflict', `There is already an invoice line ${line.invoiceId}.`);
  await saveRecordVersion(state, {
    kind: 'invoiceLine',
    key: line.invoiceId,
    what: `The invoice line ${line.invoiceId}`,
    version: 0,
    currentVersion: versionOf(store, state, line.invoiceId),
    record: InvoiceLineRecord.parse({ ...line, unitCode, note: line.note || null }),
    by,
  });
  const saved = await findInvoiceLine(store, state, line.invoiceId);
  if (!saved) throw new Error(`invoice line ${line.invoiceId} not found after saving`);
  return saved;
};

/** Every version of one invoice line, newest first: the saved ones, then the imported version 1 if any. */
export const invoiceLineHistory = async (
  store: Store,
  state: StateDb,
  invoiceId: string,
): Promise<InvoiceLineViewType[]> => [
  ...(await recordVersions(state, 'invoiceLine', invoiceId, (raw) => InvoiceLineRecord.parse(raw))).map(
    viewOf,
  ),
  ...(await loadImportedInvoiceLines(store, { invoiceIds: [invoiceId] })),
];
