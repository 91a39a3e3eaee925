import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonItemScanner } from './json-scanner.js';
import { cutAt } from './testing.js';

const scan = (chunks: string[], member?: string) => {
  const scanner = new JsonItemScanner(member);
  const items: unknown[] = [];
  const members: unknown[] = [];
  for (const c of chunks)
    scanner.push(
      c,
      (raw) => items.push(JSON.parse(raw)),
      (raw) => members.push(JSON.parse(`{${raw}}`)),
    );
  return { items, members };
};

describe('JsonItemScanner', () => {
  it('yields the features of a FeatureCollection and hands over the other members', () => {
    const doc =
      '{"type": "FeatureCollection", "crs": {"properties": {"name": "EPSG:3067"}}, "features": [{"a": [1, 2]}, {"b": "]},["}]}';
    expect(scan([doc], 'features')).toEqual({
      items: [{ a: [1, 2] }, { b: ']},[' }],
      members: [{ type: 'FeatureCollection' }, { crs: { properties: { name: 'EPSG:3067' } } }],
    });
  });

  it('yields the same items as JSON.parse, wherever the text is cut', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        (items, points, wrapped) => {
          const text = wrapped
            ? JSON.stringify({ before: { x: '[,]' }, features: items, after: 1 }, null, 1)
            : JSON.stringify(items, null, 2);
          const result = scan(cutAt(text, points), wrapped ? 'features' : undefined);
          // JSON.stringify writes -0 as 0, so compare through JSON.
          expect(JSON.stringify(result.items)).toBe(JSON.stringify(items));
          if (wrapped) expect(result.members).toEqual([{ before: { x: '[,]' } }, { after: 1 }]);
        },
      ),
    );
  });
});
