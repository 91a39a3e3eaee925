import { afterEach, describe, expect, it } from 'vitest';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findSession,
  touchSession,
} from './sessions.js';
import { saveSignInRequest, takeSignInRequest } from './sign-in-requests.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from './testing.js';

const anna = { issuer: 'https://login.example/tenant/v2.0', subject: 'sub-anna' };
const at = (iso: string) => new Date(iso);

describe.each(stateBackends)('sessions on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('keeps a session by its hash, with its times in UTC, until it is deleted', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    await createSession(state, {
      idHash: 'h1',
      ...anna,
      csrfToken: 'c1',
      at: at('2026-12-05T08:00:00.000Z'),
    });
    await touchSession(state, 'h1', at('2026-12-05T08:20:00.000Z'));
    expect(await findSession(state, 'h1')).toEqual({
      idHash: 'h1',
      ...anna,
      csrfToken: 'c1',
      createdAt: '2026-12-05T08:00:00.000Z',
      lastSeenAt: '2026-12-05T08:20:00.000Z',
    });
    expect(await findSession(state, 'h2')).toBeUndefined();
    await deleteSession(state, 'h1');
    expect(await findSession(state, 'h1')).toBeUndefined();
  });

  it('forgets idle and too old sessions, and every session of a user', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    await createSession(state, { idHash: 'old', ...anna, csrfToken: 'c', at: at('2026-12-04T20:00:00Z') });
    await createSession(state, { idHash: 'idle', ...anna, csrfToken: 'c', at: at('2026-12-05T07:00:00Z') });
    await createSession(state, { idHash: 'live', ...anna, csrfToken: 'c', at: at('2026-12-05T07:00:00Z') });
    await touchSession(state, 'old', at('2026-12-05T07:55:00Z'));
    await touchSession(state, 'live', at('2026-12-05T07:55:00Z'));
    await deleteExpiredSessions(state, {
      idleBefore: at('2026-12-05T07:30:00Z'),
      createdBefore: at('2026-12-04T22:00:00Z'),
    });
    expect(await findSession(state, 'old')).toBeUndefined();
    expect(await findSession(state, 'idle')).toBeUndefined();
    expect(await findSession(state, 'live')).toBeDefined();
    await deleteSessionsOf(state, anna);
    expect(await findSession(state, 'live')).toBeUndefined();
  });

  it('gives a sign-in under way once, and not once it is stale', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const request = { idHash: 'r1', state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/overview' };
    await saveSignInRequest(state, request, at('2026-12-05T08:00:00Z'));
    await saveSignInRequest(state, { ...request, idHash: 'r2' }, at('2026-12-05T08:00:00Z'));
    expect(await takeSignInRequest(state, 'r1', at('2026-12-05T07:55:00Z'))).toEqual(request);
    expect(await takeSignInRequest(state, 'r1', at('2026-12-05T07:55:00Z'))).toBeUndefined();
    expect(await takeSignInRequest(state, 'r2', at('2026-12-05T08:05:00Z'))).toBeUndefined();
  });
});
