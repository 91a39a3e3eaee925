import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestState, stateBackends, type TestState } from '../testing.js';
import { auditAnchor } from './anchor.js';
import { openAuditLog } from './log.js';
import { pruneAuditLog } from './prune.js';
import { sampleAuditEntry, testAuditKey } from './testing.js';
import { verifyAuditLog } from './verify.js';

const years = ['2010-03-01', '2012-06-30', '2014-01-01', '2020-01-01', '2026-01-01'];
const now = new Date('2026-12-05T00:00:00Z');

describe.each(stateBackends)('pruning the audit log (%s)', (backend) => {
  let test: TestState;
  beforeEach(async () => {
    test = await openTestState(backend);
    for (const day of years) {
      const log = openAuditLog(test.state, testAuditKey, { now: () => new Date(`${day}T12:00:00Z`) });
      await log.append(sampleAuditEntry({ requestId: day }));
    }
  });
  afterEach(() => test.close());

  it('removes the rows older than the retention and leaves a log that still verifies', async () => {
    const anchor = await auditAnchor(test.state);
    const result = await pruneAuditLog(test.state, testAuditKey, { now });
    expect(result).toMatchObject({
      rowsPruned: 3,
      start: { seq: 3, occurredAt: '2014-01-01T12:00:00.000Z' },
    });
    expect(await verifyAuditLog(test.state, testAuditKey, anchor)).toMatchObject({
      ok: true,
      startSeq: 3,
      rowsChecked: 2,
      anchor: 'matches',
    });
    await openAuditLog(test.state, testAuditKey).append(sampleAuditEntry());
    expect(await verifyAuditLog(test.state, testAuditKey)).toMatchObject({ ok: true, lastSeq: 6 });
  });

  it('prunes to a shorter retention, and again, keeping the chain', async () => {
    expect((await pruneAuditLog(test.state, testAuditKey, { now, retentionYears: 6 })).rowsPruned).toBe(4);
    expect((await pruneAuditLog(test.state, testAuditKey, { now, retentionYears: 6 })).rowsPruned).toBe(0);
    expect(await verifyAuditLog(test.state, testAuditKey)).toMatchObject({
      ok: true,
      startSeq: 4,
      lastSeq: 5,
    });
  });

  it('catches rows deleted from the head after pruning, and a chain start moved to hide them', async () => {
    await pruneAuditLog(test.state, testAuditKey, { now });
    const [row4] = await test.state.all<{ hmac: string }>('SELECT hmac FROM state.audit_log WHERE seq = 4');
    await test.state.run('DELETE FROM state.audit_log WHERE seq = 4');
    expect((await verifyAuditLog(test.state, testAuditKey)).problem).toMatchObject({
      seq: 5,
      kind: 'missing',
    });
    await test.state.run('UPDATE state.audit_chain_start SET seq = 4, hmac = $1', [row4?.hmac ?? '']);
    expect((await verifyAuditLog(test.state, testAuditKey)).problem?.kind).toBe('startChanged');
  });

  it('refuses to prune a log that does not verify', async () => {
    await test.state.run("UPDATE state.audit_log SET resource = '/elsewhere' WHERE seq = 1");
    await expect(pruneAuditLog(test.state, testAuditKey, { now })).rejects.toThrow(/does not verify/);
    expect(await test.state.all('SELECT seq FROM state.audit_log')).toHaveLength(5);
  });
});
