import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '../../../../src/model/index.js';
import { resolveChoice } from './choice.js';

const text = { fi: 'x', sv: 'x', en: 'x' };
const indicator = (id: string, extra: Partial<IndicatorDefinition> = {}) =>
  ({
    id,
    title: text,
    description: text,
    serviceArea: 'health',
    kind: 'rate',
    unit: text,
    decimals: 1,
    direction: 'higherIsBetter',
    numerator: { source: 'events', aggregate: 'count', filter: {} },
    denominator: { source: 'population', ageFrom: 0, ageTo: 100 },
    perN: 1000,
    interval: 'poisson',
    periods: ['year', 'month'],
    levels: ['county', 'municipality'],
    breakdowns: ['sex'],
    ...extra,
  }) as IndicatorDefinition;

describe('resolveChoice', () => {
  const indicators = [
    indicator('visits'),
    indicator('costs', { periods: ['year'], levels: ['county'], breakdowns: [] }),
  ];

  it('takes what the URL names when the indicator allows it', () => {
    const choice = resolveChoice(
      new URLSearchParams('id=visits&level=county&type=month&breakdown=sex&period=2024-03'),
      indicators,
    );
    expect(choice).toMatchObject({
      level: 'county',
      periodType: 'month',
      breakdown: 'sex',
      period: '2024-03',
    });
    expect(choice?.indicator.id).toBe('visits');
  });

  it('falls back to what the indicator allows', () => {
    const choice = resolveChoice(
      new URLSearchParams('id=costs&level=municipality&type=month&breakdown=sex'),
      indicators,
    );
    expect(choice).toMatchObject({
      level: 'county',
      periodType: 'year',
      breakdown: undefined,
      period: undefined,
    });
  });

  it('opens the first indicator for an unknown id, and nothing when there are none', () => {
    expect(resolveChoice(new URLSearchParams('id=nope'), indicators)?.indicator.id).toBe('visits');
    expect(resolveChoice(new URLSearchParams(''), [])).toBeUndefined();
  });
});
