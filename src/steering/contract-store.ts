import {
  type ContractTerms,
  ContractTerms as ContractTermsSchema,
  type ContractView,
  SoteatlasError,
  type UserKey,
} from '../model/index.js';
import type { StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { loadContracts } from './facts.js';

interface VersionRow {
  contract_code: string;
  version: number;
  terms: string;
  saved_at: unknown;
  saved_by: string | null;
}

const viewOf = (row: VersionRow): ContractView => ({
  ...ContractTermsSchema.parse(JSON.parse(row.terms)),
  version: row.version,
  updatedAt: row.saved_at == null ? null : String(row.saved_at),
  updatedBy: row.saved_by,
});

const newestEdits = async (state: StateDb, code?: string): Promise<ContractView[]> =>
  (
    await state.all<VersionRow>(
      `SELECT d.contract_code, d.version, d.terms, d.saved_at, d.saved_by FROM state.contract_versions d
       WHERE d.county = $1 ${code !== undefined ? 'AND d.contract_code = $2' : ''}
         AND d.version = (SELECT max(v.version) FROM state.contract_versions v
                          WHERE v.county = d.county AND v.contract_code = d.contract_code)
       ORDER BY d.contract_code`,
      code !== undefined ? [state.county, code] : [state.county],
    )
  ).map(viewOf);

/**
 * The contracts in force: those imported into the store (version 1 until edited), each replaced by its
 * newest saved version, and those created in the app. A producer's only when `producerCode` is given.
 */
export const contractsInForce = async (
  store: Store,
  state: StateDb,
  producerCode?: string,
): Promise<ContractView[]> => {
  const edited = new Map((await newestEdits(state)).map((c) => [c.code, c]));
  const imported = await loadContracts(store);
  const importedCodes = new Set(imported.map((c) => c.code));
  const all = [
    ...imported.map((c) => edited.get(c.code) ?? c),
    ...[...edited.values()].filter((c) => !importedCodes.has(c.code)),
  ];
  return all
    .filter((c) => producerCode === undefined || c.producerCode === producerCode)
    .sort((a, b) => a.code.localeCompare(b.code));
};

export const findContract = async (
  store: Store,
  state: StateDb,
  code: string,
): Promise<ContractView | undefined> => (await contractsInForce(store, state)).find((c) => c.code === code);

const refuse = (message: string, details?: Record<string, string | number>) =>
  new SoteatlasError('invalidRequest', message, details ? { details } : undefined);

/** Terms that name things the store does not know are refused, never saved. */
const checkNames = async (store: Store, terms: ContractTerms): Promise<void> => {
  const [producer] = await store.all('SELECT 1 FROM producers WHERE code = $1', [terms.producerCode]);
  if (!producer) throw refuse(`There is no producer ${terms.producerCode}.`, { field: 'producerCode' });
  const known = new Set(
    (await store.all<{ code: string }>('SELECT code FROM service_classes')).map((r) => r.code),
  );
  const unknown = terms.serviceClasses.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw refuse(`There is no service class ${unknown.join(', ')}.`, { field: 'serviceClasses' });
  if (terms.unitCodes && terms.unitCodes.length > 0) {
    const units = new Set(
      (
        await store.all<{ code: string }>('SELECT code FROM units WHERE producer_code = $1', [
          terms.producerCode,
        ])
      ).map((r) => r.code),
    );
    const foreign = terms.unitCodes.filter((u) => !units.has(u));
    if (foreign.length > 0)
      throw refuse(`The producer ${terms.producerCode} has no unit ${foreign.join(', ')}.`, {
        field: 'unitCodes',
      });
  }
};

/**
 * Saves a new version of a contract's terms. `version` is the version the editor started from (0 for a
 * new contract): if someone saved in between, the edit is answered as a conflict, never silently
 * overwritten, and the primary key (county, code, version) refuses the second of two concurrent writers.
 * A contract stays with its producer: moving it to another is a new contract.
 */
export const saveContract = async (
  store: Store,
  state: StateDb,
  terms: ContractTerms,
  version: number,
  by: UserKey | undefined,
): Promise<ContractView> => {
  const current = await findContract(store, state, terms.code);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== version)
    throw new SoteatlasError(
      'conflict',
      `The contract ${terms.code} has changed since version ${version}; it is now at version ${currentVersion}.`,
      { details: { version, currentVersion } },
    );
  if (current && current.producerCode !== terms.producerCode)
    throw refuse(`The contract ${terms.code} is with ${current.producerCode}; it cannot move to another.`, {
      field: 'producerCode',
    });
  await checkNames(store, terms);
  const next = version + 1;
  try {
    await state.run(
      `INSERT INTO state.contract_versions (county, contract_code, version, terms, saved_at, saved_by)
       VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), $6)`,
      [
        state.county,
        terms.code,
        next,
        JSON.stringify(ContractTermsSchema.parse(terms)),
        new Date().toISOString(),
        by ? `${by.issuer} ${by.subject}` : null,
      ],
    );
  } catch (error) {
    const again = await findContract(store, state, terms.code);
    if (again && again.version >= next)
      throw new SoteatlasError(
        'conflict',
        `The contract ${terms.code} was saved by someone else meanwhile.`,
        {
          details: { version, currentVersion: again.version },
        },
      );
    throw error;
  }
  const saved = await findContract(store, state, terms.code);
  if (!saved) throw new Error(`contract ${terms.code} not found after saving`);
  return saved;
};

/** Every version of one contract, newest first: the saved ones, then the imported version 1 if any. */
export const contractHistory = async (
  store: Store,
  state: StateDb,
  code: string,
): Promise<ContractView[]> => {
  const saved = (
    await state.all<VersionRow>(
      `SELECT contract_code, version, terms, saved_at, saved_by FROM state.contract_versions
       WHERE county = $1 AND contract_code = $2 ORDER BY version DESC`,
      [state.county, code],
    )
  ).map(viewOf);
  const imported = (await loadContracts(store)).find((c) => c.code === code);
  return imported ? [...saved, imported] : saved;
};
