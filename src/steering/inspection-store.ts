import {
  type InspectionUpdate,
  InspectionView,
  type InspectionView as InspectionViewType,
  SoteatlasError,
  type UserKey,
} from '../model/index.js';
import type { StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { withEdits } from './overlay.js';
import { newestRecords, recordVersions, type SavedRecord, saveRecordVersion } from './record-versions.js';

const InspectionRecord = InspectionView.omit({ version: true, updatedAt: true, updatedBy: true });
const parse = (raw: unknown) => InspectionRecord.parse(raw);

const viewOf = (saved: SavedRecord<ReturnType<typeof parse>>): InspectionViewType => ({
  ...saved.record,
  version: saved.version,
  updatedAt: saved.savedAt,
  updatedBy: saved.savedBy,
});

/** Inspections as first recorded, each version 1: imported into the store, or entered in the app. */
const firstVersions = async (store: Store, state: StateDb): Promise<InspectionViewType[]> => {
  const imported = await store.all<Record<string, unknown>>(
    'SELECT inspection_id, producer_code, unit_code, inspection_date, kind FROM inspections',
  );
  const entered = await state.all<{ inspection: string; saved_at: unknown; saved_by: string | null }>(
    'SELECT inspection, saved_at, saved_by FROM state.inspections WHERE county = $1',
    [state.county],
  );
  return [
    ...imported.map((r) =>
      InspectionView.parse({
        inspectionId: String(r.inspection_id),
        producerCode: String(r.producer_code),
        unitCode: r.unit_code == null ? null : String(r.unit_code),
        inspectionDate: String(r.inspection_date).slice(0, 10),
        kind: r.kind,
        version: 1,
        updatedAt: null,
        updatedBy: null,
      }),
    ),
    ...entered.map((r) => {
      const event = JSON.parse(r.inspection) as Record<string, unknown>;
      return InspectionView.parse({
        ...event,
        unitCode: event.unitCode ?? null,
        version: 1,
        updatedAt: String(r.saved_at),
        updatedBy: r.saved_by,
      });
    }),
  ];
};

/** The newest saved version of every inspection edited in the app. */
export const inspectionEdits = async (state: StateDb): Promise<InspectionViewType[]> =>
  [...(await newestRecords(state, 'inspection', parse)).values()].map(viewOf);

/** The inspections as they stand, a producer's only when `producerCode` is given; by date, then id. */
export const inspectionsInForce = async (
  store: Store,
  state: StateDb,
  producerCode?: string,
): Promise<InspectionViewType[]> =>
  withEdits(await firstVersions(store, state), await inspectionEdits(state), (i) => i.inspectionId)
    .filter((i) => producerCode === undefined || i.producerCode === producerCode)
    .sort(
      (a, b) =>
        a.inspectionDate.localeCompare(b.inspectionDate) || a.inspectionId.localeCompare(b.inspectionId),
    );

export const findInspection = async (
  store: Store,
  state: StateDb,
  inspectionId: string,
): Promise<InspectionViewType | undefined> =>
  (await inspectionsInForce(store, state)).find((i) => i.inspectionId === inspectionId);

/**
 * Saves corrected details of an inspection (its date, kind and unit) as a new version, naming the
 * version they were made on (a conflict if someone saved in between). Its findings follow the new date
 * and unit. An inspection stays with its producer; a unit not the producer's is refused. Undefined when
 * there is no such inspection.
 */
export const saveInspection = async (
  store: Store,
  state: StateDb,
  inspectionId: string,
  update: InspectionUpdate,
  by: UserKey | undefined,
): Promise<{ saved: InspectionViewType; previous: InspectionViewType } | undefined> => {
  const previous = await findInspection(store, state, inspectionId);
  if (!previous) return undefined;
  const unitCode = update.unitCode === undefined ? previous.unitCode : update.unitCode;
  if (unitCode !== null) {
    const [unit] = await store.all('SELECT 1 FROM units WHERE code = $1 AND producer_code = $2', [
      unitCode,
      previous.producerCode,
    ]);
    if (!unit)
      throw new SoteatlasError(
        'invalidRequest',
        `The producer ${previous.producerCode} has no unit ${unitCode}.`,
        {
          details: { field: 'unitCode' },
        },
      );
  }
  await saveRecordVersion(state, {
    kind: 'inspection',
    key: inspectionId,
    what: `The inspection ${inspectionId}`,
    version: update.version,
    currentVersion: async () => (await findInspection(store, state, inspectionId))?.version ?? 0,
    record: parse({
      inspectionId,
      producerCode: previous.producerCode,
      unitCode,
      inspectionDate: update.inspectionDate,
      kind: update.kind,
    }),
    by,
  });
  const saved = await findInspection(store, state, inspectionId);
  if (!saved) throw new Error(`inspection ${inspectionId} not found after saving`);
  return { saved, previous };
};

/** Every version of an inspection, newest first: the saved ones, then the first as recorded. */
export const inspectionHistory = async (
  store: Store,
  state: StateDb,
  inspectionId: string,
): Promise<InspectionViewType[]> => [
  ...(await recordVersions(state, 'inspection', inspectionId, parse)).map(viewOf),
  ...(await firstVersions(store, state)).filter((i) => i.inspectionId === inspectionId),
];
