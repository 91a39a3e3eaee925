import { z } from 'zod';
import {
  Code,
  InspectionHistory,
  InspectionList,
  InspectionUpdate,
  InspectionView,
  InvoiceLineCorrection,
  InvoiceLineCreate,
  InvoiceLineHistory,
  InvoiceLineList,
  InvoiceLineView,
  type Permission,
  SteeringPeriod,
  type Viewer,
  VoucherValueHistory,
  VoucherValueList,
  VoucherValueUpdate,
  VoucherValueView,
} from '../../model/index.js';
import type { StateDb } from '../../state/index.js';
import {
  addInvoiceLine,
  correctInvoiceLine,
  inspectionHistory,
  inspectionsInForce,
  invoiceLineHistory,
  invoiceLinesInForce,
  saveInspection,
  saveVoucherValue,
  vouchersInForce,
  voucherValueHistory,
} from '../../steering/index.js';
import type { Store } from '../../store/index.js';
import { defineRoute, type Route } from '../route.js';
import {
  lastYear,
  mayReach,
  ProducerParams,
  reachableProducer,
  refuseProducers,
  refuseProducersSupervision,
} from './steering.js';

// Invoice lines and voucher values are corrected under editContracts: they are the other half of the
// price a producer is paid (a contract's unit price, or the voucher's value), checked by the officer who
// keeps the contracts, and a county's roles granted before these edits existed keep working.

/** The fields whose values differ between two versions of a record, for the audit row. */
const changedFields = <T extends object>(saved: T, previous: T | undefined, fields: readonly (keyof T)[]) =>
  previous === undefined
    ? 'new'
    : fields.filter((k) => JSON.stringify(saved[k]) !== JSON.stringify(previous[k])).join(',');

interface Stores {
  store: Store;
  state: StateDb;
}

const noQuery = z.strictObject({});

/**
 * One kind of record kept as versions in the state (an invoice line, a voucher value, an inspection):
 * how it is listed, saved, audited and read back version by version. `recordRoutes` makes the same three
 * routes of every kind from it, so that a kind differs from another only in what is written here.
 */
interface RecordKind<
  ViewSchema extends z.ZodType<{ version: number }>,
  ListQuery extends z.ZodType,
  Params extends z.ZodType,
  Body extends z.ZodType,
  View = z.output<ViewSchema>,
> {
  /** One record as it stands, with its version: what a save answers. */
  view: ViewSchema;
  list: {
    /** A producer's records at /api/steering/producers/:code/<segment>, or every one at `path`. */
    at: { producerSegment: string } | { path: string };
    summary: string;
    description: string;
    query?: ListQuery;
    response: z.ZodType;
    load: (stores: Stores, query: z.output<ListQuery>, producerCode: string | undefined) => Promise<View[]>;
  };
  /** Where one record is, e.g. /api/steering/invoices/:id, and its key. */
  path: string;
  params: Params;
  /** The message of a 404 for a record there is not. */
  missing: (params: z.output<Params>) => string;
  save: {
    summary: string;
    description: string;
    permission: Permission;
    /** Refuses those who may never save this kind, whatever their permissions: producers' own users. */
    refuse: (viewer: Viewer) => void;
    body: Body;
    /** Undefined for a record there is not, where saving cannot make one. */
    run: (
      stores: Stores & { viewer: Viewer },
      params: z.output<Params>,
      body: z.output<Body>,
    ) => Promise<{ saved: View; previous: View | undefined } | undefined>;
    /** The audit row: its action, its resource and the parameters before `version` and `changed`. */
    action: string;
    resource: (saved: View) => string;
    scope: (saved: View) => Record<string, string>;
    /** The fields an edit may change, named in the audit row when they did. */
    fields: readonly (keyof View)[];
  };
  history: {
    summary: string;
    description?: string;
    response: z.ZodType;
    /** Every version, newest first; none for a record there is not. */
    load: (stores: Stores, params: z.output<Params>) => Promise<View[]>;
    /** The producer whose record it is, where a producer's users may read only their own. */
    owner?: (record: View) => string;
  };
}

/** The routes of one kind of versioned record: its list, a save of a new version, and its history. */
const recordRoutes = <
  ViewSchema extends z.ZodType<{ version: number }>,
  ListQuery extends z.ZodType = typeof noQuery,
  Params extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
>(
  kind: RecordKind<ViewSchema, ListQuery, Params, Body>,
): { list: Route; save: Route; history: Route } => {
  const { list, save, history } = kind;
  const query = list.query ?? noQuery;
  const listRoute =
    'producerSegment' in list.at
      ? defineRoute({
          path: `/api/steering/producers/:code/${list.at.producerSegment}`,
          summary: list.summary,
          description: list.description,
          tag: 'steering',
          permission: 'viewSteering',
          params: ProducerParams,
          query,
          response: list.response,
          notFound: ({ code }) => `There is no producer ${code}.`,
          handler: async ({ store, state, viewer, params, query }) =>
            // Another producer's records are as if there were none, refused before any is read.
            (await reachableProducer(store, viewer, params.code))
              ? list.load({ store, state }, query as z.output<ListQuery>, params.code)
              : undefined,
        })
      : defineRoute({
          path: list.at.path,
          summary: list.summary,
          description: list.description,
          tag: 'steering',
          permission: 'viewSteering',
          query,
          response: list.response,
          handler: ({ store, state, query }) =>
            list.load({ store, state }, query as z.output<ListQuery>, undefined),
        });
  const saveRoute = defineRoute({
    method: 'PUT',
    path: kind.path,
    summary: save.summary,
    description: save.description,
    tag: 'steering',
    permission: save.permission,
    params: kind.params,
    body: save.body,
    response: kind.view,
    errors: ['forbidden', 'conflict'],
    notFound: kind.missing,
    handler: async ({ store, state, params, body, viewer, audit }) => {
      save.refuse(viewer);
      const result = await save.run({ store, state, viewer }, params, body);
      if (!result) return undefined;
      const { saved, previous } = result;
      await audit({
        action: save.action,
        resource: save.resource(saved),
        parameters: {
          ...save.scope(saved),
          version: saved.version,
          changed: changedFields(saved, previous, save.fields),
        },
      });
      return saved;
    },
  });
  const historyRoute = defineRoute({
    path: `${kind.path}/versions`,
    summary: history.summary,
    description: history.description,
    tag: 'steering',
    permission: 'viewSteering',
    params: kind.params,
    response: history.response,
    notFound: kind.missing,
    handler: async ({ store, state, params, viewer }) => {
      const versions = await history.load({ store, state }, params);
      const [current] = versions;
      if (!current) return undefined;
      // A record stays with its producer from version to version: the newest names whose it is.
      if (history.owner && !mayReach(viewer, history.owner(current))) return undefined;
      return versions;
    },
  });
  return { list: listRoute, save: saveRoute, history: historyRoute };
};

const invoiceLines = recordRoutes({
  view: InvoiceLineView,
  list: {
    at: { producerSegment: 'invoices' },
    summary: 'A producer’s invoice lines of a year or a month as they stand, each with its version',
    description:
      'Imported lines, corrected or not, and those added in the app. A producer’s users see their own only.',
    query: z.strictObject({ period: SteeringPeriod.optional() }),
    response: InvoiceLineList,
    load: async ({ store, state }, query, producerCode) =>
      invoiceLinesInForce(store, state, {
        period: query.period ?? (await lastYear(store)),
        ...(producerCode ? { producerCode } : {}),
      }),
  },
  path: '/api/steering/invoices/:id',
  params: z.strictObject({ id: Code.describe('The invoice line, e.g. KAISLIKKO-2025-10-KT-U1.') }),
  missing: ({ id }) => `There is no invoice line ${id}.`,
  save: {
    summary: 'Correct an invoice line’s amount and quantity, naming the version corrected (409 if stale)',
    description:
      'Every save is a new version; the ones before stay readable in the history. The audit row names the fields changed. The reconciliation and the scorecard follow the correction.',
    permission: 'editContracts',
    refuse: refuseProducers,
    body: InvoiceLineCorrection,
    run: ({ store, state, viewer }, { id }, body) => correctInvoiceLine(store, state, id, body, viewer.user),
    action: 'invoices.correct',
    resource: (saved) => saved.invoiceId,
    scope: (saved) => ({ producerCode: saved.producerCode }),
    fields: ['amountEuros', 'quantity', 'note'],
  },
  history: {
    summary: 'Every version of an invoice line, newest first, each with when and by whom it was saved',
    description: 'A producer’s users see the history of their own lines only.',
    response: InvoiceLineHistory,
    load: ({ store, state }, { id }) => invoiceLineHistory(store, state, id),
    owner: (line) => line.producerCode,
  },
});

const VoucherParams = z.strictObject({
  serviceClass: Code.describe('The service class, e.g. KT.'),
  year: z.coerce.number().int().min(1900).max(2100),
});

const voucherValues = recordRoutes({
  view: VoucherValueView,
  list: {
    at: { path: '/api/steering/vouchers' },
    summary: 'Service voucher values by class and year as they stand, each with its version',
    description: 'The county’s published values: the same for every reader with steering access.',
    response: VoucherValueList,
    load: ({ store, state }) => vouchersInForce(store, state),
  },
  path: '/api/steering/vouchers/:serviceClass/:year',
  params: VoucherParams,
  missing: ({ serviceClass, year }) => `There is no voucher value for ${serviceClass} in ${year}.`,
  save: {
    summary:
      'Set a service voucher’s value for a class and year, naming the version edited (0 for a new one; 409 if stale)',
    description:
      'Every save is a new version; the ones before stay readable in the history. Voucher producers’ invoices are reconciled against the value in force.',
    permission: 'editContracts',
    refuse: refuseProducers,
    body: VoucherValueUpdate,
    run: ({ store, state, viewer }, params, body) =>
      saveVoucherValue(store, state, params, body, viewer.user),
    action: 'vouchers.save',
    resource: (saved) => `${saved.serviceClass}/${saved.year}`,
    scope: () => ({}),
    fields: ['valueEuros', 'clientShareEuros', 'incomeRule'],
  },
  history: {
    summary: 'Every version of a voucher value, newest first, each with when and by whom it was saved',
    response: VoucherValueHistory,
    load: ({ store, state }, { serviceClass, year }) => voucherValueHistory(store, state, serviceClass, year),
  },
});

const inspections = recordRoutes({
  view: InspectionView,
  list: {
    at: { producerSegment: 'inspections' },
    summary: 'A producer’s supervision events as they stand, each with its version',
    description: 'Imported inspections, edited or not, and those entered in the app.',
    response: InspectionList,
    load: ({ store, state }, _query, producerCode) => inspectionsInForce(store, state, producerCode),
  },
  path: '/api/steering/inspections/:id',
  params: z.strictObject({ id: Code.describe('The inspection, e.g. H-2025-014.') }),
  missing: ({ id }) => `There is no inspection ${id}.`,
  save: {
    summary: 'Correct an inspection’s date, kind and unit, naming the version edited (409 if stale)',
    description:
      'Every save is a new version; the ones before stay readable in the history. Its findings follow the new date and unit. The audit row names the fields changed.',
    permission: 'editSupervision',
    refuse: refuseProducersSupervision,
    body: InspectionUpdate,
    run: ({ store, state, viewer }, { id }, body) => saveInspection(store, state, id, body, viewer.user),
    action: 'supervision.updateInspection',
    resource: (saved) => saved.inspectionId,
    scope: (saved) => ({ producerCode: saved.producerCode }),
    fields: ['inspectionDate', 'kind', 'unitCode'],
  },
  history: {
    summary: 'Every version of an inspection, newest first, each with when and by whom it was saved',
    description: 'A producer’s users see the history of their own inspections only.',
    response: InspectionHistory,
    load: ({ store, state }, { id }) => inspectionHistory(store, state, id),
    owner: (inspection) => inspection.producerCode,
  },
});

export const createInvoiceLineRoute = defineRoute({
  method: 'POST',
  path: '/api/steering/invoices',
  summary: 'Add an invoice line; it is saved as version 1 (409 if the id is taken)',
  description: 'The reconciliation and the scorecard count it from then on.',
  tag: 'steering',
  permission: 'editContracts',
  body: InvoiceLineCreate,
  response: InvoiceLineView,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, body, viewer, audit }) => {
    refuseProducers(viewer);
    const saved = await addInvoiceLine(store, state, body, viewer.user);
    await audit({
      action: 'invoices.create',
      resource: saved.invoiceId,
      parameters: { producerCode: saved.producerCode, month: saved.month, version: saved.version },
    });
    return saved;
  },
});

export const steeringRecordRoutes = [
  invoiceLines.list,
  createInvoiceLineRoute,
  invoiceLines.save,
  invoiceLines.history,
  voucherValues.list,
  voucherValues.save,
  voucherValues.history,
  inspections.list,
  inspections.save,
  inspections.history,
];
