import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainDefinition } from '../../../../src/model/index.js';
import { blankDraft, blankStep, copyDraft, draftOf, moveStep, readDraft } from './draft.js';

const dir = new URL('../../../../config/chains/', import.meta.url);
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ChainDefinition.parse(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const hip = shipped.find((c) => c.id === 'hip-fracture') as ChainDefinition;
const catalogue = new Set(shipped.flatMap((c) => c.steps.flatMap((s) => s.serviceClasses)));

describe('the chain editor’s draft', () => {
  it('reads every shipped chain back unchanged', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(5);
    for (const chain of shipped)
      expect(readDraft(draftOf(chain), catalogue)).toEqual({ definition: chain, errors: null });
  });

  it('names each wrong field with its reason', () => {
    const draft = draftOf(hip);
    const [first, second] = draft.steps;
    if (!first || !second) throw new Error('hip-fracture has fewer than two steps');
    const read = readDraft(
      {
        ...draft,
        nameSv: ' ',
        ageFrom: '80',
        ageTo: '65',
        washoutDays: '90.5',
        steps: [
          { ...first, serviceClasses: `${[...catalogue][0]}, NOPE`, kinds: [], maxDaysToNext: '' },
          { ...second, code: first.code },
          ...draft.steps.slice(2),
        ],
      },
      catalogue,
    );
    expect(read.errors).toEqual({
      nameSv: { code: 'required' },
      ageTo: { code: 'ageOrder' },
      washoutDays: { code: 'wholeNumber', min: 0, max: 3650 },
      [`steps.${first.key}.serviceClasses`]: { code: 'unknownServiceClasses', codes: ['NOPE'] },
      [`steps.${first.key}.kinds`]: { code: 'noKind' },
      [`steps.${first.key}.maxDaysToNext`]: { code: 'required' },
      [`steps.${second.key}.code`]: { code: 'duplicateStepCode' },
    });
  });

  it('asks for a blank step’s fields and refuses a chain of one step', () => {
    const draft = draftOf(hip);
    const blank = blankStep(draft);
    expect(draft.steps.map((s) => s.key)).not.toContain(blank.key);
    const added = readDraft({ ...draft, steps: [...draft.steps, blank] });
    // The step that was last now needs its time to a next.
    const wasLast = draft.steps.at(-1)?.key;
    expect(Object.keys(added.errors ?? {}).sort()).toEqual(
      [
        `steps.${wasLast}.maxDaysToNext`,
        ...['code', 'nameEn', 'nameFi', 'nameSv', 'serviceClasses'].map((f) => `steps.${blank.key}.${f}`),
      ].sort(),
    );
    expect(readDraft({ ...draft, steps: draft.steps.slice(0, 1) }).errors).toEqual({
      steps: { code: 'stepCount', min: 2, max: 8 },
    });
  });

  it('moves a step anywhere, keeping the others in order, and the last step needs no time to a next', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(), fc.nat(), (chain, a, b) => {
        const draft = draftOf(chain);
        const n = draft.steps.length;
        const [from, to] = [a % n, b % n];
        const moved = moveStep(draft.steps, from, to);
        expect(moved[to]).toBe(draft.steps[from]);
        expect(moved.filter((s) => s !== draft.steps[from])).toEqual(
          draft.steps.filter((_, i) => i !== from),
        );
        // Every shipped step but the last has a limit, so any order reads as long as the step now last
        // drops its limit and the one that was last is given one.
        const filled = moved.map((s) => ({ ...s, maxDaysToNext: s.maxDaysToNext || '30' }));
        const read = readDraft({ ...draft, steps: filled });
        expect(read.errors).toBeNull();
        expect(read.definition?.steps.at(-1)?.maxDaysToNext).toBeUndefined();
        expect(read.definition?.steps.map((s) => s.code)).toEqual(moved.map((s) => s.code));
      }),
      { numRuns: 100 },
    );
  });

  it('reads the return rule’s days and events, and names a wrong one', () => {
    const draft = draftOf(hip);
    const read = readDraft({ ...draft, returns: { ...draft.returns, withinDays: '14' } }, catalogue);
    expect(read.definition?.returns).toEqual({ ...hip.returns, withinDays: 14 });
    const wrong = readDraft(
      { ...draft, returns: { ...draft.returns, withinDays: '0', serviceClasses: 'NOPE', kinds: [] } },
      catalogue,
    );
    expect(wrong.errors).toEqual({
      'returns.withinDays': { code: 'wholeNumber', min: 1, max: 365 },
      'returns.serviceClasses': { code: 'unknownServiceClasses', codes: ['NOPE'] },
      'returns.kinds': { code: 'noKind' },
    });
  });

  it('asks a new chain for an id that is well formed and not taken', () => {
    const taken = new Set(shipped.map((c) => c.id));
    const copy = copyDraft(hip);
    expect(readDraft(copy, catalogue, taken).errors).toEqual({ id: { code: 'required' } });
    for (const id of ['Hip', 'hip fracture', 'hip--fracture', '-hip', 'x'.repeat(65)])
      expect(readDraft({ ...copy, id }, catalogue, taken).errors, id).toEqual({ id: { code: 'chainId' } });
    expect(readDraft({ ...copy, id: 'hip-fracture' }, catalogue, taken).errors).toEqual({
      id: { code: 'takenChainId' },
    });
    expect(readDraft({ ...copy, id: 'hip-fracture-2' }, catalogue, taken)).toEqual({
      definition: { ...hip, id: 'hip-fracture-2' },
      errors: null,
    });
  });

  it('starts a chain from scratch with two blank steps and the rules filled in', () => {
    const blank = blankDraft();
    const read = readDraft(blank, catalogue, new Set());
    expect(Object.keys(read.errors ?? {}).sort()).toEqual(
      [
        'id',
        'nameEn',
        'nameFi',
        'nameSv',
        'returns.serviceClasses',
        ...blank.steps.flatMap((s) =>
          ['code', 'nameEn', 'nameFi', 'nameSv', 'serviceClasses'].map((f) => `steps.${s.key}.${f}`),
        ),
        `steps.${blank.steps[0]?.key}.maxDaysToNext`,
      ].sort(),
    );
  });
});
