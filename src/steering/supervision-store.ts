import {
  type FindingUpdate,
  FindingView,
  type FindingView as FindingViewType,
  type InspectionCreate,
  SoteatlasError,
  type UserKey,
} from '../model/index.js';
import type { StateDb, StateQueries } from '../state/index.js';
import type { Store } from '../store/index.js';
import { inspectionEdits } from './inspection-store.js';
import { loadFindings } from './quality-facts.js';

interface VersionRow {
  version: number;
  finding: string;
  saved_at: unknown;
  saved_by: string | null;
}

const viewOf = (row: VersionRow): FindingViewType =>
  FindingView.parse({
    ...JSON.parse(row.finding),
    version: row.version,
    updatedAt: row.saved_at == null ? null : String(row.saved_at),
    updatedBy: row.saved_by,
  });

const newestEdits = async (state: StateDb): Promise<FindingViewType[]> =>
  (
    await state.all<VersionRow>(
      `SELECT d.version, d.finding, d.saved_at, d.saved_by FROM state.finding_versions d
       WHERE d.county = $1
         AND d.version = (SELECT max(v.version) FROM state.finding_versions v
                          WHERE v.county = d.county AND v.finding_id = d.finding_id)`,
      [state.county],
    )
  ).map(viewOf);

/**
 * The findings as they stand: those imported into the store (version 1 until edited), each replaced by
 * its newest saved version, and those of inspections entered in the app, each with its inspection's
 * date and unit as they stand. A producer's only when `producerCode` is given; ordered by inspection
 * date, then finding.
 */
export const findingsInForce = async (
  store: Store,
  state: StateDb,
  producerCode?: string,
): Promise<FindingViewType[]> => {
  const edited = new Map((await newestEdits(state)).map((f) => [f.findingId, f]));
  const imported = await loadFindings(store);
  const importedIds = new Set(imported.map((f) => f.findingId));
  const inspections = new Map((await inspectionEdits(state)).map((i) => [i.inspectionId, i]));
  const withInspection = (f: FindingViewType): FindingViewType => {
    const inspection = inspections.get(f.inspectionId);
    return inspection
      ? { ...f, inspectionDate: inspection.inspectionDate, unitCode: inspection.unitCode }
      : f;
  };
  return [
    ...imported.map((f) => edited.get(f.findingId) ?? f),
    ...[...edited.values()].filter((f) => !importedIds.has(f.findingId)),
  ]
    .map(withInspection)
    .filter((f) => producerCode === undefined || f.producerCode === producerCode)
    .sort(
      (a, b) => a.inspectionDate.localeCompare(b.inspectionDate) || a.findingId.localeCompare(b.findingId),
    );
};

export const findFinding = async (
  store: Store,
  state: StateDb,
  findingId: string,
): Promise<FindingViewType | undefined> =>
  (await findingsInForce(store, state)).find((f) => f.findingId === findingId);

const byOf = (by: UserKey | undefined) => (by ? `${by.issuer} ${by.subject}` : null);

/** Writes one version; the primary key refuses the second of two writers of the same version. */
const insertVersion = async (
  q: StateQueries,
  county: string,
  finding: FindingViewType,
  version: number,
  by: UserKey | undefined,
) => {
  const { updatedAt: _a, updatedBy: _b, ...kept } = FindingView.parse({ ...finding, version });
  await q.run(
    `INSERT INTO state.finding_versions (county, finding_id, version, finding, saved_at, saved_by)
     VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), $6)`,
    [county, finding.findingId, version, JSON.stringify(kept), new Date().toISOString(), byOf(by)],
  );
};

const conflict = (findingId: string, version: number, currentVersion: number) =>
  new SoteatlasError(
    'conflict',
    `The finding ${findingId} has changed since version ${version}; it is now at version ${currentVersion}.`,
    { details: { version, currentVersion } },
  );

/**
 * Saves a new state of a finding's corrective action, and its text, severity and deadline where given,
 * as a new version. `update.version` is the version the editor started from: if someone saved in
 * between, the edit is answered as a conflict, never silently overwritten. Undefined when there is no
 * such finding.
 */
export const saveFindingState = async (
  store: Store,
  state: StateDb,
  findingId: string,
  update: FindingUpdate,
  by: UserKey | undefined,
): Promise<{ saved: FindingViewType; previous: FindingViewType } | undefined> => {
  const previous = await findFinding(store, state, findingId);
  if (!previous) return undefined;
  if (previous.version !== update.version) throw conflict(findingId, update.version, previous.version);
  const next: FindingViewType = {
    ...previous,
    actionState: update.actionState,
    actionDoneOn: update.actionDoneOn ?? null,
    actionNote: update.actionNote === undefined ? previous.actionNote : update.actionNote || null,
    severity: update.severity ?? previous.severity,
    description: update.description ?? previous.description,
    actionDeadline: update.actionDeadline ?? previous.actionDeadline,
  };
  try {
    await insertVersion(state, state.county, next, update.version + 1, by);
  } catch (error) {
    const again = await findFinding(store, state, findingId);
    if (again && again.version > update.version) throw conflict(findingId, update.version, again.version);
    throw error;
  }
  const saved = await findFinding(store, state, findingId);
  if (!saved) throw new Error(`finding ${findingId} not found after saving`);
  return { saved, previous };
};

const refuse = (message: string, field: string) =>
  new SoteatlasError('invalidRequest', message, { details: { field } });

/**
 * Records a new inspection with its findings, each finding version 1 with its action open. An
 * inspection or finding id already in use, imported or entered, is a conflict; a producer or unit the
 * store does not know is refused.
 */
export const createInspection = async (
  store: Store,
  state: StateDb,
  inspection: InspectionCreate,
  by: UserKey | undefined,
): Promise<FindingViewType[]> => {
  const [producer] = await store.all('SELECT 1 FROM producers WHERE code = $1', [inspection.producerCode]);
  if (!producer) throw refuse(`There is no producer ${inspection.producerCode}.`, 'producerCode');
  const unitCode = inspection.unitCode ?? null;
  if (unitCode !== null) {
    const [unit] = await store.all('SELECT 1 FROM units WHERE code = $1 AND producer_code = $2', [
      unitCode,
      inspection.producerCode,
    ]);
    if (!unit) throw refuse(`The producer ${inspection.producerCode} has no unit ${unitCode}.`, 'unitCode');
  }
  const ids = inspection.findings.map((f) => f.findingId);
  if (new Set(ids).size !== ids.length) throw refuse('Two findings have the same id.', 'findings');
  const [importedInspection] = await store.all('SELECT 1 FROM inspections WHERE inspection_id = $1', [
    inspection.inspectionId,
  ]);
  const [enteredInspection] = await state.all(
    'SELECT 1 FROM state.inspections WHERE county = $1 AND inspection_id = $2',
    [state.county, inspection.inspectionId],
  );
  if (importedInspection || enteredInspection)
    throw new SoteatlasError('conflict', `There is already an inspection ${inspection.inspectionId}.`);
  const known = new Set((await findingsInForce(store, state)).map((f) => f.findingId));
  const taken = ids.filter((id) => known.has(id));
  if (taken.length > 0)
    throw new SoteatlasError('conflict', `There is already a finding ${taken.join(', ')}.`);
  const { findings, ...event } = inspection;
  await state.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO state.inspections (county, inspection_id, inspection, saved_at, saved_by)
       VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), $5)`,
      [state.county, inspection.inspectionId, JSON.stringify(event), new Date().toISOString(), byOf(by)],
    );
    for (const f of findings)
      await insertVersion(
        tx,
        state.county,
        {
          ...f,
          inspectionId: inspection.inspectionId,
          inspectionDate: inspection.inspectionDate,
          producerCode: inspection.producerCode,
          unitCode,
          actionState: 'open',
          actionDoneOn: null,
          actionNote: null,
          version: 1,
          updatedAt: null,
          updatedBy: null,
        },
        1,
        by,
      );
  });
  const now = await findingsInForce(store, state, inspection.producerCode);
  return now.filter((f) => f.inspectionId === inspection.inspectionId);
};

/** Every version of one finding, newest first: the saved ones, then the imported version 1 if any. */
export const findingHistory = async (
  store: Store,
  state: StateDb,
  findingId: string,
): Promise<FindingViewType[]> => {
  const saved = (
    await state.all<VersionRow>(
      `SELECT version, finding, saved_at, saved_by FROM state.finding_versions
       WHERE county = $1 AND finding_id = $2 ORDER BY version DESC`,
      [state.county, findingId],
    )
  ).map(viewOf);
  const imported = (await loadFindings(store)).find((f) => f.findingId === findingId);
  return imported ? [...saved, imported] : saved;
};
