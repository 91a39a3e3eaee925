import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndicatorStore } from '../../indicators/testing.js';
import { IndicatorResult } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { indicatorOf, indicatorText } from './indicators.js';

let store: Store;
beforeAll(async () => {
  store = await openIndicatorStore();
});
afterAll(() => store.close());

// In 2023 municipality 102 had 3 health-centre visits and 103 had 2: both withheld from a manager.
const options = { level: 'municipality', period: 'year', year: '2023', role: 'manager', json: false };
const visits = () => indicatorOf('hc-visits-per-1000');

describe('soteatlas indicators --id', () => {
  it('marks withheld figures "<5" and says under them what the mark means', async () => {
    const text = await indicatorText(store, visits(), options);
    expect(text).toMatch(/^2023\s+102 Bäck\s+<5$/m);
    expect(text).toContain(
      '\n\n<5 = withheld: a figure about fewer than five people, or one from which such a figure could be worked out.\n',
    );
  });

  it('prints no legend when nothing is withheld', async () => {
    const text = await indicatorText(store, visits(), { ...options, role: 'analyst' });
    expect(text).toMatch(/^2023\s+102 Bäck\s+12/m);
    expect(text).not.toContain('<5');
  });

  it('keeps the legend out of JSON, where a withheld figure is null with suppressed true', async () => {
    const text = await indicatorText(store, visits(), { ...options, json: true });
    expect(text).not.toContain('<5 =');
    const result = IndicatorResult.parse(JSON.parse(text));
    expect(result.values.find((v) => v.areaCode === '102' && v.isTotal)).toMatchObject({
      value: null,
      suppressed: true,
    });
  });

  it('names the indicator it does not know', () => {
    expect(() => indicatorOf('nope')).toThrow(/no indicator nope/);
  });
});
