import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerWithRoles } from '../../model/index.js';
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
