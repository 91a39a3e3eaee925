import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSampleStore } from '../../store/testing.js';
import { openState } from '../open.js';
import type { StateDb } from '../state-db.js';
import { createTestDatabase, openTestState, stateBackends, type TestState } from '../testing.js';
import { openAuditLog } from './log.js';
import { readAuditLog } from './query.js';
import { sampleAuditEntry, testAuditKey } from './testing.js';
import { verifyAuditLog } from './verify.js';

const everything = { limit: 100, offset: 0 };

describe.each(stateBackends)('the audit log (%s)', (backend) => {
  let test: TestState;
  beforeEach(async () => {
    test = await openTestState(backend);
  });
  afterEach(() => test.close());

  it('keeps an entry as it was given, numbered and timed in UTC', async () => {
    const before = Date.now();
    await openAuditLog(test.state, testAuditKey).append(sampleAuditEntry({ scope: { areas: ['398'] } }));
    const { rows, total } = await readAuditLog(test.state, {}, everything);
    expect(total).toBe(1);
    const [record] = rows;
    expect(record).toEqual({
      ...sampleAuditEntry({ scope: { areas: ['398'] } }),
      seq: 1,
      time: record?.time,
    });
    expect(Date.parse(record?.time ?? '')).toBeGreaterThanOrEqual(before - 1);
    expect(record?.time).toMatch(/Z$/);
  });

  it('chains appends made at once, without gaps or two rows in one place', async () => {
    const log = openAuditLog(test.state, testAuditKey);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => log.append(sampleAuditEntry({ requestId: `r${i}` }))),
    );
    expect(await verifyAuditLog(test.state, testAuditKey)).toMatchObject({ ok: true, rowsChecked: 20 });
  });

  it('escapes line breaks and terminal escapes, and leaves out secrets', async () => {
    await openAuditLog(test.state, testAuditKey).append(
      sampleAuditEntry({
        resource: '/api/units\n2026-01-01 forged entry',
        parameters: {
          areaCode: '\u001b[2J398',
          access_token: 'eyJ…',
          code: 'abc',
          clientKey: 'K1',
          nested: { password: 'x' },
        },
      }),
    );
    const [record] = (await readAuditLog(test.state, {}, everything)).rows;
    expect(record?.resource).toBe('/api/units\\n2026-01-01 forged entry');
    expect(record?.parameters).toEqual({ areaCode: '\\u001b[2J398', nested: {} });
  });

  it('keeps one county apart from another in the same database', async () => {
    const otherCounty = { ...test.state, county: '08' };
    await openAuditLog(test.state, testAuditKey).append(sampleAuditEntry());
    await openAuditLog(otherCounty, testAuditKey).append(sampleAuditEntry());
    expect((await readAuditLog(test.state, {}, everything)).rows.map((row) => row.seq)).toEqual([1]);
    expect((await verifyAuditLog(otherCounty, testAuditKey)).lastSeq).toBe(1);
  });
});

describe('the audit log on PostgreSQL, appended to by two processes', () => {
  it('takes turns under the county lock, so the chain stays one', async () => {
    const database = await createTestDatabase();
    const store = await openSampleStore();
    const states = [
      await openState({ store, url: database.url, county: '07' }),
      await openState({ store, url: database.url, county: '07' }),
    ];
    try {
      const logs = states.map((state) => openAuditLog(state, testAuditKey));
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => logs[i % 2]?.append(sampleAuditEntry({ requestId: `r${i}` }))),
      );
      expect(await verifyAuditLog(states[1] as StateDb, testAuditKey)).toMatchObject({
        ok: true,
        rowsChecked: 40,
      });
    } finally {
      for (const state of states) await state.close();
      store.close();
      await database.drop();
    }
  });
});
