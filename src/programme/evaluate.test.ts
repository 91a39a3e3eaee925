import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Project, publicViewer, viewerWithRoles } from '../model/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { evaluateProgramme } from './evaluate.js';

let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => store.close());

const project: Project = {
  code: 'H1',
  name: 'Terveysasemien vastaanotot',
  goal: '',
  owner: '',
  phase: 'implementation',
  start: '2023-01-01',
  end: '2025-12-31',
  funding: [
    { source: 'stateReformFunding', budgetEuros: 100, spentEuros: 40 },
    { source: 'county', budgetEuros: 50, spentEuros: 10 },
  ],
  staff: { plannedPersonMonths: 10, usedPersonMonths: 4 },
  milestones: [
    { title: 'done late', due: '2024-01-31', done: '2024-03-01' },
    { title: 'open, overdue', due: '2024-05-31', done: null },
    { title: 'open, not due', due: '2025-05-31', done: null },
  ],
  risks: [
    { title: 'a', likelihood: 2, impact: 5, mitigation: '', owner: '' },
    { title: 'b', likelihood: 3, impact: 3, mitigation: '', owner: '' },
  ],
  dependsOn: [],
  statusReports: [
    { date: '2024-06-30', status: 'amber', text: 'later' },
    { date: '2024-03-31', status: 'green', text: 'earlier' },
  ],
  // One visit in 2024 among 150 residents: 6.67 per 1 000, against a line at about 7.5 at the end of 2024.
  effects: [
    {
      indicatorId: 'hc-visits-per-1000',
      scope: { level: 'county', code: null },
      baselinePeriod: '2023',
      baselineValue: 5,
      expectedValue: 10,
      expectedBy: '2025',
      targetId: null,
    },
  ],
  version: 1,
  updatedAt: '2024-07-01T00:00:00.000Z',
  updatedBy: null,
};

describe('evaluateProgramme', () => {
  it('reads each project’s indicators from the engine against its line, with milestones, money and risks', async () => {
    const view = await evaluateProgramme(store, [project], {
      viewer: viewerWithRoles(['analyst']),
      asOf: '2024-12-01',
      toYear: 2024,
    });
    const [h1] = view.projects;
    const effect = h1?.effectViews[0];
    expect(effect?.latest?.period).toBe('2024');
    expect(effect?.latest?.value).toBeCloseTo(1000 / 150, 10);
    // 2024 has 366 of the 731 days from the end of 2023 to the end of 2025.
    expect(effect?.latest?.expected).toBeCloseTo(5 + (5 * 366) / 731, 10);
    // The Poisson interval of one visit reaches far above the line: behind it, but not surely.
    expect(effect?.status).toBe('uncertain');
    expect(h1).toMatchObject({
      course: 'uncertain',
      overdueMilestones: 1,
      budgetEuros: 150,
      spentEuros: 50,
      topRiskScore: 10,
      latestStatus: { status: 'amber', text: 'later' },
    });
    expect(view.counts).toEqual({ onCourse: 0, uncertain: 1, offCourse: 0, unknown: 0 });
  });

  it('withholds a figure about few people from anyone without viewUnsuppressed, and reads it as unknown', async () => {
    const view = await evaluateProgramme(store, [project], { viewer: publicViewer, toYear: 2024 });
    const effect = view.projects[0]?.effectViews[0];
    expect(effect?.latest).toMatchObject({ period: '2024', value: null, suppressed: true });
    expect(effect?.status).toBe('unknown');
    expect(view.projects[0]?.course).toBe('unknown');
  });

  it('answers a programme without effects without asking the engine', async () => {
    const view = await evaluateProgramme(store, [{ ...project, effects: [] }], { viewer: publicViewer });
    expect(view.projects[0]).toMatchObject({ course: 'unknown', effectViews: [] });
  });
});
