import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  ProgrammeImportSummary,
  ProgrammeView,
  Project,
  ProjectInput,
} from '../../model/index.js';
import { openTestServer } from '../testing.js';

const audited: AuditEntry[] = [];
let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer({ audit: { append: async (entry) => void audited.push(entry) } });
});
afterAll(() => server.close());

const ask = async (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  role = 'steering',
) => {
  const response = await server.app.inject({
    method,
    url,
    headers: { 'x-soteatlas-role': role, ...(role === 'producer' && { 'x-soteatlas-producer': 'P2' }) },
    ...(payload !== undefined && { payload: payload as object }),
  });
  return {
    status: response.statusCode,
    body: String(response.headers['content-type']).includes('json') ? response.json() : response.rawPayload,
  };
};

const project = {
  code: 'T1',
  name: 'Testihanke',
  phase: 'planning',
  start: '2024-01-01',
  end: '2025-12-31',
  dependsOn: ['H01'],
  effects: [
    {
      indicatorId: 'hc-visits-per-1000',
      baselinePeriod: '2023',
      baselineValue: 5,
      expectedValue: 10,
      expectedBy: '2025',
    },
  ],
};

describe('the reform programme through the API', () => {
  it('ships the demo programme: eight projects tied to built-in indicators', async () => {
    const { status, body } = await ask('GET', '/api/programme', undefined, 'analyst');
    expect(status).toBe(200);
    const view = ProgrammeView.parse(body);
    expect(view.projects.map((p) => p.code)).toEqual([
      'H01',
      'H02',
      'H03',
      'H04',
      'H05',
      'H06',
      'H07',
      'H08',
    ]);
    for (const p of view.projects) {
      expect(p.effects.length).toBeGreaterThan(0);
      for (const e of p.effectViews) expect(e.title?.fi, e.indicatorId).toBeTruthy();
      expect(p.names?.sv).toBeTruthy();
    }
    expect(Object.values(view.counts).reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('keeps versions of what the steering group edits, refuses stale edits and producers, and audits', async () => {
    const created = await ask('POST', '/api/programme/projects', project);
    expect(created.status).toBe(200);
    expect(Project.parse(created.body)).toMatchObject({ code: 'T1', version: 1 });
    expect((await ask('POST', '/api/programme/projects', project)).status).toBe(409);
    const unknownIndicator = await ask('POST', '/api/programme/projects', {
      ...project,
      code: 'T2',
      effects: [{ ...project.effects[0], indicatorId: 'nope' }],
    });
    expect(unknownIndicator.status).toBe(400);
    expect(
      (await ask('POST', '/api/programme/projects', { ...project, code: 'T3', dependsOn: ['X9'] })).status,
    ).toBe(400);

    const edited = await ask('PUT', '/api/programme/projects/T1', {
      version: 1,
      project: { ...project, statusReports: [{ date: '2025-01-31', status: 'red', text: 'Late' }] },
    });
    expect(edited.body).toMatchObject({ version: 2, statusReports: [{ status: 'red' }] });
    expect((await ask('PUT', '/api/programme/projects/T1', { version: 1, project })).status).toBe(409);
    expect((await ask('PUT', '/api/programme/projects/T1', { version: 2, project }, 'producer')).status).toBe(
      403,
    );
    expect((await ask('PUT', '/api/programme/projects/T1', { version: 2, project }, 'planner')).status).toBe(
      403,
    );
    const h01 = (await ask('GET', '/api/programme/projects/H01')).body;
    const h01Version: number = h01.version;
    const h01Fields = ProjectInput.parse(
      Object.fromEntries(Object.keys(ProjectInput.shape).flatMap((k) => (k in h01 ? [[k, h01[k]]] : []))),
    );
    const cycle = await ask('PUT', '/api/programme/projects/H01', {
      version: h01Version,
      project: { ...h01Fields, dependsOn: [...h01Fields.dependsOn, 'T1'] },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.message).toContain('cycle: H01 → T1 → H01');
    expect((await ask('GET', '/api/programme/projects/H01')).body.version).toBe(h01Version);
    const versions = await ask('GET', '/api/programme/projects/T1/versions');
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const one = await ask('GET', '/api/programme/projects/T1');
    expect(one.body).toMatchObject({ code: 'T1', latestStatus: { status: 'red' }, course: 'unknown' });
    expect((await ask('DELETE', '/api/programme/projects/T1')).body).toEqual({ code: 'T1', deleted: true });
    expect((await ask('GET', '/api/programme/projects/T1')).status).toBe(404);
    const writes = audited.filter(
      (e) => e.action.includes('/api/programme/projects') && !e.action.startsWith('GET'),
    );
    expect(writes.length).toBeGreaterThanOrEqual(6);
  });

  it('imports the workbook, answering every refused row, and writes the status pack', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Milestones').addRows([
      ['Project', 'Milestone', 'Due', 'Done'],
      ['H01', 'Evaluation', '31.10.2027', ''],
      ['H99', 'Nothing', '1.1.2026', ''],
    ]);
    const workbookBase64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const { status, body } = await ask('POST', '/api/programme/import', { workbookBase64 });
    expect(status).toBe(200);
    expect(ProgrammeImportSummary.parse(body)).toMatchObject({
      rowsRead: 2,
      accepted: 1,
      rejected: [{ sheet: 'milestones', line: 3, reason: 'unknown project H99' }],
      projectsSaved: ['H01'],
    });
    expect(audited.some((e) => e.action === 'programme.import')).toBe(true);
    expect((await ask('GET', '/api/programme/projects/H01')).body.milestones).toEqual([
      { title: 'Evaluation', due: '2027-10-31', done: null },
    ]);

    const pack = await ask('GET', '/api/programme/status-pack.xlsx?lang=sv');
    expect(pack.status).toBe(200);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(pack.body as never);
    expect(read.worksheets.map((w) => w.name)).toEqual([
      'Projektportfölj',
      'Effekter',
      'Milstolpar',
      'Risker',
      'Lägesrapporter',
    ]);
    expect(read.getWorksheet('Projektportfölj')?.rowCount).toBe(9);
  });
});
