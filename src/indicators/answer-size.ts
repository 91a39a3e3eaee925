import {
  type BreakdownDimension,
  Channel,
  type IndicatorRequest,
  populationAgeGroups,
  SoteatlasError,
} from '../model/index.js';
import type { Store } from '../store/index.js';

/**
 * The most values one request may ask for, per indicator. A county's month-by-month figures for every
 * grid cell over decades, broken down twice, would be tens of millions of values: more than anyone can
 * read, and more than the server’s memory. Far above what the app asks for (a year of months by
 * municipality and two breakdowns is some thousands).
 */
export const maxValuesPerIndicator = 500_000;

const countOf = async (store: Store, sql: string, params: (string | number)[] = []): Promise<number> => {
  const [row] = await store.all<{ n: number }>(sql, params);
  return Math.max(1, Number(row?.n ?? 0));
};

/** How many categories a breakdown can have in this store, at most. */
const categoriesOf = async (store: Store, dimension: BreakdownDimension): Promise<number> => {
  switch (dimension) {
    case 'ageBand':
      return populationAgeGroups.length;
    case 'sex':
      return 2;
    case 'channel':
      return Channel.options.length;
    case 'serviceClass':
      return countOf(store, 'SELECT count(*) AS n FROM service_classes');
    // Events may name no producer or unit: that is one more category, "?".
    case 'producer':
      return 1 + (await countOf(store, 'SELECT count(*) AS n FROM producers'));
    case 'unit':
      return 1 + (await countOf(store, 'SELECT count(*) AS n FROM units'));
  }
};

/**
 * Refuses a request whose answer would hold more than `maxValuesPerIndicator` values, as the areas of its
 * level times its periods times the categories of each breakdown, before any of it is computed.
 */
export const checkAnswerSize = async (
  store: Store,
  request: Pick<IndicatorRequest, 'level' | 'breakdown'>,
  periodCount: number,
): Promise<void> => {
  // Every area of the level is computed, whatever areas are asked for: disclosure control needs them all.
  const areas =
    request.level === 'county'
      ? 1
      : await countOf(store, 'SELECT count(DISTINCT code) AS n FROM areas WHERE level = $1', [request.level]);
  let values = areas * periodCount;
  for (const dimension of request.breakdown) values *= await categoriesOf(store, dimension);
  if (values > maxValuesPerIndicator)
    throw new SoteatlasError(
      'tooLarge',
      `The answer would hold about ${values.toLocaleString('en-GB')} values per indicator, more than the ${maxValuesPerIndicator.toLocaleString('en-GB')} a request may ask for: ask for fewer years, longer periods, a larger area level or fewer breakdowns.`,
    );
};
