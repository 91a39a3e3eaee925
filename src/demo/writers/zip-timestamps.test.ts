import { describe, expect, it } from 'vitest';
import { dosDateTime, withFixedZipTimestamps } from './zip-timestamps.js';

/** A one-entry archive ("a.txt" = "hi", stored), as `zip -0` writes it, stamped 2001-02-03 04:05:06. */
const archive = (): Buffer => {
  const name = Buffer.from('a.txt');
  const data = Buffer.from('hi');
  const { time, date } = dosDateTime(new Date(Date.UTC(2001, 1, 3, 4, 5, 6)));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(2, 18);
  local.writeUInt32LE(2, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(time, 12);
  central.writeUInt16LE(date, 14);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
};

describe('withFixedZipTimestamps', () => {
  it('encodes MS-DOS dates and times', () => {
    expect(dosDateTime(new Date(Date.UTC(1980, 0, 1, 0, 0, 0)))).toEqual({ time: 0, date: 33 });
    expect(dosDateTime(new Date(Date.UTC(2026, 1, 14, 9, 30, 10)))).toEqual({
      time: (9 << 11) | (30 << 5) | 5,
      date: (46 << 9) | (2 << 5) | 14,
    });
  });

  it('restamps both headers of every entry and touches nothing else', () => {
    const original = archive();
    const moment = new Date(Date.UTC(2026, 1, 14, 9, 30, 0));
    const fixed = withFixedZipTimestamps(original, moment);
    const { time, date } = dosDateTime(moment);
    expect(fixed.readUInt16LE(10)).toBe(time);
    expect(fixed.readUInt16LE(12)).toBe(date);
    const central = 30 + 5 + 2;
    expect(fixed.readUInt16LE(central + 12)).toBe(time);
    expect(fixed.readUInt16LE(central + 14)).toBe(date);
    const changed = [...fixed].flatMap((byte, i) => (byte === original[i] ? [] : [i]));
    expect(
      changed.every((i) =>
        [10, 11, 12, 13, central + 12, central + 13, central + 14, central + 15].includes(i),
      ),
    ).toBe(true);
  });

  it('refuses what is not a ZIP archive', () => {
    expect(() => withFixedZipTimestamps(Buffer.from('not a zip file, clearly not'), new Date())).toThrow(
      /not a ZIP/,
    );
  });
});
