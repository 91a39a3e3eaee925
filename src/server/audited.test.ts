import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditPage, AuditPage as AuditPageSchema, PopulationSummary } from '../model/index.js';
import { openAuditLog, openState, verifyAuditLog } from '../state/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { registerRoute } from './register.js';
import { defineRoute } from './route.js';
import { buildServer } from './server.js';
import { asRole, getJson, headerAccess } from './testing.js';

const key = Buffer.from('the key of the audited server test, long enough');
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openSampleStore();
  const state = await openState({ store, county: '07' });
  app = await buildServer({
    store,
    state,
    audit: openAuditLog(state, key),
    webRoot: '/nonexistent',
    authenticator: headerAccess,
  });
  // A route that fails as a defect would, for the forced exception.
  registerRoute(
    app,
    {
      store,
      state,
      audit: openAuditLog(state, key),
      authenticator: headerAccess,
      serveAppAs: () => Promise.reject(new Error('no app')),
    },
    defineRoute({
      path: '/api/test/failing',
      summary: 'Fails',
      tag: 'test',
      permission: 'viewAggregates',
      response: PopulationSummary,
      handler: () =>
        Promise.reject(new Error('connection to 10.0.0.5 refused: password authentication failed')),
    }),
  );
  await app.ready();
  afterAll(async () => {
    await app.close();
    await state.close();
    store.close();
  });
});

const newest = async (count = 1): Promise<AuditPage['rows']> => {
  // A read of the log is recorded as it answers, so the answer holds the rows before it.
  const { body } = await getJson(app, `/api/audit?limit=${count}`, asRole('auditor'));
  return AuditPageSchema.parse(body).rows;
};

describe('the audit row of a served request', () => {
  it('records who read what, with rows returned and cells suppressed counted from the answer', async () => {
    const { status, body } = await getJson(app, '/api/population?level=municipality', asRole('manager'));
    expect(status).toBe(200);
    const summary = PopulationSummary.parse(body);
    const [row] = await newest();
    expect(row).toMatchObject({
      roles: ['manager'],
      action: 'GET /api/population',
      resource: '/api/population',
      parameters: { level: 'municipality' },
      outcome: 'ok',
      status: 200,
      rowsReturned: summary.rows.length,
      cellsSuppressed: summary.rows.filter((r) => r.suppressed).length,
      sourceAddress: '127.0.0.1',
    });
    expect(row?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records a missing thing as failed, with its status', async () => {
    expect((await getJson(app, '/api/monitoring-sets/999', asRole('manager'))).status).toBe(404);
    expect((await newest())[0]).toMatchObject({
      outcome: 'failed',
      status: 404,
      resource: '/api/monitoring-sets/999',
    });
  });

  it('answers a forced exception with a generic 500, and records it as an error', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/test/failing',
      headers: asRole('manager'),
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/10\.0\.0\.5|password/);
    expect(response.json()).toMatchObject({ error: 'internal' });
    expect((await newest())[0]).toMatchObject({
      action: 'GET /api/test/failing',
      outcome: 'error',
      status: 500,
    });
  });

  it('escapes line breaks and terminal escapes a client put in the request', async () => {
    const url = '/api/audit?action=%0A2026-01-01%20forged%1B%5B2J';
    expect((await app.inject({ method: 'GET', url, headers: asRole('auditor') })).statusCode).toBe(200);
    const [row] = await newest();
    expect(row?.parameters.action).toBe('\\n2026-01-01 forged\\u001b[2J');
  });

  it('records nothing for the open routes, which touch no sote data', async () => {
    const before = (await getJson(app, '/api/audit?limit=1', asRole('auditor'))).body.total;
    await getJson(app, '/api/health');
    await getJson(app, '/api/openapi.json');
    expect((await getJson(app, '/api/audit?limit=1', asRole('auditor'))).body.total).toBe(before + 1);
  });

  it('keeps a chain that verifies', async () => {
    const state = await openState({ store, county: '07' });
    try {
      expect(await verifyAuditLog(state, key)).toMatchObject({ ok: true });
    } finally {
      await state.close();
    }
  });
});

describe('the audit API', () => {
  it('filters by user, action, outcome and time, a page at a time', async () => {
    const page = AuditPageSchema.parse(
      (await getJson(app, '/api/audit?action=MONITORING-sets&outcome=failed&limit=1', asRole('auditor')))
        .body,
    );
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(1);
    expect(page.rows[0]?.action).toBe('GET /api/monitoring-sets/:id');
    const later = await getJson(app, '/api/audit?from=2999-01-01', asRole('auditor'));
    expect(later.body).toEqual({ rows: [], total: 0 });
    expect((await getJson(app, '/api/audit?user=nobody', asRole('auditor'))).body.total).toBe(0);
  });

  it('exports the log as a semicolon-separated CSV download', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/audit.csv?outcome=error',
      headers: asRole('auditor'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="lokitiedot.csv"');
    const [header, row] = response.body.split('\r\n');
    expect(header).toMatch(/^\uFEFFnro;aika;/);
    expect(row).toContain(';GET /api/test/failing;/api/test/failing;{};;;error;500;');
  });

  it('is for those who may view the audit log only', async () => {
    expect((await getJson(app, '/api/audit', asRole('analyst'))).status).toBe(403);
    expect((await getJson(app, '/api/audit.csv', asRole('administrator'))).status).toBe(403);
    expect((await getJson(app, '/api/audit')).status).toBe(401);
  });

  it('refuses a time that does not exist', async () => {
    expect((await getJson(app, '/api/audit?from=2026-02-30', asRole('auditor'))).status).toBe(400);
    expect((await getJson(app, '/api/audit?to=0000-01-01', asRole('auditor'))).status).toBe(400);
  });
});

describe('a server whose audit log cannot be written', () => {
  it('serves nothing unrecorded: the answer is a 500', async () => {
    const failing = await buildServer({
      store,
      webRoot: '/nonexistent',
      authenticator: headerAccess,
      audit: { append: () => Promise.reject(new Error('disk full')) },
    });
    try {
      const response = await failing.inject({
        method: 'GET',
        url: '/api/population',
        headers: asRole('manager'),
      });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('rows');
    } finally {
      await failing.close();
    }
  });
});
