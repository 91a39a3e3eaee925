import { useEffect, useState } from 'react';
import type {
  ContractHistory,
  ContractTerms,
  ContractView,
  FindingUpdate,
  FindingView,
  InspectionCreate,
  InspectionUpdate,
  InspectionView,
  InvoiceLineCorrection,
  InvoiceLineCreate,
  InvoiceLineView,
  ModeComparison,
  ProcurementCalendar,
  Reconciliation,
  RegisterEntry,
  Scorecard,
  VoucherValueUpdate,
  VoucherValueView,
} from '../../../../src/model/index.js';
import { getJson, reasonOf } from '../../api/failure.js';
import { sendJson } from '../../api/send.js';
import { type ApiState, useApi } from '../../api/useApi.js';

/**
 * GETs `path` again whenever it or `reload` changes (after a contract is saved). The answer shown stays
 * until the new one arrives, so that a form and its message are not taken away meanwhile.
 */
const useReloaded = <T>(path: string | null, reload: number): ApiState<T> => {
  const [state, setState] = useState<{ path: string | null; result: ApiState<T> }>({
    path,
    result: { status: 'loading' },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is the reason to fetch again
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    getJson<T>(path, controller.signal)
      .then((data) => setState({ path, result: { status: 'ready', data } }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({ path, result: { status: 'error', reason: reasonOf(error) } });
      });
    return () => controller.abort();
  }, [path, reload]);
  return state.path === path ? state.result : { status: 'loading' };
};

export const useRegister = (reload = 0) => useReloaded<RegisterEntry[]>('/api/steering/producers', reload);

export const useScorecard = (code: string | null, period: string | null, reload = 0) =>
  useReloaded<Scorecard>(
    code === null
      ? null
      : `/api/steering/producers/${encodeURIComponent(code)}/scorecard${period ? `?period=${encodeURIComponent(period)}` : ''}`,
    reload,
  );

export const useContracts = (code: string | null, reload: number) =>
  useReloaded<ContractView[]>(
    code === null ? null : `/api/steering/producers/${encodeURIComponent(code)}/contracts`,
    reload,
  );

export const useContractHistory = (code: string, reload: number) =>
  useReloaded<ContractHistory>(`/api/steering/contracts/${encodeURIComponent(code)}/versions`, reload);

export const useCalendar = () => useApi<ProcurementCalendar>('/api/steering/calendar?withinMonths=24');

export const useComparison = (serviceClass: string | null) =>
  useApi<ModeComparison>(
    serviceClass === null
      ? null
      : `/api/steering/comparison?serviceClass=${encodeURIComponent(serviceClass)}`,
  );

/** A contract's terms: what the view adds (its version record) left out. */
export const termsOf = ({
  version: _v,
  updatedAt: _a,
  updatedBy: _b,
  ...terms
}: ContractView): ContractTerms => terms;

/** Saves a new version of the contract, naming the version it was made on (409 when someone was first). */
export const saveContract = (view: ContractView, terms: ContractTerms): Promise<ContractView> =>
  sendJson<ContractView>('PUT', `/api/steering/contracts/${encodeURIComponent(view.code)}`, {
    body: { version: view.version, contract: terms },
  });

export const useFindings = (code: string | null, reload: number) =>
  useReloaded<FindingView[]>(
    code === null ? null : `/api/steering/producers/${encodeURIComponent(code)}/findings`,
    reload,
  );

/** Saves a new state of a finding's corrective action, naming the version it was made on. */
export const saveFindingState = (
  finding: FindingView,
  update: Omit<FindingUpdate, 'version'>,
): Promise<FindingView> =>
  sendJson<FindingView>('PUT', `/api/steering/findings/${encodeURIComponent(finding.findingId)}`, {
    body: { version: finding.version, ...update },
  });

export const createInspection = (inspection: InspectionCreate): Promise<FindingView[]> =>
  sendJson<FindingView[]>('POST', '/api/steering/inspections', { body: inspection });

export const useInvoiceLines = (code: string | null, period: string | null, reload: number) =>
  useReloaded<InvoiceLineView[]>(
    code === null
      ? null
      : `/api/steering/producers/${encodeURIComponent(code)}/invoices${period ? `?period=${encodeURIComponent(period)}` : ''}`,
    reload,
  );

/**
 * A producer's invoice lines of the period against its events × contract price, line by line. For a
 * producer's own users the server answers their own producer's only.
 */
export const useReconciliation = (code: string | null, period: string | null, reload: number) =>
  useReloaded<Reconciliation>(
    code === null
      ? null
      : `/api/steering/producers/${encodeURIComponent(code)}/reconciliation${period ? `?period=${encodeURIComponent(period)}` : ''}`,
    reload,
  );

/** Saves a correction of an invoice line, naming the version it was made on (409 when someone was first). */
export const correctInvoiceLine = (
  line: InvoiceLineView,
  correction: Omit<InvoiceLineCorrection, 'version'>,
): Promise<InvoiceLineView> =>
  sendJson<InvoiceLineView>('PUT', `/api/steering/invoices/${encodeURIComponent(line.invoiceId)}`, {
    body: { version: line.version, ...correction },
  });

export const addInvoiceLine = (line: InvoiceLineCreate): Promise<InvoiceLineView> =>
  sendJson<InvoiceLineView>('POST', '/api/steering/invoices', { body: line });

export const useVoucherValues = (reload: number) =>
  useReloaded<VoucherValueView[]>('/api/steering/vouchers', reload);

/** Sets a voucher's value for a class and year, naming the version it was made on (0 for a new one). */
export const saveVoucherValue = (
  serviceClass: string,
  year: number,
  update: VoucherValueUpdate,
): Promise<VoucherValueView> =>
  sendJson<VoucherValueView>(
    'PUT',
    `/api/steering/vouchers/${encodeURIComponent(serviceClass)}/${encodeURIComponent(String(year))}`,
    { body: update },
  );

export const useInspections = (code: string | null, reload: number) =>
  useReloaded<InspectionView[]>(
    code === null ? null : `/api/steering/producers/${encodeURIComponent(code)}/inspections`,
    reload,
  );

/** Saves corrected details of an inspection, naming the version they were made on. */
export const saveInspection = (
  inspection: InspectionView,
  update: Omit<InspectionUpdate, 'version'>,
): Promise<InspectionView> =>
  sendJson<InspectionView>(
    'PUT',
    `/api/steering/inspections/${encodeURIComponent(inspection.inspectionId)}`,
    {
      body: { version: inspection.version, ...update },
    },
  );
