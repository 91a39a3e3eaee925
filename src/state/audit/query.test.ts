import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditFilter } from '../../model/index.js';
import { openTestState, stateBackends, type TestState } from '../testing.js';
import { recordSignIn } from '../users.js';
import { openAuditLog } from './log.js';
import { readAuditLog } from './query.js';
import { sampleAuditEntry, testAuditKey } from './testing.js';

const entries = [
  { day: '2026-03-01', subject: 'analyst-1', action: 'GET /api/indicators/:id', outcome: 'ok' },
  { day: '2026-03-02', subject: 'manager-1', action: 'PUT /api/targets/:id', outcome: 'denied' },
  { day: '2026-03-03', subject: 'analyst-1', action: 'PUT /api/targets/:id', outcome: 'ok' },
  { day: '2026-03-04', subject: 'analyst-1', action: 'GET /api/units', outcome: 'error' },
] as const;

describe.each(stateBackends)('reading the audit log (%s)', (backend) => {
  let test: TestState;
  beforeEach(async () => {
    test = await openTestState(backend);
    for (const { day, subject, action, outcome } of entries) {
      const log = openAuditLog(test.state, testAuditKey, { now: () => new Date(`${day}T10:00:00Z`) });
      await log.append(
        sampleAuditEntry({ user: { issuer: 'https://idp', subject }, action, outcome, requestId: day }),
      );
    }
  });
  afterEach(() => test.close());

  const seqs = async (filter: AuditFilter, limit = 100, offset = 0) => {
    const page = await readAuditLog(test.state, filter, { limit, offset });
    return { seqs: page.rows.map((row) => row.seq), total: page.total };
  };

  it('answers the newest first, a page at a time, with the total', async () => {
    expect(await seqs({})).toEqual({ seqs: [4, 3, 2, 1], total: 4 });
    expect(await seqs({}, 2, 1)).toEqual({ seqs: [3, 2], total: 4 });
  });

  it('filters by user, action (any part, any case), outcome and time', async () => {
    expect(await seqs({ user: 'analyst-1' })).toEqual({ seqs: [4, 3, 1], total: 3 });
    expect(await seqs({ user: 'analyst-1', issuer: 'https://elsewhere' })).toEqual({ seqs: [], total: 0 });
    expect(await seqs({ action: 'put /api/TARGETS' })).toEqual({ seqs: [3, 2], total: 2 });
    expect(await seqs({ outcome: 'denied' })).toEqual({ seqs: [2], total: 1 });
    expect(await seqs({ from: '2026-03-02', to: '2026-03-04' })).toEqual({ seqs: [3, 2], total: 2 });
    expect(await seqs({ from: '2026-03-03T10:00:00Z', to: '2026-03-03T10:00:00.001Z' })).toEqual({
      seqs: [3],
      total: 1,
    });
  });

  it('names the users the users table knows, and finds them by a part of their name', async () => {
    await recordSignIn(test.state, {
      issuer: 'https://idp',
      subject: 'manager-1',
      name: 'Aino Mäkelä',
      claimRoles: [],
    });
    const page = await readAuditLog(test.state, { user: 'mäkelä' }, { limit: 10, offset: 0 });
    expect(page.rows.map((row) => [row.seq, row.userName])).toEqual([[2, 'Aino Mäkelä']]);
    expect((await readAuditLog(test.state, {}, { limit: 1, offset: 0 })).rows[0]).not.toHaveProperty(
      'userName',
    );
  });

  it('takes a filter text as a value, never as SQL', async () => {
    expect(await seqs({ action: "' OR 1=1 --" })).toEqual({ seqs: [], total: 0 });
  });
});
