import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import type {
  AuditEntry,
  ContractView,
  FindingView,
  InspectionView,
  InvoiceLineView,
  Reconciliation,
  VoucherValueView,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { asRole, getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
let store: Store;
const audited: AuditEntry[] = [];
beforeAll(async () => {
  store = await openForecastTestStore();
  server = await openTestServer({
    store,
    audit: { append: async (entry) => void audited.push(entry) },
  });
}, 240_000);

/** The store's queries that read invoices, events or contracts while `work` runs. */
const billingQueriesDuring = async (work: () => Promise<unknown>): Promise<string[]> => {
  const asked: string[] = [];
  const all = store.all;
  store.all = ((sql: string, params?: unknown[]) => {
    asked.push(sql);
    return all.call(store, sql, params as never);
  }) as Store['all'];
  try {
    await work();
  } finally {
    store.all = all;
  }
  return asked.filter((sql) => /\b(invoices|events|contracts)\b/.test(sql));
};
afterAll(() => server?.close());

const asKaislikko = asRole('producer', 'KAISLIKKO');

describe('producer steering API', () => {
  it('serves the steering officer every producer, with the demo anomalies flagged', async () => {
    const { status, body } = await getJson(server.app, '/api/steering/producers', asRole('steering'));
    expect(status).toBe(200);
    expect(body.length).toBe(10);
    const flags = Object.fromEntries(body.map((p: { code: string; flags: string[] }) => [p.code, p.flags]));
    expect(flags.NORDICA).toContain('overCeiling');
    expect(flags.AAMURUSKO).toContain('overdueAction');
  });

  it("shows a producer's users their own producer, contracts, scorecard and invoice lines only", async () => {
    const register = await getJson(server.app, '/api/steering/producers', asKaislikko);
    expect(register.body.map((p: { code: string }) => p.code)).toEqual(['KAISLIKKO']);
    const own = await getJson(
      server.app,
      '/api/steering/producers/KAISLIKKO/scorecard?period=2025',
      asKaislikko,
    );
    expect(own.status).toBe(200);
    expect(own.body.billing.differences.length).toBe(1);
    const contracts = await getJson(server.app, '/api/steering/producers/KAISLIKKO/contracts', asKaislikko);
    expect(contracts.body.every((c: { producerCode: string }) => c.producerCode === 'KAISLIKKO')).toBe(true);
    const lines = await getJson(server.app, '/api/steering/reconciliation?period=2025-10', asKaislikko);
    expect(new Set(lines.body.lines.map((l: { producerCode: string }) => l.producerCode))).toEqual(
      new Set(['KAISLIKKO']),
    );
    const calendar = await getJson(server.app, '/api/steering/calendar', asKaislikko);
    expect(calendar.body.items.every((i: { producerCode: string }) => i.producerCode === 'KAISLIKKO')).toBe(
      true,
    );
  });

  it('shows a producer its own invoice lines reconciled against its events, every euro matched or a difference', async () => {
    const invoices = await getJson(
      server.app,
      '/api/steering/producers/KAISLIKKO/invoices?period=2025',
      asKaislikko,
    );
    const own = await getJson(
      server.app,
      '/api/steering/producers/KAISLIKKO/reconciliation?period=2025',
      asKaislikko,
    );
    expect(own.status).toBe(200);
    const reconciliation = own.body as Reconciliation;
    expect(reconciliation.period).toBe('2025');
    expect(reconciliation.lines.map((l) => l.invoiceId).sort()).toEqual(
      (invoices.body as InvoiceLineView[]).map((l) => l.invoiceId).sort(),
    );
    expect(new Set(reconciliation.lines.map((l) => l.producerCode))).toEqual(new Set(['KAISLIKKO']));
    expect(reconciliation.matchedCents + reconciliation.differenceCents).toBe(reconciliation.invoicedCents);
    for (const l of reconciliation.lines) expect(l.matchedCents + l.differenceCents).toBe(l.invoicedCents);
    expect(reconciliation.lines.filter((l) => l.status === 'overBilled')).toHaveLength(1);
    // The same lines as the county's reconciliation of the period, narrowed to the producer.
    const county = (await getJson(server.app, '/api/steering/reconciliation?period=2025', asRole('steering')))
      .body as Reconciliation;
    expect(county.lines.filter((l) => l.producerCode === 'KAISLIKKO')).toEqual(reconciliation.lines);
    // Without a period, the last full year of data, as the invoice lines and the scorecard.
    const lastYear = await getJson(
      server.app,
      '/api/steering/producers/KAISLIKKO/reconciliation',
      asKaislikko,
    );
    expect(lastYear.body.period).toBe('2025');
  });

  it("answers another producer's contract, scorecard, invoices and the cross-producer comparison as not found", async () => {
    for (const url of [
      '/api/steering/producers/NORDICA/contracts',
      '/api/steering/producers/NORDICA/scorecard?period=2025',
      '/api/steering/producers/NORDICA/invoices?period=2025',
      '/api/steering/producers/NORDICA/reconciliation?period=2025',
      '/api/steering/producers/NORDICA/inspections',
      '/api/steering/comparison?serviceClass=HC&period=2025',
    ]) {
      const { status, body } = await getJson(server.app, url, asKaislikko);
      expect(status, url).toBe(404);
      expect(JSON.stringify(body), url).not.toContain('NORDICA-REH');
    }
    // Refused before anything of the other producer is read: no invoice, event or contract is queried.
    const refused = await billingQueriesDuring(async () => {
      for (const what of ['invoices', 'reconciliation'])
        expect(
          (await getJson(server.app, `/api/steering/producers/NORDICA/${what}?period=2025`, asKaislikko))
            .status,
        ).toBe(404);
    });
    expect(refused).toEqual([]);
    const served = await billingQueriesDuring(() =>
      getJson(server.app, '/api/steering/producers/NORDICA/reconciliation?period=2025', asRole('steering')),
    );
    expect(served.length).toBeGreaterThan(0);
    expect(
      (await getJson(server.app, '/api/steering/producers/NORDICA/scorecard', asRole('steering'))).status,
    ).toBe(200);
  });

  it("serves a producer its own steering-meeting pack, audited, and another's as not found", async () => {
    const xlsx = await server.app.inject({
      url: '/api/steering/producers/KAISLIKKO/pack.xlsx?period=2025&lang=sv',
      headers: asKaislikko,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('tuloskortti-KAISLIKKO.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.name).toBe('Sammanfattning');
    expect(book.worksheets[0]?.getRow(1).getCell(1).value).toMatch(/^Producentens resultatkort: .* · 2025$/);
    expect(audited.find((e) => e.resource === '/api/steering/producers/KAISLIKKO/pack.xlsx')).toMatchObject({
      scope: { producerCode: 'KAISLIKKO' },
      status: 200,
    });
    // Refused before anything is computed or printed: another producer's pack is as if it did not exist.
    for (const format of ['xlsx', 'pdf'])
      for (const url of [
        `/api/steering/producers/NORDICA/pack.${format}?period=2025&lang=fi`,
        `/api/steering/producers/NOBODY/pack.${format}?lang=fi`,
      ]) {
        const response = await server.app.inject({ url, headers: asKaislikko });
        expect(response.statusCode, url).toBe(404);
        expect(response.body, url).not.toContain('NORDICA-REH');
      }
    expect(
      (
        await server.app.inject({
          url: '/api/steering/producers/NORDICA/pack.xlsx?lang=fi',
          headers: asRole('planner'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses the public, and serves the calendar as an iCalendar feed', async () => {
    expect((await getJson(server.app, '/api/steering/producers', asRole('public'))).status).toBe(401);
    expect((await getJson(server.app, '/api/steering/producers', asRole('planner'))).status).toBe(403);
    const ics = await server.app.inject({ url: '/api/steering/calendar.ics', headers: asRole('steering') });
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.body).toContain('SUMMARY:Optiosta päätettävä: ');
  });
});

const send = async (
  method: 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload: object,
) => {
  const response = await server.app.inject({ method, url, headers, payload });
  return { status: response.statusCode, body: response.json() };
};

const termsOf = ({ version: _v, updatedAt: _a, updatedBy: _b, ...terms }: ContractView) => terms;

describe('editing contracts', () => {
  it('saves each edit as a new version, audited, with a stale edit refused and the scorecard following', async () => {
    const steering = asRole('steering');
    const [contract] = (await getJson(server.app, '/api/steering/producers/NORDICA/contracts', steering))
      .body as ContractView[];
    if (!contract) throw new Error('the demo has no NORDICA contract');
    expect(contract.version).toBe(1);
    const before = await getJson(
      server.app,
      '/api/steering/producers/NORDICA/scorecard?period=2025',
      steering,
    );
    const row = (card: typeof before) =>
      card.body.volumes.find((v: { contractCode: string }) => v.contractCode === contract.code);
    expect(row(before).status).toBe('overCeiling');

    const ceiling = (contract.volumeCeiling ?? 0) * 10;
    const url = `/api/steering/contracts/${contract.code}`;
    const saved = await send('PUT', url, steering, {
      version: 1,
      contract: { ...termsOf(contract), volumeCeiling: ceiling },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, volumeCeiling: ceiling, updatedBy: 'urn:test steering' });
    const stale = await send('PUT', url, steering, { version: 1, contract: termsOf(contract) });
    expect(stale.status).toBe(409);

    const after = await getJson(
      server.app,
      '/api/steering/producers/NORDICA/scorecard?period=2025',
      steering,
    );
    expect(row(after).ceiling).toBe(ceiling);
    expect(row(after).status).not.toBe('overCeiling');
    const history = await getJson(server.app, `${url}/versions`, steering);
    expect(history.body.map((c: ContractView) => [c.version, c.volumeCeiling])).toEqual([
      [2, ceiling],
      [1, contract.volumeCeiling],
    ]);
    expect(audited.find((e) => e.action === 'contracts.update')).toMatchObject({
      resource: contract.code,
      parameters: { producerCode: 'NORDICA', version: 2, changed: 'volumeCeiling' },
    });
  });

  it('creates a contract once, and refuses terms naming what the store does not know', async () => {
    const steering = asRole('steering');
    const [model] = (await getJson(server.app, '/api/steering/producers/KAISLIKKO/contracts', steering))
      .body as ContractView[];
    if (!model) throw new Error('the demo has no KAISLIKKO contract');
    const terms = { ...termsOf(model), code: 'NEW-2026-01', options: [], unitCodes: null };
    const created = await send('POST', '/api/steering/contracts', steering, terms);
    expect(created.status).toBe(200);
    expect(created.body.version).toBe(1);
    expect((await send('POST', '/api/steering/contracts', steering, terms)).status).toBe(409);
    const contracts = await getJson(server.app, '/api/steering/producers/KAISLIKKO/contracts', steering);
    expect(contracts.body.map((c: ContractView) => c.code)).toContain('NEW-2026-01');
    const unknown = await send('POST', '/api/steering/contracts', steering, {
      ...terms,
      code: 'NEW-2026-02',
      producerCode: 'NOBODY',
    });
    expect(unknown.status).toBe(400);
    const upsideDown = await send('POST', '/api/steering/contracts', steering, {
      ...terms,
      code: 'NEW-2026-03',
      volumeFloor: 10,
      volumeCeiling: 5,
    });
    expect(upsideDown.status).toBe(400);
  });

  it("lets neither a producer nor a role without editContracts edit, nor a producer read another's history", async () => {
    const [contract] = (await getJson(server.app, '/api/steering/producers/KAISLIKKO/contracts', asKaislikko))
      .body as ContractView[];
    if (!contract) throw new Error('the demo has no KAISLIKKO contract');
    const edit = { version: contract.version, contract: { ...termsOf(contract), volumeCeiling: 1 } };
    const url = `/api/steering/contracts/${contract.code}`;
    expect((await send('PUT', url, asKaislikko, edit)).status).toBe(403);
    expect((await send('PUT', url, asRole('manager'), edit)).status).toBe(403);
    expect((await getJson(server.app, `${url}/versions`, asKaislikko)).status).toBe(200);
    const nordica = (
      await getJson(server.app, '/api/steering/producers/NORDICA/contracts', asRole('steering'))
    ).body[0] as ContractView;
    expect(
      (await getJson(server.app, `/api/steering/contracts/${nordica.code}/versions`, asKaislikko)).status,
    ).toBe(404);
  });
});

describe('editing supervision', () => {
  const steering = asRole('steering');
  const flagsOf = async (code: string) => {
    const register = await getJson(server.app, '/api/steering/producers', steering);
    return register.body.find((p: { code: string }) => p.code === code).flags as string[];
  };
  const cardOf = async (code: string) =>
    (await getJson(server.app, `/api/steering/producers/${code}/scorecard`, steering)).body;

  it('saves an action in progress then done as new versions, audited, stale refused, flags following', async () => {
    const findings = (await getJson(server.app, '/api/steering/producers/AAMURUSKO/findings', steering))
      .body as FindingView[];
    const overdue = findings.find((f) => f.actionState === 'open');
    if (!overdue) throw new Error('the demo has no open AAMURUSKO finding');
    expect(overdue.version).toBe(1);
    expect((await cardOf('AAMURUSKO')).flags).toContain('overdueAction');
    const url = `/api/steering/findings/${overdue.findingId}`;

    const started = await send('PUT', url, steering, { version: 1, actionState: 'inProgress' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      version: 2,
      actionState: 'inProgress',
      updatedBy: 'urn:test steering',
    });
    // Started is not done: the action is still overdue.
    expect(await flagsOf('AAMURUSKO')).toContain('overdueAction');
    const stale = await send('PUT', url, steering, {
      version: 1,
      actionState: 'done',
      actionDoneOn: '2025-12-01',
    });
    expect(stale.status).toBe(409);
    const undated = await send('PUT', url, steering, { version: 2, actionState: 'done' });
    expect(undated.status).toBe(400);

    const done = await send('PUT', url, steering, {
      version: 2,
      actionState: 'done',
      actionDoneOn: '2025-12-01',
      actionNote: 'Mitoitus korjattu, tarkastettu käynnillä',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ version: 3, actionState: 'done', actionDoneOn: '2025-12-01' });
    const card = await cardOf('AAMURUSKO');
    expect(card.flags).not.toContain('overdueAction');
    expect(
      card.supervision.find((f: { findingId: string }) => f.findingId === overdue.findingId),
    ).toMatchObject({
      actionState: 'done',
      overdue: false,
      version: 3,
      actionNote: 'Mitoitus korjattu, tarkastettu käynnillä',
    });
    expect(await flagsOf('AAMURUSKO')).not.toContain('overdueAction');

    const history = await getJson(server.app, `${url}/versions`, steering);
    expect(history.body.map((f: FindingView) => [f.version, f.actionState])).toEqual([
      [3, 'done'],
      [2, 'inProgress'],
      [1, 'open'],
    ]);
    expect(audited.filter((e) => e.action === 'supervision.updateFinding').at(-1)).toMatchObject({
      resource: overdue.findingId,
      parameters: { producerCode: 'AAMURUSKO', version: 3, changed: 'actionState,actionDoneOn,actionNote' },
    });
  });

  it('records an inspection with its findings once, its late action flagged, and refuses unknown names', async () => {
    expect(await flagsOf('KAISLIKKO')).not.toContain('overdueAction');
    const inspection = {
      inspectionId: 'TARK-NEW-1',
      producerCode: 'KAISLIKKO',
      inspectionDate: '2025-02-10',
      kind: 'reactive',
      findings: [
        {
          findingId: 'TARK-NEW-1-1',
          severity: 'significant',
          description: 'Lääkehoitosuunnitelma puuttuu',
          actionDeadline: '2025-03-31',
        },
      ],
    };
    const created = await send('POST', '/api/steering/inspections', steering, inspection);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject([{ findingId: 'TARK-NEW-1-1', actionState: 'open', version: 1 }]);
    expect((await send('POST', '/api/steering/inspections', steering, inspection)).status).toBe(409);
    expect(await flagsOf('KAISLIKKO')).toContain('overdueAction');
    expect((await cardOf('KAISLIKKO')).supervision.map((f: { findingId: string }) => f.findingId)).toContain(
      'TARK-NEW-1-1',
    );
    expect(audited.find((e) => e.action === 'supervision.createInspection')).toMatchObject({
      resource: 'TARK-NEW-1',
      parameters: { producerCode: 'KAISLIKKO', kind: 'reactive', findings: 'TARK-NEW-1-1' },
    });
    const unknown = await send('POST', '/api/steering/inspections', steering, {
      ...inspection,
      inspectionId: 'TARK-NEW-2',
      producerCode: 'NOBODY',
      findings: [],
    });
    expect(unknown.status).toBe(400);
  });

  it('lets neither a producer nor a planner or manager record supervision, nor a producer read another’s', async () => {
    const own = (await getJson(server.app, '/api/steering/producers/KAISLIKKO/findings', asKaislikko))
      .body as FindingView[];
    const [finding] = own;
    if (!finding) throw new Error('the demo has no KAISLIKKO finding');
    const url = `/api/steering/findings/${finding.findingId}`;
    const edit = { version: finding.version, actionState: 'inProgress' };
    for (const who of [asKaislikko, asRole('planner'), asRole('manager')])
      expect((await send('PUT', url, who, edit)).status).toBe(403);
    const inspection = {
      inspectionId: 'X-1',
      producerCode: 'KAISLIKKO',
      inspectionDate: '2025-01-01',
      kind: 'planned',
      findings: [],
    };
    for (const who of [asKaislikko, asRole('planner')])
      expect((await send('POST', '/api/steering/inspections', who, inspection)).status).toBe(403);
    expect((await getJson(server.app, `${url}/versions`, asKaislikko)).status).toBe(200);
    const [nordica] = (await getJson(server.app, '/api/steering/producers/NORDICA/findings', steering))
      .body as FindingView[];
    if (!nordica) throw new Error('the demo has no NORDICA finding');
    expect(
      (await getJson(server.app, `/api/steering/findings/${nordica.findingId}/versions`, asKaislikko)).status,
    ).toBe(404);
    expect((await getJson(server.app, '/api/steering/producers/NORDICA/findings', asKaislikko)).status).toBe(
      404,
    );
  });
});

describe('correcting invoices and vouchers', () => {
  const steering = asRole('steering');
  const reconciliationOf = async (period: string) =>
    (await getJson(server.app, `/api/steering/reconciliation?period=${period}`, steering)).body as {
      differenceCents: number;
      lines: {
        invoiceId: string;
        producerCode: string;
        serviceClass: string;
        status: string;
        differenceCents: number;
      }[];
    };

  it("makes the demo's billing difference go when its invoice line is corrected: versioned, audited, stale refused", async () => {
    const card = (
      await getJson(server.app, '/api/steering/producers/KAISLIKKO/scorecard?period=2025', steering)
    ).body;
    const [line] = card.billing.differences;
    expect(line).toMatchObject({ status: 'overBilled', month: '2025-10' });
    expect(card.flags).toContain('billingDifference');
    const before = await reconciliationOf('2025-10');
    expect(before.lines.find((l) => l.invoiceId === line.invoiceId)?.differenceCents).toBeGreaterThan(0);

    const lines = (
      await getJson(server.app, '/api/steering/producers/KAISLIKKO/invoices?period=2025-10', steering)
    ).body as InvoiceLineView[];
    const imported = lines.find((l) => l.invoiceId === line.invoiceId);
    expect(imported).toMatchObject({ version: 1, quantity: line.invoicedQuantity, updatedAt: null });

    const url = `/api/steering/invoices/${line.invoiceId}`;
    const correction = {
      version: 1,
      amountEuros: line.expectedCents / 100,
      quantity: line.eventQuantity,
      note: 'Hyvityslasku: 37 käyntiä laskutettu liikaa',
    };
    const saved = await send('PUT', url, steering, correction);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      quantity: line.eventQuantity,
      updatedBy: 'urn:test steering',
    });
    expect((await send('PUT', url, steering, correction)).status).toBe(409);

    const after = await reconciliationOf('2025-10');
    expect(after.lines.find((l) => l.invoiceId === line.invoiceId)).toMatchObject({
      status: 'matched',
      differenceCents: 0,
    });
    expect(after.differenceCents).toBe(before.differenceCents - line.differenceCents);
    const corrected = (
      await getJson(server.app, '/api/steering/producers/KAISLIKKO/scorecard?period=2025', steering)
    ).body;
    expect(corrected.billing.differences).toEqual([]);
    expect(corrected.flags).not.toContain('billingDifference');
    const register = (await getJson(server.app, '/api/steering/producers', steering)).body;
    expect(register.find((p: { code: string }) => p.code === 'KAISLIKKO').flags).not.toContain(
      'billingDifference',
    );

    const history = await getJson(server.app, `${url}/versions`, steering);
    expect(history.body.map((l: InvoiceLineView) => [l.version, l.quantity])).toEqual([
      [2, line.eventQuantity],
      [1, line.invoicedQuantity],
    ]);
    expect(audited.filter((e) => e.action === 'invoices.correct').at(-1)).toMatchObject({
      resource: line.invoiceId,
      parameters: { producerCode: 'KAISLIKKO', version: 2, changed: 'amountEuros,quantity,note' },
    });
  });

  it('adds an invoice line once, which the reconciliation then counts, and refuses unknown names', async () => {
    const line = {
      invoiceId: 'KAISLIKKO-2025-11-EXTRA',
      producerCode: 'KAISLIKKO',
      month: '2025-11',
      serviceClass: 'HC',
      amountEuros: 120,
      quantity: 0,
    };
    const before = await reconciliationOf('2025-11');
    const billedPerUnit = async () =>
      (
        await getJson(server.app, '/api/steering/comparison?serviceClass=HC&period=2025', steering)
      ).body.modes.find((m: { mode: string }) => m.mode === 'purchased').eurosPerUnit as number;
    const perUnitBefore = await billedPerUnit();
    const created = await send('POST', '/api/steering/invoices', steering, line);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ version: 1, unitCode: null, amountEuros: 120 });
    expect((await send('POST', '/api/steering/invoices', steering, line)).status).toBe(409);
    const after = await reconciliationOf('2025-11');
    expect(after.lines.map((l) => l.invoiceId)).toContain(line.invoiceId);
    expect(after.lines.length).toBe(before.lines.length + 1);
    // The comparison of modes counts the added euros too (with no quantity, they raise the price per unit).
    expect(await billedPerUnit()).toBeGreaterThan(perUnitBefore);
    expect(audited.find((e) => e.action === 'invoices.create')).toMatchObject({ resource: line.invoiceId });
    for (const wrong of [{ producerCode: 'NOBODY' }, { serviceClass: 'NOCLASS' }, { unitCode: 'NOUNIT' }])
      expect(
        (await send('POST', '/api/steering/invoices', steering, { ...line, invoiceId: 'X-2', ...wrong }))
          .status,
        JSON.stringify(wrong),
      ).toBe(400);
  });

  it("reconciles a voucher producer's invoices against a voucher value set in the app, versioned and audited", async () => {
    const register = (await getJson(server.app, '/api/steering/producers', steering)).body as {
      code: string;
      kind: string;
    }[];
    const voucherProducers = new Set(register.filter((p) => p.kind === 'voucher').map((p) => p.code));
    const voucherLines = async () =>
      (await reconciliationOf('2025')).lines.filter((l) => voucherProducers.has(l.producerCode));
    const billed = (await voucherLines()).find((l) => l.status === 'matched');
    if (!billed) throw new Error('the demo has no matched voucher line in 2025');
    const values = (await getJson(server.app, '/api/steering/vouchers', steering)).body as VoucherValueView[];
    const value = values.find((v) => v.year === 2025 && v.serviceClass === billed.serviceClass);
    if (!value) throw new Error('the demo has no voucher value for the line');
    expect(value.version).toBe(1);
    const url = `/api/steering/vouchers/${value.serviceClass}/2025`;

    const halved = await send('PUT', url, steering, { version: 1, valueEuros: value.valueEuros / 2 });
    expect(halved.status).toBe(200);
    expect(halved.body).toMatchObject({ version: 2, clientShareEuros: value.clientShareEuros });
    expect((await send('PUT', url, steering, { version: 1, valueEuros: 1 })).status).toBe(409);
    const over = (await voucherLines()).find((l) => l.invoiceId === billed.invoiceId);
    expect(over).toMatchObject({ status: 'overBilled' });
    expect(over?.differenceCents).toBeGreaterThan(0);

    expect((await send('PUT', url, steering, { version: 2, valueEuros: value.valueEuros })).status).toBe(200);
    expect((await voucherLines()).find((l) => l.invoiceId === billed.invoiceId)?.status).toBe('matched');
    const history = await getJson(server.app, `${url}/versions`, steering);
    expect(history.body.map((v: VoucherValueView) => [v.version, v.valueEuros])).toEqual([
      [3, value.valueEuros],
      [2, value.valueEuros / 2],
      [1, value.valueEuros],
    ]);
    expect(audited.filter((e) => e.action === 'vouchers.save').at(-1)).toMatchObject({
      resource: `${value.serviceClass}/2025`,
      parameters: { version: 3, changed: 'valueEuros' },
    });
  });

  it("sets a voucher's client share and income rule as a new version, the value kept, audited", async () => {
    const values = (await getJson(server.app, '/api/steering/vouchers', steering)).body as VoucherValueView[];
    const value = values.find((v) => v.year === 2024);
    if (!value) throw new Error('the demo has no voucher value for 2024');
    const url = `/api/steering/vouchers/${value.serviceClass}/2024`;
    const saved = await send('PUT', url, steering, {
      version: value.version,
      valueEuros: value.valueEuros,
      clientShareEuros: 12.5,
      incomeRule: 'Omavastuu porrastetaan tulojen mukaan',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      version: value.version + 1,
      valueEuros: value.valueEuros,
      clientShareEuros: 12.5,
      incomeRule: 'Omavastuu porrastetaan tulojen mukaan',
    });
    expect(audited.filter((e) => e.action === 'vouchers.save').at(-1)).toMatchObject({
      resource: `${value.serviceClass}/2024`,
      parameters: { version: value.version + 1, changed: 'clientShareEuros,incomeRule' },
    });
    // Cleared again: no income rule, the share kept.
    const cleared = await send('PUT', url, steering, {
      version: value.version + 1,
      valueEuros: value.valueEuros,
      incomeRule: null,
    });
    expect(cleared.body).toMatchObject({ clientShareEuros: 12.5, incomeRule: null });
    const history = (await getJson(server.app, `${url}/versions`, steering)).body as VoucherValueView[];
    expect(history.map((v) => [v.version, v.clientShareEuros])).toEqual([
      [value.version + 2, 12.5],
      [value.version + 1, 12.5],
      [value.version, value.clientShareEuros],
    ]);
  });

  it('lets neither a producer nor a manager correct invoices or vouchers, nor a producer read another’s lines', async () => {
    const [own] = (
      await getJson(server.app, '/api/steering/producers/KAISLIKKO/invoices?period=2025', asKaislikko)
    ).body as InvoiceLineView[];
    if (!own) throw new Error('the demo has no KAISLIKKO invoice line');
    const correction = { version: own.version, amountEuros: 1, quantity: 1 };
    for (const who of [asKaislikko, asRole('manager')]) {
      expect((await send('PUT', `/api/steering/invoices/${own.invoiceId}`, who, correction)).status).toBe(
        403,
      );
      expect(
        (await send('PUT', '/api/steering/vouchers/KT/2025', who, { version: 1, valueEuros: 1 })).status,
      ).toBe(403);
    }
    expect(
      (await getJson(server.app, `/api/steering/invoices/${own.invoiceId}/versions`, asKaislikko)).status,
    ).toBe(200);
    const [nordica] = (
      await getJson(server.app, '/api/steering/producers/NORDICA/invoices?period=2025', steering)
    ).body as InvoiceLineView[];
    if (!nordica) throw new Error('the demo has no NORDICA invoice line');
    expect((await getJson(server.app, '/api/steering/producers/NORDICA/invoices', asKaislikko)).status).toBe(
      404,
    );
    expect(
      (await getJson(server.app, `/api/steering/invoices/${nordica.invoiceId}/versions`, asKaislikko)).status,
    ).toBe(404);
  });
});

describe('correcting supervision records', () => {
  const steering = asRole('steering');

  it("saves an inspection's new date as a version its findings follow, audited, stale refused", async () => {
    const [inspection] = (await getJson(server.app, '/api/steering/producers/NORDICA/inspections', steering))
      .body as InspectionView[];
    if (!inspection) throw new Error('the demo has no NORDICA inspection');
    expect(inspection.version).toBe(1);
    const url = `/api/steering/inspections/${inspection.inspectionId}`;
    const edit = { version: 1, inspectionDate: '2025-06-02', kind: 'reactive' };
    const saved = await send('PUT', url, steering, edit);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, inspectionDate: '2025-06-02', kind: 'reactive' });
    expect((await send('PUT', url, steering, edit)).status).toBe(409);
    expect(
      (
        await send('PUT', url, steering, {
          version: 2,
          inspectionDate: '2025-06-02',
          kind: 'planned',
          unitCode: 'NOUNIT',
        })
      ).status,
    ).toBe(400);
    const findings = (await getJson(server.app, '/api/steering/producers/NORDICA/findings', steering))
      .body as FindingView[];
    const own = findings.filter((f) => f.inspectionId === inspection.inspectionId);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((f) => f.inspectionDate === '2025-06-02')).toBe(true);
    const history = await getJson(server.app, `${url}/versions`, steering);
    expect(history.body.map((i: InspectionView) => [i.version, i.inspectionDate])).toEqual([
      [2, '2025-06-02'],
      [1, inspection.inspectionDate],
    ]);
    expect(audited.find((e) => e.action === 'supervision.updateInspection')).toMatchObject({
      resource: inspection.inspectionId,
      parameters: {
        producerCode: 'NORDICA',
        version: 2,
        changed: inspection.kind === 'reactive' ? 'inspectionDate' : 'inspectionDate,kind',
      },
    });
    expect((await send('PUT', url, asRole('manager'), { ...edit, version: 2 })).status).toBe(403);
    expect((await getJson(server.app, `${url}/versions`, asKaislikko)).status).toBe(404);
  });

  it("moves an inspection to another of its producer's units: a new version its findings follow, audited", async () => {
    const [inspection] = (await getJson(server.app, '/api/steering/producers/HYMY/inspections', steering))
      .body as InspectionView[];
    if (!inspection) throw new Error('the demo has no HYMY inspection');
    const register = (await getJson(server.app, '/api/steering/producers', steering)).body as {
      code: string;
      units: { code: string }[];
    }[];
    const other = register
      .find((p) => p.code === 'HYMY')
      ?.units.find((u) => u.code !== inspection.unitCode)?.code;
    if (!other) throw new Error('the demo has HYMY at one unit only');
    const url = `/api/steering/inspections/${inspection.inspectionId}`;
    const { inspectionDate, kind, version } = inspection;
    const moved = await send('PUT', url, steering, { version, inspectionDate, kind, unitCode: other });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ version: version + 1, unitCode: other, inspectionDate });
    const findings = (await getJson(server.app, '/api/steering/producers/HYMY/findings', steering))
      .body as FindingView[];
    expect(findings.filter((f) => f.inspectionId === inspection.inspectionId).map((f) => f.unitCode)).toEqual(
      [other],
    );
    expect(audited.filter((e) => e.action === 'supervision.updateInspection').at(-1)).toMatchObject({
      resource: inspection.inspectionId,
      parameters: { producerCode: 'HYMY', version: version + 1, changed: 'unitCode' },
    });
    // Another producer's unit is refused: an inspection stays with its producer.
    const nordica = register.find((p) => p.code === 'NORDICA')?.units[0]?.code;
    expect(
      (await send('PUT', url, steering, { version: version + 1, inspectionDate, kind, unitCode: nordica }))
        .status,
    ).toBe(400);
  });

  it("saves a finding's corrected text and deadline as a new version, its state kept, audited", async () => {
    const [finding] = (await getJson(server.app, '/api/steering/producers/NORDICA/findings', steering))
      .body as FindingView[];
    if (!finding) throw new Error('the demo has no NORDICA finding');
    const url = `/api/steering/findings/${finding.findingId}`;
    const saved = await send('PUT', url, steering, {
      version: finding.version,
      actionState: finding.actionState,
      actionDoneOn: finding.actionDoneOn,
      description: 'Hoitajamitoitus alittui yövuoroissa',
      severity: 'serious',
      actionDeadline: '2026-03-31',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      version: finding.version + 1,
      description: 'Hoitajamitoitus alittui yövuoroissa',
      severity: 'serious',
      actionDeadline: '2026-03-31',
      actionState: finding.actionState,
    });
    const card = (
      await getJson(server.app, '/api/steering/producers/NORDICA/scorecard?period=2025', steering)
    ).body;
    expect(card.supervision.map((f: { description: string }) => f.description)).toContain(
      'Hoitajamitoitus alittui yövuoroissa',
    );
    expect(audited.filter((e) => e.action === 'supervision.updateFinding').at(-1)).toMatchObject({
      resource: finding.findingId,
      parameters: { changed: 'severity,description,actionDeadline' },
    });
    const history = await getJson(server.app, `${url}/versions`, steering);
    expect(history.body[1].description).toBe(finding.description);
  });
});
