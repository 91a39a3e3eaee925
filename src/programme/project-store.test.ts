import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectInput } from '../model/index.js';
import { openState } from '../state/index.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from '../state/testing.js';
import {
  createProject,
  deleteProject,
  findProject,
  listProjects,
  projectHistory,
  updateProject,
} from './project-store.js';

const project: ProjectInput = {
  code: 'H1',
  name: 'Kotihoidon vahvistaminen',
  phase: 'implementation',
  start: '2024-01-01',
  end: '2026-12-31',
  funding: [{ source: 'stateReformFunding', budgetEuros: 800_000, spentEuros: 350_000 }],
  milestones: [{ title: 'Toiminnanohjausjärjestelmä käytössä', due: '2025-06-30', done: '2025-06-12' }],
  risks: [
    { title: 'Rekrytointi viivästyy', likelihood: 4, impact: 3, mitigation: 'Oppisopimus', owner: 'HR' },
  ],
  effects: [
    {
      indicatorId: 'home-care-clients-75-percent',
      baselinePeriod: '2024',
      baselineValue: 14.7,
      expectedValue: 15.5,
      expectedBy: '2027',
    },
  ],
};

describe.each(stateBackends)('programme projects on the %s backend', (backend: StateBackend) => {
  let opened: TestState | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('keeps every version with who saved it, refuses stale edits, and sees only its county', async () => {
    opened = await openTestState(backend);
    const { state } = opened;
    const first = await createProject(state, project, 'Aino Analyytikko');
    expect(first).toMatchObject({ code: 'H1', version: 1, updatedBy: 'Aino Analyytikko', dependsOn: [] });
    expect(first.effects[0]).toMatchObject({ scope: { level: 'county', code: null }, targetId: null });
    expect(first.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(createProject(state, project)).rejects.toMatchObject({ code: 'conflict' });

    const second = await updateProject(state, 'H1', 1, { ...project, phase: 'closing' }, 'Matti');
    expect(second).toMatchObject({ version: 2, phase: 'closing', updatedBy: 'Matti' });
    await expect(updateProject(state, 'H1', 1, project)).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateProject(state, 'H1', 2, { ...project, code: 'H2' })).rejects.toMatchObject({
      code: 'invalidRequest',
    });
    expect((await findProject(state, 'H1', 1))?.phase).toBe('implementation');
    expect((await projectHistory(state, 'H1')).map((h) => [h.version, h.savedBy])).toEqual([
      [2, 'Matti'],
      [1, 'Aino Analyytikko'],
    ]);

    const other = await openState({ store: opened.store, url: opened.url, county: '09' });
    try {
      expect(await listProjects(other)).toEqual([]);
      expect(await deleteProject(other, 'H1')).toBe(false);
    } finally {
      await other.close();
    }

    expect(await deleteProject(state, 'H1')).toBe(true);
    expect(await listProjects(state)).toEqual([]);
    expect(await deleteProject(state, 'H1')).toBe(false);
    // A deleted code is taken up again as the project's next version; the old ones stay.
    expect(await createProject(state, project)).toMatchObject({ version: 3 });
    expect((await projectHistory(state, 'H1')).length).toBe(3);
  });
});
