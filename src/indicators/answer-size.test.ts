import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoteatlasError } from '../model/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { checkAnswerSize, maxValuesPerIndicator } from './answer-size.js';

let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => store.close());

describe('checkAnswerSize', () => {
  it('lets through what the app asks for', async () => {
    await expect(
      checkAnswerSize(store, { level: 'municipality', breakdown: ['ageBand', 'sex'] }, 12 * 30),
    ).resolves.toBeUndefined();
    await expect(checkAnswerSize(store, { level: 'county', breakdown: [] }, 12)).resolves.toBeUndefined();
  });

  it('refuses, as too large, an answer of more values than the cap, before computing any', async () => {
    const [row] = await store.all<{ n: number }>(
      "SELECT count(DISTINCT code) AS n FROM areas WHERE level = 'municipality'",
    );
    const municipalities = Number(row?.n);
    // Just over the cap with age bands and sex (2 × the bands) at the municipality level.
    const periods = Math.ceil(maxValuesPerIndicator / municipalities / 2) + 1;
    const refusal = checkAnswerSize(store, { level: 'municipality', breakdown: ['sex'] }, periods);
    await expect(refusal).rejects.toBeInstanceOf(SoteatlasError);
    await expect(refusal).rejects.toMatchObject({ code: 'tooLarge' });
    await expect(refusal).rejects.toThrow(/fewer years, longer periods/);
    await expect(
      checkAnswerSize(store, { level: 'municipality', breakdown: ['sex'] }, periods - 2),
    ).resolves.toBeUndefined();
  });
});
