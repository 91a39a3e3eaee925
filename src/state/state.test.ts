import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from './testing.js';

describe.each(stateBackends)('the state on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('applies each migration once and records it', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const first = await state.all<{ version: number }>(
      'SELECT version FROM state.migrations ORDER BY version',
    );
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate(state)).toEqual([]);
    expect(await state.all('SELECT version FROM state.migrations ORDER BY version')).toEqual(first);
  });

  it('keeps all of a transaction or none of it, and answers times in UTC', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    await state.run(
      'CREATE TABLE state.probe (county VARCHAR NOT NULL, n INTEGER NOT NULL, seen_at TIMESTAMP NOT NULL)',
    );
    await state.transaction(async (tx) => {
      await tx.run("INSERT INTO state.probe VALUES ($1, 1, TIMESTAMP '2026-12-05 10:00:00')", [state.county]);
    });
    await expect(
      state.transaction(async (tx) => {
        await tx.run("INSERT INTO state.probe VALUES ($1, 2, TIMESTAMP '2026-12-05 11:00:00')", [
          state.county,
        ]);
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await state.all('SELECT county, n, seen_at FROM state.probe')).toEqual([
      { county: '07', n: 1, seen_at: '2026-12-05T10:00:00.000Z' },
    ]);
  });

  it('runs concurrent transactions one after another, never interleaved', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    await state.run('CREATE TABLE state.counter (n INTEGER NOT NULL)');
    await state.run('INSERT INTO state.counter VALUES (0)');
    // Each transaction reads, then writes what it read plus one: interleaving would lose increments.
    const increment = () =>
      state.transaction(async (tx) => {
        const [row] = await tx.all<{ n: number }>(
          backend === 'postgres' ? 'SELECT n FROM state.counter FOR UPDATE' : 'SELECT n FROM state.counter',
        );
        await tx.run('UPDATE state.counter SET n = $1', [(row?.n ?? 0) + 1]);
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await state.all('SELECT n FROM state.counter')).toEqual([{ n: 20 }]);
  });
});
