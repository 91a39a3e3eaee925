import { SoteatlasError, type UserKey } from '../model/index.js';
import type { StateDb } from '../state/index.js';

/** The records kept as versions in `state.steering_record_versions`, besides contracts and findings. */
export type RecordKind = 'invoiceLine' | 'voucherValue' | 'inspection';

/** A saved version of a record with when and by whom it was saved. */
export interface SavedRecord<T> {
  key: string;
  version: number;
  record: T;
  savedAt: string;
  savedBy: string | null;
}

interface Row {
  record_key: string;
  version: number;
  record: string;
  saved_at: unknown;
  saved_by: string | null;
}

const savedOf =
  <T>(parse: (raw: unknown) => T) =>
  (row: Row): SavedRecord<T> => ({
    key: row.record_key,
    version: Number(row.version),
    record: parse(JSON.parse(row.record)),
    savedAt: String(row.saved_at),
    savedBy: row.saved_by,
  });

/** The newest saved version of every record of a kind (edits are few: a person makes each one). */
export const newestRecords = async <T>(
  state: StateDb,
  kind: RecordKind,
  parse: (raw: unknown) => T,
): Promise<Map<string, SavedRecord<T>>> =>
  new Map(
    (
      await state.all<Row>(
        `SELECT d.record_key, d.version, d.record, d.saved_at, d.saved_by FROM state.steering_record_versions d
         WHERE d.county = $1 AND d.kind = $2
           AND d.version = (SELECT max(v.version) FROM state.steering_record_versions v
                            WHERE v.county = d.county AND v.kind = d.kind AND v.record_key = d.record_key)
         ORDER BY d.record_key`,
        [state.county, kind],
      )
    )
      .map(savedOf(parse))
      .map((r) => [r.key, r]),
  );

/** Every saved version of one record, newest first. */
export const recordVersions = async <T>(
  state: StateDb,
  kind: RecordKind,
  key: string,
  parse: (raw: unknown) => T,
): Promise<SavedRecord<T>[]> =>
  (
    await state.all<Row>(
      `SELECT record_key, version, record, saved_at, saved_by FROM state.steering_record_versions
       WHERE county = $1 AND kind = $2 AND record_key = $3 ORDER BY version DESC`,
      [state.county, kind, key],
    )
  ).map(savedOf(parse));

export const staleEdit = (what: string, version: number, currentVersion: number) =>
  new SoteatlasError(
    'conflict',
    `${what} has changed since version ${version}; it is now at version ${currentVersion}.`,
    { details: { version, currentVersion } },
  );

/**
 * Saves `record` as the version after `version`, the one the editor started from. If the record is no
 * longer at that version, the edit is answered as a conflict, never silently written over; and of two
 * writers of the same version at once, the primary key refuses the second, which is a conflict too.
 * `currentVersion` reads the version in force (0 for a record not yet there).
 */
export const saveRecordVersion = async (
  state: StateDb,
  {
    kind,
    key,
    what,
    version,
    currentVersion,
    record,
    by,
  }: {
    kind: RecordKind;
    key: string;
    /** The record in words for the conflict's message: "The invoice line X". */
    what: string;
    version: number;
    currentVersion: () => Promise<number>;
    record: unknown;
    by: UserKey | undefined;
  },
): Promise<void> => {
  const current = await currentVersion();
  if (current !== version) throw staleEdit(what, version, current);
  try {
    await state.run(
      `INSERT INTO state.steering_record_versions (county, kind, record_key, version, record, saved_at, saved_by)
       VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP), $7)`,
      [
        state.county,
        kind,
        key,
        version + 1,
        JSON.stringify(record),
        new Date().toISOString(),
        by ? `${by.issuer} ${by.subject}` : null,
      ],
    );
  } catch (error) {
    const again = await currentVersion();
    if (again > version) throw staleEdit(what, version, again);
    throw error;
  }
};
