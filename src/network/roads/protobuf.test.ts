import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtoReader, ProtoWriter } from './protobuf.js';

describe('protobuf primitives', () => {
  it('reads back what the writer wrote: varints, signed varints up to 2^53, strings, packed fields', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 53 - 1 }),
        fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
        fc.string(),
        fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 })),
        (unsigned, signed, text, list) => {
          const bytes = new ProtoWriter()
            .varint(1, unsigned)
            .signed(2, signed)
            .string(3, text)
            .packed(4, list, true)
            .finish();
          const reader = new ProtoReader(bytes);
          const seen: Record<number, unknown> = {};
          while (!reader.done) {
            const { field, wire } = reader.tag();
            if (field === 1) seen[1] = reader.varint();
            else if (field === 2) seen[2] = reader.signed();
            else if (field === 3) seen[3] = reader.string();
            else if (field === 4) seen[4] = reader.packed(true);
            else reader.skip(wire);
          }
          expect(seen).toEqual({ 1: unsigned, 2: signed, 3: text, 4: list });
        },
      ),
    );
  });

  it('skips fields it does not ask for, of every wire type it may meet', () => {
    const bytes = Uint8Array.from([
      ...new ProtoWriter()
        .string(7, 'skipped')
        .varint(8, 2 ** 40)
        .finish(),
      ...[0x49, 1, 2, 3, 4, 5, 6, 7, 8], // field 9, fixed64
      ...[0x55, 1, 2, 3, 4], // field 10, fixed32
      ...new ProtoWriter().varint(1, 42).finish(),
    ]);
    const reader = new ProtoReader(bytes);
    let found = -1;
    while (!reader.done) {
      const { field, wire } = reader.tag();
      if (field === 1) found = reader.varint();
      else reader.skip(wire);
    }
    expect(found).toBe(42);
  });

  it('encodes 300 as the protobuf documentation does (ac 02)', () => {
    expect([...new ProtoWriter().varint(1, 300).finish()]).toEqual([0x08, 0xac, 0x02]);
  });

  it('refuses truncated input', () => {
    expect(
      () =>
        new ProtoReader(Uint8Array.from([0x08, 0xac])).tag() &&
        new ProtoReader(Uint8Array.from([0xac])).varint(),
    ).toThrow(/truncated/);
  });
});
