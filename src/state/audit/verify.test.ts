import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestState, stateBackends, type TestState } from '../testing.js';
import { auditAnchor } from './anchor.js';
import { openAuditLog } from './log.js';
import { sampleAuditEntry, testAuditKey } from './testing.js';
import { checkAuditKey, verifyAuditLog } from './verify.js';

describe.each(stateBackends)('verifying the audit log (%s)', (backend) => {
  let test: TestState;
  beforeEach(async () => {
    test = await openTestState(backend);
    const log = openAuditLog(test.state, testAuditKey);
    for (let i = 1; i <= 5; i += 1) await log.append(sampleAuditEntry({ requestId: `req-${i}` }));
  });
  afterEach(() => test.close());

  const verify = () => verifyAuditLog(test.state, testAuditKey);
  const run = (sql: string) => test.state.run(sql);

  it('passes a log nobody touched', async () => {
    expect(await verify()).toEqual({ ok: true, rowsChecked: 5, startSeq: 0, lastSeq: 5 });
  });

  it('names a changed row', async () => {
    await run("UPDATE state.audit_log SET outcome = 'denied' WHERE seq = 3");
    expect((await verify()).problem).toMatchObject({ seq: 3, kind: 'changed' });
  });

  it('names a row whose HMAC was changed too (without the key it cannot be recomputed)', async () => {
    await run("UPDATE state.audit_log SET action = 'GET /api/health', hmac = repeat('0', 64) WHERE seq = 2");
    expect((await verify()).problem).toMatchObject({ seq: 2, kind: 'changed' });
  });

  it('names the row after a deleted one, and says which is missing', async () => {
    await run('DELETE FROM state.audit_log WHERE seq = 3');
    const { problem } = await verify();
    expect(problem).toMatchObject({ seq: 4, kind: 'missing' });
    expect(problem?.message).toContain('row 3 is missing');
  });

  it('names a deleted row whose followers were renumbered to close the gap', async () => {
    await run('DELETE FROM state.audit_log WHERE seq = 3');
    await run('UPDATE state.audit_log SET seq = seq + 100 WHERE seq > 3');
    await run('UPDATE state.audit_log SET seq = seq - 101 WHERE seq > 100');
    expect((await verify()).problem).toMatchObject({ seq: 3, kind: 'changed' });
  });

  it('names an inserted row', async () => {
    await run('UPDATE state.audit_log SET seq = seq + 100 WHERE seq >= 3');
    await run('UPDATE state.audit_log SET seq = seq - 99 WHERE seq > 100');
    await run(`INSERT INTO state.audit_log
      SELECT county, 3, occurred_at, user_issuer, user_subject, roles, scope, action, resource, parameters,
        rows_returned, cells_suppressed, outcome, status, 'forged', source_address, hmac
      FROM state.audit_log WHERE seq = 2`);
    expect((await verify()).problem).toMatchObject({ seq: 3, kind: 'changed' });
  });

  it('names the first of two swapped rows', async () => {
    await run('UPDATE state.audit_log SET seq = 100 WHERE seq = 2');
    await run('UPDATE state.audit_log SET seq = 2 WHERE seq = 4');
    await run('UPDATE state.audit_log SET seq = 4 WHERE seq = 100');
    expect((await verify()).problem).toMatchObject({ seq: 2, kind: 'changed' });
  });

  it('catches a truncated tail against the last exported anchor, which a bare chain cannot', async () => {
    const anchor = await auditAnchor(test.state);
    expect(anchor).toMatchObject({ county: '07', seq: 5 });
    await run('DELETE FROM state.audit_log WHERE seq >= 4');
    expect((await verify()).ok).toBe(true);
    const truncated = await verifyAuditLog(test.state, testAuditKey, anchor);
    expect(truncated.problem).toMatchObject({ seq: 4, kind: 'truncated' });
    expect(truncated.problem?.message).toContain('rows 4–5 were removed');
  });

  it('accepts an anchor the log has grown past, and refuses one of another county', async () => {
    const anchor = await auditAnchor(test.state);
    await openAuditLog(test.state, testAuditKey).append(sampleAuditEntry());
    expect(await verifyAuditLog(test.state, testAuditKey, anchor)).toMatchObject({
      ok: true,
      lastSeq: 6,
      anchor: 'matches',
    });
    const other = await verifyAuditLog(test.state, testAuditKey, { ...anchor, county: '08' });
    expect(other.problem?.kind).toBe('otherCounty');
  });

  it('tells at start whether this process has the key the newest row was made with', async () => {
    await expect(checkAuditKey(test.state, testAuditKey)).resolves.toBeUndefined();
    const wrongKey = Buffer.from('another key that is long enough for the audit log');
    await expect(checkAuditKey(test.state, wrongKey)).rejects.toThrow(/newest audit row \(5\)/);
  });

  it('fails every row under another key', async () => {
    const wrongKey = Buffer.from('another key that is long enough for the audit log');
    expect((await verifyAuditLog(test.state, wrongKey)).problem).toMatchObject({ seq: 1, kind: 'changed' });
  });
});
