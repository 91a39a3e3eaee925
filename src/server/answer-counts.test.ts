import { describe, expect, it } from 'vitest';
import { answerCounts } from './answer-counts.js';

describe('answerCounts', () => {
  it('counts a list, or an object’s longest list, and the suppressed flags at any depth', () => {
    const values = [
      { areaCode: '398', value: 12, suppressed: false },
      { areaCode: '016', value: null, suppressed: true },
      { areaCode: '081', value: null, suppressed: true },
    ];
    expect(answerCounts(values, 'application/json')).toEqual({ rowsReturned: 3, cellsSuppressed: 2 });
    expect(
      answerCounts(
        { indicatorId: 'visits', breakdown: ['sex'], values, metadata: { notes: [] } },
        'application/json',
      ),
    ).toEqual({ rowsReturned: 3, cellsSuppressed: 2 });
  });

  it('counts features, not the coordinates of their geometries, and flags like populationSuppressed', () => {
    const feature = (suppressed: boolean) => ({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      properties: { population: suppressed ? null : 40, populationSuppressed: suppressed },
    });
    expect(
      answerCounts(
        { type: 'FeatureCollection', features: [feature(true), feature(false)] },
        'application/geo+json',
      ),
    ).toEqual({ rowsReturned: 2, cellsSuppressed: 1 });
  });

  it('counts one thing for an object with no list, CSV lines after the header, and no file', () => {
    expect(answerCounts({ id: 1, name: 'Set' }, 'application/json')).toEqual({
      rowsReturned: 1,
      cellsSuppressed: 0,
    });
    expect(answerCounts('\uFEFFrivi;sarake\r\n1;a\r\n2;b\r\n', 'text/csv')).toEqual({ rowsReturned: 2 });
    expect(answerCounts(Buffer.from('%PDF'), 'application/pdf')).toEqual({});
  });
});
