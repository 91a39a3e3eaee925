import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioComparison } from '../../../../src/model/index.js';
import { decayOf, initialWorkspace, type WorkspaceAction, workspaceReducer } from './workspace-state.js';

const run = (...actions: WorkspaceAction[]) => actions.reduce(workspaceReducer, initialWorkspace('HC'));

const scenario = (id: string): Scenario =>
  ({
    id,
    name: `Scenario ${id}`,
    version: 2,
    changes: [{ kind: 'close', unitCode: 'U2' }],
    targetYear: 2030,
    decay: { kind: 'binary', catchmentMinutes: 20 },
  }) as unknown as Scenario;

describe('the network workspace state', () => {
  it('starts with no changes, a gaussian decay of 30 minutes and nothing selected', () => {
    const state = initialWorkspace('HC');
    expect(state).toMatchObject({ serviceClass: 'HC', changes: [], selectedUnit: null, picking: false });
    expect(decayOf(state)).toEqual({ kind: 'gaussian', catchmentMinutes: 30 });
  });

  it('keeps what is typed, and follows it only when it is a valid catchment or year', () => {
    const typed = run(
      { type: 'typeCatchment', text: '45' },
      { type: 'typeCatchment', text: '181' },
      { type: 'typeYear', text: '2031' },
      { type: 'typeYear', text: '20' },
    );
    expect(typed).toMatchObject({ catchmentText: '181', catchment: 45, yearText: '20', targetYear: 2031 });
    expect(run({ type: 'typeCatchment', text: '0' }).catchment).toBe(30);
  });

  it('closes a road picked on the map into the same list the text field edits, and reopens it', () => {
    const picking = run(
      { type: 'pickMove', on: true },
      { type: 'typeClosed', text: 'b1' },
      { type: 'applyClosed' },
      { type: 'pickLink', on: true },
    );
    // One picking mode at a time: picking a road ends picking a unit's place.
    expect(picking).toMatchObject({ pickingLink: true, picking: false, pickingNew: false });
    const picks: WorkspaceAction[] = [
      { type: 'closeLink', linkId: 'L7', message: 'L7 closed' },
      { type: 'closeLink', linkId: 'b1', message: 'b1 closed' },
    ];
    const closed = picks.reduce(workspaceReducer, picking);
    expect(closed).toMatchObject({
      variant: { closedLinks: ['b1', 'L7'] },
      closedText: 'b1, L7',
      pickingLink: true,
      linkStatus: 'b1 closed',
      announcement: 'b1 closed',
    });
    const reopened = workspaceReducer(closed, { type: 'reopenLink', linkId: 'b1', message: 'b1 open' });
    expect(reopened).toMatchObject({
      variant: { closedLinks: ['L7'] },
      closedText: 'L7',
      linkStatus: 'b1 open',
    });
    expect(workspaceReducer(reopened, { type: 'pickNew', on: true }).pickingLink).toBe(false);
    expect(workspaceReducer(reopened, { type: 'chooseNetwork', name: 'other' })).toMatchObject({
      pickingLink: false,
      linkStatus: '',
      variant: { closedLinks: [] },
    });
  });

  it('keeps the network variant: season, ferries out and closed links as typed once applied', () => {
    const state = run(
      { type: 'chooseSeason', season: 'winter' },
      { type: 'toggleFerry', linkId: 'f1', out: true },
      { type: 'toggleFerry', linkId: 'f2', out: true },
      { type: 'toggleFerry', linkId: 'f1', out: false },
      { type: 'typeClosed', text: 'b1, b2;b1  e7' },
    );
    // Typed ids wait for the planner to apply them, so each key press does not refuse a half-typed id.
    expect(state.variant).toEqual({ season: 'winter', ferriesOut: ['f2'], closedLinks: [] });
    const applied = workspaceReducer(state, { type: 'applyClosed' });
    expect(applied.variant.closedLinks).toEqual(['b1', 'b2', 'e7']);
    // Link ids belong to a network: choosing another keeps only the season.
    expect(workspaceReducer(applied, { type: 'chooseNetwork', name: 'other' })).toMatchObject({
      variant: { season: 'winter', ferriesOut: [], closedLinks: [] },
      closedText: '',
    });
    const loaded = workspaceReducer(applied, {
      type: 'loaded',
      scenario: { ...scenario('s'), variant: { season: 'summer', closedLinks: ['x'], ferriesOut: [] } },
    });
    expect(loaded).toMatchObject({ variant: { season: 'summer', closedLinks: ['x'] }, closedText: 'x' });
    // A scenario saved before variants is summer with everything open.
    expect(workspaceReducer(applied, { type: 'loaded', scenario: scenario('t') }).variant).toEqual({
      season: 'summer',
      closedLinks: [],
      ferriesOut: [],
    });
  });

  it('drops the selected unit when the service class changes', () => {
    const state = run({ type: 'selectUnit', code: 'U1' }, { type: 'chooseClass', serviceClass: 'OH' });
    expect(state).toMatchObject({ serviceClass: 'OH', selectedUnit: null });
  });

  it('picks a new place for the selected unit or for a new unit, never both', () => {
    const moving = run({ type: 'pickNew', on: true }, { type: 'pickMove', on: true });
    expect(moving).toMatchObject({ picking: true, pickingNew: false });
    const placing = workspaceReducer(moving, { type: 'pickNew', on: true });
    expect(placing).toMatchObject({ picking: false, pickingNew: true });
    const placed = workspaceReducer(placing, { type: 'placeNew', at: { x: 1, y: 2 }, message: 'placed' });
    expect(placed).toMatchObject({ pickingNew: false, pickedNew: { x: 1, y: 2 }, announcement: 'placed' });
    // Turning one off leaves the other as it was.
    expect(workspaceReducer(placing, { type: 'pickMove', on: false }).pickingNew).toBe(true);
  });

  it('announces each edit, and a move by the map ends the picking', () => {
    const close = [{ kind: 'close' as const, unitCode: 'U1' }];
    const edited = run({ type: 'pickMove', on: true }, { type: 'edit', changes: close, message: 'closed' });
    expect(edited).toMatchObject({ changes: close, announcement: 'closed', picking: true });
    const moved = workspaceReducer(edited, { type: 'moveSelected', changes: [], message: 'moved' });
    expect(moved).toMatchObject({ changes: [], announcement: 'moved', picking: false });
    expect(workspaceReducer(moved, { type: 'selectUnit', code: 'U3' })).toMatchObject({ picking: false });
  });

  it('takes a loaded scenario’s changes, year and decay, and forgets it once deleted', () => {
    const loaded = run({ type: 'typeYear', text: '2040' }, { type: 'loaded', scenario: scenario('s1') });
    expect(loaded).toMatchObject({
      current: { id: 's1' },
      changes: [{ kind: 'close', unitCode: 'U2' }],
      targetYear: 2030,
      yearText: '2030',
      catchmentText: '20',
      announcement: 'Scenario s1',
    });
    expect(decayOf(loaded)).toEqual({ kind: 'binary', catchmentMinutes: 20 });
    expect(workspaceReducer(loaded, { type: 'deleted', id: 'other' }).current?.id).toBe('s1');
    expect(workspaceReducer(loaded, { type: 'deleted', id: 's1' }).current).toBeNull();
  });

  it('evaluates on the road network chosen, and on the one a loaded scenario records', () => {
    const chosen = run({ type: 'chooseNetwork', name: 'north' });
    expect(chosen.roadNetwork).toBe('north');
    expect(workspaceReducer(chosen, { type: 'chooseNetwork', name: undefined }).roadNetwork).toBeUndefined();
    const recorded = {
      ...scenario('s3'),
      roadNetwork: { name: 'south', revision: 2, version: 'abc' },
    } as Scenario;
    expect(workspaceReducer(chosen, { type: 'loaded', scenario: recorded }).roadNetwork).toBe('south');
    // A scenario saved before networks were named takes the county's active one.
    expect(
      workspaceReducer(chosen, { type: 'loaded', scenario: scenario('s4') }).roadNetwork,
    ).toBeUndefined();
  });

  it('keeps a saved scenario as the current one and shows a comparison', () => {
    const saved = run({ type: 'saved', scenario: scenario('s2'), message: 'saved' });
    expect(saved).toMatchObject({ current: { id: 's2' }, announcement: 'saved' });
    const comparison = { scenarios: [], rows: [] } as unknown as ScenarioComparison;
    const compared = workspaceReducer(saved, { type: 'compared', comparison, message: 'compared' });
    expect(compared).toMatchObject({ comparison, announcement: 'compared', current: { id: 's2' } });
  });
});
