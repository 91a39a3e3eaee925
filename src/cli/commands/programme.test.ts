import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerWithRoles } from '../../model/index.js';
import { createProject } from '../../programme/index.js';
import { openTestState, type TestState } from '../../state/testing.js';
import { programmeOf, programmeStatusText } from './programme.js';

let opened: TestState;
beforeAll(async () => {
  opened = await openTestState('embedded', '99');
});
afterAll(() => opened.close());

describe('soteatlas programme status', () => {
  it('prints one line a project with its course, and the counts, in the language asked', async () => {
    const view = await programmeOf(opened.store, opened.state, viewerWithRoles(['manager']));
    const text = programmeStatusText(view, 'fi');
    expect(text).toMatch(/^Muutosohjelman tilannekatsaus \d{1,2}\.\d{1,2}\.\d{4}\n/);
    expect(text).toContain('H01   Kotihoidon vahvistaminen');
    expect(text).toContain('Keltainen');
    const total = Object.values(view.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(8);
    expect(text).toMatch(/Ei tietoa \d/);
  });
});

describe('soteatlas programme status with a figure about few people', () => {
  let few: TestState;
  beforeAll(async () => {
    few = await openTestState('embedded', '99');
    // The sample county had one health-centre visit in 2024: withheld from anyone but an analyst.
    await createProject(few.state, {
      code: 'H9',
      name: 'Terveysasemien vastaanotot',
      phase: 'implementation',
      start: '2023-01-01',
      end: '2025-12-31',
      effects: [
        {
          indicatorId: 'hc-visits-per-1000',
          scope: { level: 'county', code: null },
          baselinePeriod: '2023',
          baselineValue: 5,
          expectedValue: 10,
          expectedBy: '2025',
        },
      ],
    });
  });
  afterAll(() => few.close());

  it('marks it "<5" and says under the projects what the mark means, in the language asked', async () => {
    const view = await programmeOf(few.store, few.state, viewerWithRoles(['manager']));
    const english = programmeStatusText(view, 'en');
    expect(english).toMatch(/^ {8}.* 2024: <5 \(/m);
    expect(english).toMatch(
      /\n\n<5 = hidden: the figure is about fewer than five people, or such a figure could be worked out from it; .*\n$/,
    );
    expect(programmeStatusText(view, 'fi')).toMatch(
      /\n\n<5 = suojattu: luku koskee alle viittä henkilöä, .*\n$/,
    );
  });

  it('prints no legend to an analyst, who sees the figure', async () => {
    const text = programmeStatusText(await programmeOf(few.store, few.state, viewerWithRoles(['analyst'])));
    expect(text).toMatch(/^ {8}.* 2024: 6\.7 \(/m);
    expect(text).not.toContain('<5');
  });
});
