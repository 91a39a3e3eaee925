import { describe, expect, it } from 'vitest';
import { axisFormat, decimalFormat } from './format.js';

describe('decimalFormat', () => {
  it('writes the indicator’s decimals in the reader’s locale', () => {
    expect(decimalFormat('fi', 1)(1234.56)).toBe('1\u00a0234,6');
    expect(decimalFormat('en', 1)(1234.56)).toBe('1,234.6');
    expect(decimalFormat('sv', 0)(1234.56)).toBe('1\u00a0235');
  });
});

describe('axisFormat', () => {
  it('gives as many decimals as the tick step needs', () => {
    expect(axisFormat('en', 0.05)(0.5)).toBe('0.50');
    expect(axisFormat('en', 0.2)(0.4)).toBe('0.4');
    expect(axisFormat('en', 20)(40)).toBe('40');
  });
});
