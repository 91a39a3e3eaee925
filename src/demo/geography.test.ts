import { describe, expect, it } from 'vitest';
import { merger, municipalityDefinitions } from './county-definition.js';
import { buildGeography, type Geography } from './geography.js';
import { cellColumn, cellRow } from './grid.js';

/** Number of 4-connected pieces a set of cells falls into. */
const pieces = (geography: Geography, cells: readonly number[]): number => {
  const { width } = geography.window;
  const members = new Set(cells);
  const seen = new Set<number>();
  let count = 0;
  for (const start of cells) {
    if (seen.has(start)) continue;
    count++;
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const cell = stack.pop() ?? 0;
      const column = cellColumn(geography.window, cell);
      const neighbours = [
        cell - width,
        cell + width,
        column > 0 ? cell - 1 : -1,
        column < width - 1 ? cell + 1 : -1,
      ];
      for (const next of neighbours) {
        if (members.has(next) && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
  }
  return count;
};

it('draws a different map for a different seed', () => {
  const seats = (seed: number) => buildGeography(seed, 2015).municipalities.map((m) => m.seat);
  expect(seats(1)).toEqual(seats(1));
  expect(seats(2)).not.toEqual(seats(1));
});

describe.each([1, 2, 3])('buildGeography with seed %i', (seed) => {
  const geography = buildGeography(seed, 2015);
  const originals = geography.municipalities.slice(0, municipalityDefinitions.length);

  it('splits every county cell into exactly one original municipality', () => {
    const counted = originals.reduce((sum, m) => sum + m.cells.length, 0);
    const county = geography.territory.inCounty.reduce((sum, inside) => sum + inside, 0);
    expect(counted).toBe(county);
    expect(new Set(originals.flatMap((m) => m.cells)).size).toBe(county);
  });

  it('gives each municipality, the merged one too, one contiguous piece holding its centre', () => {
    for (const municipality of geography.municipalities) {
      expect(pieces(geography, municipality.cells), municipality.code).toBe(1);
      const seatColumn = Math.floor(municipality.seat.x / 1000) - geography.window.westKm;
      const seatRow = Math.floor(municipality.seat.y / 1000) - geography.window.southKm;
      expect(
        municipality.cells.some(
          (cell) =>
            cellColumn(geography.window, cell) === seatColumn && cellRow(geography.window, cell) === seatRow,
        ),
      ).toBe(true);
    }
  });

  it('settles each municipality with weights that sum to one, and none on lakes', () => {
    for (const municipality of originals) {
      const sum = municipality.cells.reduce((s, cell) => s + (geography.settlement.weight[cell] ?? 0), 0);
      expect(sum).toBeCloseTo(1, 9);
      for (const cell of municipality.cells) {
        if (geography.settlement.lake[cell] === 1) expect(geography.settlement.weight[cell]).toBe(0);
      }
    }
  });

  it('versions the merger: predecessors end the year before the successor starts', () => {
    const successor = geography.municipalities.find((m) => m.code === merger.successor.code);
    expect(successor?.validFromYear).toBe(merger.year);
    for (const code of merger.predecessors) {
      expect(geography.municipalities.find((m) => m.code === code)?.validToYear).toBe(merger.year - 1);
    }
  });

  it('lies inside the plausible inland window of the national grid', () => {
    for (const municipality of geography.municipalities) {
      expect(municipality.seat.x).toBeGreaterThan(330_000);
      expect(municipality.seat.x).toBeLessThan(530_000);
      expect(municipality.seat.y).toBeGreaterThan(6_880_000);
      expect(municipality.seat.y).toBeLessThan(7_080_000);
    }
  });
});
