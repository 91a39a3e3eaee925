import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, formatCents, formatDecimalComma } from './csv.js';

describe('csvField', () => {
  it('quotes only fields that hold the delimiter, a quote or a line break', () => {
    expect(csvField('Järvilinna')).toBe('Järvilinna');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(undefined)).toBe('');
  });

  it('joins a line with the delimiter and a newline', () => {
    expect(csvLine(['kunta', 951, undefined, 'x;y'])).toBe('kunta;951;;"x;y"\n');
  });
});

describe('formatCents', () => {
  it('writes two decimals with the chosen separator', () => {
    expect(formatCents(8540)).toBe('85,40');
    expect(formatCents(5, '.')).toBe('0.05');
    expect(formatCents(-123456)).toBe('-1234,56');
  });

  it('reads back as the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(Math.round(Number(formatCents(cents).replace(',', '.')) * 100)).toBe(cents);
      }),
    );
  });

  it('agrees with toFixed', () => {
    expect(formatDecimalComma(1234.5, 2)).toBe('1234,50');
  });
});
