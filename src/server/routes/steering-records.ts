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
  SteeringPeriod,
  VoucherValueHistory,
  VoucherValueList,
  VoucherValueUpdate,
  VoucherValueView,
} from '../../model/index.js';
import {
  addInvoiceLine,
  correctInvoiceLine,
  findInspection,
  findInvoiceLine,
  inspectionHistory,
  inspectionsInForce,
  invoiceLineHistory,
  invoiceLinesInForce,
  saveInspection,
  saveVoucherValue,
  vouchersInForce,
  voucherValueHistory,
} from '../../steering/index.js';
import { defineRoute } from '../route.js';
import {
  lastYear,
  mayReach,
  ProducerParams,
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

const InvoiceParams = z.strictObject({
  id: Code.describe('The invoice line, e.g. KAISLIKKO-2025-10-KT-U1.'),
});

export const producerInvoicesRoute = defineRoute({
  path: '/api/steering/producers/:code/invoices',
  summary: 'A producer’s invoice lines of a year or a month as they stand, each with its version',
  description:
    'Imported lines, corrected or not, and those added in the app. A producer’s users see their own only.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  query: z.strictObject({ period: SteeringPeriod.optional() }),
  response: InvoiceLineList,
  notFound: ({ code }) => `There is no producer ${code}.`,
  handler: async ({ store, state, viewer, params, query }) => {
    if (!mayReach(viewer, params.code)) return undefined;
    const [producer] = await store.all('SELECT 1 FROM producers WHERE code = $1', [params.code]);
    if (!producer) return undefined;
    return invoiceLinesInForce(store, state, {
      period: query.period ?? (await lastYear(store)),
      producerCode: params.code,
    });
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

export const correctInvoiceLineRoute = defineRoute({
  method: 'PUT',
  path: '/api/steering/invoices/:id',
  summary: 'Correct an invoice line’s amount and quantity, naming the version corrected (409 if stale)',
  description:
    'Every save is a new version; the ones before stay readable in the history. The audit row names the fields changed. The reconciliation and the scorecard follow the correction.',
  tag: 'steering',
  permission: 'editContracts',
  params: InvoiceParams,
  body: InvoiceLineCorrection,
  response: InvoiceLineView,
  errors: ['forbidden', 'conflict'],
  notFound: ({ id }) => `There is no invoice line ${id}.`,
  handler: async ({ store, state, params, body, viewer, audit }) => {
    refuseProducers(viewer);
    const result = await correctInvoiceLine(store, state, params.id, body, viewer.user);
    if (!result) return undefined;
    const { saved, previous } = result;
    await audit({
      action: 'invoices.correct',
      resource: saved.invoiceId,
      parameters: {
        producerCode: saved.producerCode,
        version: saved.version,
        changed: changedFields(saved, previous, ['amountEuros', 'quantity', 'note']),
      },
    });
    return saved;
  },
});

export const invoiceLineHistoryRoute = defineRoute({
  path: '/api/steering/invoices/:id/versions',
  summary: 'Every version of an invoice line, newest first, each with when and by whom it was saved',
  description: 'A producer’s users see the history of their own lines only.',
  tag: 'steering',
  permission: 'viewSteering',
  params: InvoiceParams,
  response: InvoiceLineHistory,
  notFound: ({ id }) => `There is no invoice line ${id}.`,
  handler: async ({ store, state, params, viewer }) => {
    const current = await findInvoiceLine(store, state, params.id);
    if (!current || !mayReach(viewer, current.producerCode)) return undefined;
    return invoiceLineHistory(store, state, params.id);
  },
});

export const vouchersRoute = defineRoute({
  path: '/api/steering/vouchers',
  summary: 'Service voucher values by class and year as they stand, each with its version',
  description: 'The county’s published values: the same for every reader with steering access.',
  tag: 'steering',
  permission: 'viewSteering',
  response: VoucherValueList,
  handler: ({ store, state }) => vouchersInForce(store, state),
});

const VoucherParams = z.strictObject({
  serviceClass: Code.describe('The service class, e.g. KT.'),
  year: z.coerce.number().int().min(1900).max(2100),
});

export const saveVoucherValueRoute = defineRoute({
  method: 'PUT',
  path: '/api/steering/vouchers/:serviceClass/:year',
  summary:
    'Set a service voucher’s value for a class and year, naming the version edited (0 for a new one; 409 if stale)',
  description:
    'Every save is a new version; the ones before stay readable in the history. Voucher producers’ invoices are reconciled against the value in force.',
  tag: 'steering',
  permission: 'editContracts',
  params: VoucherParams,
  body: VoucherValueUpdate,
  response: VoucherValueView,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, params, body, viewer, audit }) => {
    refuseProducers(viewer);
    const { saved, previous } = await saveVoucherValue(store, state, params, body, viewer.user);
    await audit({
      action: 'vouchers.save',
      resource: `${saved.serviceClass}/${saved.year}`,
      parameters: {
        version: saved.version,
        changed: changedFields(saved, previous, ['valueEuros', 'clientShareEuros', 'incomeRule']),
      },
    });
    return saved;
  },
});

export const voucherValueHistoryRoute = defineRoute({
  path: '/api/steering/vouchers/:serviceClass/:year/versions',
  summary: 'Every version of a voucher value, newest first, each with when and by whom it was saved',
  tag: 'steering',
  permission: 'viewSteering',
  params: VoucherParams,
  response: VoucherValueHistory,
  notFound: ({ serviceClass, year }) => `There is no voucher value for ${serviceClass} in ${year}.`,
  handler: async ({ store, state, params }) => {
    const history = await voucherValueHistory(store, state, params.serviceClass, params.year);
    return history.length === 0 ? undefined : history;
  },
});

export const producerInspectionsRoute = defineRoute({
  path: '/api/steering/producers/:code/inspections',
  summary: 'A producer’s supervision events as they stand, each with its version',
  description: 'Imported inspections, edited or not, and those entered in the app.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  response: InspectionList,
  notFound: ({ code }) => `There is no producer ${code}.`,
  handler: async ({ store, state, viewer, params }) => {
    if (!mayReach(viewer, params.code)) return undefined;
    const [producer] = await store.all('SELECT 1 FROM producers WHERE code = $1', [params.code]);
    return producer ? inspectionsInForce(store, state, params.code) : undefined;
  },
});

const InspectionParams = z.strictObject({ id: Code.describe('The inspection, e.g. H-2025-014.') });

export const updateInspectionRoute = defineRoute({
  method: 'PUT',
  path: '/api/steering/inspections/:id',
  summary: 'Correct an inspection’s date, kind and unit, naming the version edited (409 if stale)',
  description:
    'Every save is a new version; the ones before stay readable in the history. Its findings follow the new date and unit. The audit row names the fields changed.',
  tag: 'steering',
  permission: 'editSupervision',
  params: InspectionParams,
  body: InspectionUpdate,
  response: InspectionView,
  errors: ['forbidden', 'conflict'],
  notFound: ({ id }) => `There is no inspection ${id}.`,
  handler: async ({ store, state, params, body, viewer, audit }) => {
    refuseProducersSupervision(viewer);
    const result = await saveInspection(store, state, params.id, body, viewer.user);
    if (!result) return undefined;
    const { saved, previous } = result;
    await audit({
      action: 'supervision.updateInspection',
      resource: saved.inspectionId,
      parameters: {
        producerCode: saved.producerCode,
        version: saved.version,
        changed: changedFields(saved, previous, ['inspectionDate', 'kind', 'unitCode']),
      },
    });
    return saved;
  },
});

export const inspectionHistoryRoute = defineRoute({
  path: '/api/steering/inspections/:id/versions',
  summary: 'Every version of an inspection, newest first, each with when and by whom it was saved',
  description: 'A producer’s users see the history of their own inspections only.',
  tag: 'steering',
  permission: 'viewSteering',
  params: InspectionParams,
  response: InspectionHistory,
  notFound: ({ id }) => `There is no inspection ${id}.`,
  handler: async ({ store, state, params, viewer }) => {
    const current = await findInspection(store, state, params.id);
    if (!current || !mayReach(viewer, current.producerCode)) return undefined;
    return inspectionHistory(store, state, params.id);
  },
});

export const steeringRecordRoutes = [
  producerInvoicesRoute,
  createInvoiceLineRoute,
  correctInvoiceLineRoute,
  invoiceLineHistoryRoute,
  vouchersRoute,
  saveVoucherValueRoute,
  voucherValueHistoryRoute,
  producerInspectionsRoute,
  updateInspectionRoute,
  inspectionHistoryRoute,
];
