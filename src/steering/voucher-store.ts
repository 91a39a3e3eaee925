import {
  SoteatlasError,
  type UserKey,
  type VoucherValueUpdate,
  VoucherValueView,
  type VoucherValueView as VoucherValueViewType,
} from '../model/index.js';
import type { StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { loadVoucherValues } from './facts.js';
import { withEdits } from './overlay.js';
import { newestRecords, recordVersions, type SavedRecord, saveRecordVersion } from './record-versions.js';

const VoucherValueRecord = VoucherValueView.omit({ version: true, updatedAt: true, updatedBy: true });
const parse = (raw: unknown) => VoucherValueRecord.parse(raw);

const keyOf = (v: { serviceClass: string; year: number }) => `${v.serviceClass}|${v.year}`;

const viewOf = (saved: SavedRecord<ReturnType<typeof parse>>): VoucherValueViewType => ({
  ...saved.record,
  version: saved.version,
  updatedAt: saved.savedAt,
  updatedBy: saved.savedBy,
});

/** The voucher values in force: imported ones (version 1 until edited) with their edits, and those set in the app. */
export const vouchersInForce = async (store: Store, state: StateDb): Promise<VoucherValueViewType[]> =>
  withEdits(
    await loadVoucherValues(store),
    [...(await newestRecords(state, 'voucherValue', parse)).values()].map(viewOf),
    keyOf,
  ).sort((a, b) => a.serviceClass.localeCompare(b.serviceClass) || a.year - b.year);

export const findVoucherValue = async (
  store: Store,
  state: StateDb,
  serviceClass: string,
  year: number,
): Promise<VoucherValueViewType | undefined> => {
  const key = keyOf({ serviceClass, year });
  const [edited] = await recordVersions(state, 'voucherValue', key, parse);
  if (edited) return viewOf(edited);
  return (await loadVoucherValues(store)).find((v) => keyOf(v) === key);
};

/**
 * Saves a voucher's value for a class and year as a new version, naming the version it was made on
 * (0 for a class and year not valued yet; a conflict if someone saved in between). A class the store
 * does not know is refused.
 */
export const saveVoucherValue = async (
  store: Store,
  state: StateDb,
  { serviceClass, year }: { serviceClass: string; year: number },
  update: VoucherValueUpdate,
  by: UserKey | undefined,
): Promise<{ saved: VoucherValueViewType; previous: VoucherValueViewType | undefined }> => {
  const [klass] = await store.all('SELECT 1 FROM service_classes WHERE code = $1', [serviceClass]);
  if (!klass)
    throw new SoteatlasError('invalidRequest', `There is no service class ${serviceClass}.`, {
      details: { field: 'serviceClass' },
    });
  const previous = await findVoucherValue(store, state, serviceClass, year);
  await saveRecordVersion(state, {
    kind: 'voucherValue',
    key: keyOf({ serviceClass, year }),
    what: `The voucher value of ${serviceClass} in ${year}`,
    version: update.version,
    currentVersion: async () => (await findVoucherValue(store, state, serviceClass, year))?.version ?? 0,
    record: VoucherValueRecord.parse({
      serviceClass,
      year,
      valueEuros: update.valueEuros,
      clientShareEuros:
        update.clientShareEuros === undefined
          ? (previous?.clientShareEuros ?? null)
          : update.clientShareEuros,
      incomeRule:
        update.incomeRule === undefined ? (previous?.incomeRule ?? null) : update.incomeRule || null,
    }),
    by,
  });
  const saved = await findVoucherValue(store, state, serviceClass, year);
  if (!saved) throw new Error(`voucher value ${serviceClass} ${year} not found after saving`);
  return { saved, previous };
};

/** Every version of a voucher value, newest first: the saved ones, then the imported version 1 if any. */
export const voucherValueHistory = async (
  store: Store,
  state: StateDb,
  serviceClass: string,
  year: number,
): Promise<VoucherValueViewType[]> => {
  const key = keyOf({ serviceClass, year });
  const imported = (await loadVoucherValues(store)).find((v) => keyOf(v) === key);
  return [
    ...(await recordVersions(state, 'voucherValue', key, parse)).map(viewOf),
    ...(imported ? [imported] : []),
  ];
};
