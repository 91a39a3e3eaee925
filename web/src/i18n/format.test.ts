import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format.js';

// Intl separates thousands with a narrow no-break space in fi-FI and sv-FI; normalise for readability.
const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting', () => {
  it('writes dates as Finns do in Finnish and Swedish, and in the British style in English', () => {
    expect(formatDate('fi', '2025-11-02')).toBe('2.11.2025');
    expect(formatDate('sv', '2025-11-02')).toBe('2.11.2025');
    expect(formatDate('en', '2025-11-02')).toBe('02/11/2025');
  });

  it('reads a calendar date as that day, not as UTC midnight', () => {
    expect(formatDate('fi', '2025-01-01')).toBe('1.1.2025');
  });

  it('writes times with a dot in Finnish and a colon in English', () => {
    const local = new Date(2025, 10, 2, 14, 5).toISOString();
    expect(formatDateTime('fi', local)).toBe('2.11.2025 klo 14.05');
    expect(formatDateTime('sv', local)).toBe('2.11.2025 14.05');
    expect(formatDateTime('en', local)).toBe('02/11/2025, 14:05');
  });

  it('groups thousands with a space and uses a decimal comma in Finnish and Swedish', () => {
    expect(plainSpaces(formatNumber('fi', 1234567.5))).toBe('1 234 567,5');
    expect(plainSpaces(formatNumber('sv', 1234567.5))).toBe('1 234 567,5');
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
  });
});
