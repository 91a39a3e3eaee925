import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageLabel, bandRows, largestFigure, type PyramidRow, sumFigures } from './pyramid.js';

const known = (value: number) => ({ value, suppressed: false });
const withheld = { value: null, suppressed: true };
const single = (age: number, male: number, female: number): PyramidRow => ({
  ageFrom: age,
  ageTo: age,
  male: known(male),
  female: known(female),
});

describe('sumFigures', () => {
  it('adds known figures', () => {
    expect(sumFigures([known(3), known(4)])).toEqual(known(7));
  });

  it('is not known when a part is withheld (neither the known parts nor "fewer than five")', () => {
    expect(sumFigures([known(30), withheld])).toEqual({ value: null, suppressed: false });
    expect(sumFigures([known(30), { value: null, suppressed: false }])).toEqual({
      value: null,
      suppressed: false,
    });
  });
});

describe('bandRows', () => {
  const ages = Array.from({ length: 101 }, (_, age) => single(age, age, 2 * age));

  it('gathers single years into five-year bands with 100+ on its own', () => {
    const bands = bandRows(ages, 5);
    expect(bands).toHaveLength(21);
    expect(bands[0]).toEqual({ ageFrom: 0, ageTo: 4, male: known(10), female: known(20) });
    expect(bands[19]).toMatchObject({ ageFrom: 95, ageTo: 99, male: known(485) });
    expect(bands[20]).toEqual({ ageFrom: 100, ageTo: 100, male: known(100), female: known(200) });
  });

  it('keeps single years in age order', () => {
    const reversed = [...ages].reverse();
    expect(bandRows(reversed, 1).map((row) => row.ageFrom)).toEqual(ages.map((row) => row.ageFrom));
  });

  it('keeps the population: bands add up to the single years', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 101, maxLength: 101 }),
        (counts) => {
          const rows = counts.map((count, age) => single(age, count, count + 1));
          const sum = (list: PyramidRow[]) => list.reduce((total, row) => total + (row.male.value ?? 0), 0);
          expect(sum(bandRows(rows, 5))).toBe(sum(rows));
        },
      ),
    );
  });
});

describe('ageLabel', () => {
  it('writes single ages, bands and the open-ended oldest band', () => {
    expect(ageLabel({ ageFrom: 37, ageTo: 37 })).toBe('37');
    expect(ageLabel({ ageFrom: 0, ageTo: 4 })).toBe('0–4');
    expect(ageLabel({ ageFrom: 100, ageTo: 100 })).toBe('100+');
  });
});

describe('largestFigure', () => {
  it('is the largest known figure of any sex, age and year', () => {
    expect(
      largestFigure([[single(0, 5, 9)], [single(0, 12, 3), { ...single(1, 0, 0), male: withheld }]]),
    ).toBe(12);
  });
});
