import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centurySigns, identityCodeCheckCharacter, isPersonalIdentityCode } from '../model/index.js';
import { IdentityCodeGuard } from './identity-guard.js';

const codeFor = (dd: number, mm: number, yy: number, sign: string, individual: number): string => {
  const date = `${String(dd).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(yy).padStart(2, '0')}`;
  const number = String(individual).padStart(3, '0');
  return `${date}${sign}${number}${identityCodeCheckCharacter(date, number)}`;
};

describe('personal identity codes', () => {
  it('recognises a published example code', () => {
    // The Digital and Population Data Services Agency's example: 131052-308T.
    expect(isPersonalIdentityCode('131052-308T')).toBe(true);
    expect(isPersonalIdentityCode('131052-308U')).toBe(false);
  });

  it.each(centurySigns)('recognises codes with century sign %s', (sign) => {
    expect(isPersonalIdentityCode(codeFor(24, 11, 5, sign, 123))).toBe(true);
  });

  it('accepts every valid date and rejects a wrong check character', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 2, max: 899 }),
        fc.nat(),
        (date, individual, pick) => {
          const year = date.getUTCFullYear();
          const signs =
            year < 1900
              ? ['+']
              : year < 2000
                ? ['-', 'Y', 'X', 'W', 'V', 'U']
                : ['A', 'B', 'C', 'D', 'E', 'F'];
          const sign = signs[pick % signs.length] ?? '-';
          const code = codeFor(date.getUTCDate(), date.getUTCMonth() + 1, year % 100, sign, individual);
          expect(isPersonalIdentityCode(code)).toBe(true);
          const wrong = code.slice(0, 10) + (code.endsWith('0') ? '1' : '0');
          expect(isPersonalIdentityCode(wrong)).toBe(false);
        },
      ),
    );
  });

  it('recognises a code in any letter case, with any hyphen-like sign, spaces and quotes around it', () => {
    for (const spelling of [
      '131052-308t',
      ' "131052\u2013308T" ',
      '131052\u00AD308T',
      '131052\uFF0D308t',
      "'131052\u2212308T'",
    ])
      expect(isPersonalIdentityCode(spelling), spelling).toBe(true);
    expect(isPersonalIdentityCode(codeFor(24, 11, 5, 'a', 123).toLowerCase())).toBe(true);
    expect(isPersonalIdentityCode('131052 308T')).toBe(false);
  });

  it('does not take digits inside a longer token for a code', () => {
    const guard = new IdentityCodeGuard();
    guard.checkFields(['ORD131052-308T', '131052-308T4', 'x'.repeat(50)]);
    expect(guard.found).toBe(false);
  });

  it('does not mistake dates, ids or an impossible date for a code', () => {
    expect(isPersonalIdentityCode('2024-01-15')).toBe(false);
    expect(isPersonalIdentityCode('1234567-8')).toBe(false);
    expect(isPersonalIdentityCode(codeFor(30, 2, 24, 'A', 123))).toBe(false);
  });

  it('counts codes per column and describes them without echoing any', () => {
    const guard = new IdentityCodeGuard();
    const code = codeFor(1, 2, 3, 'A', 45);
    guard.checkFields(['x', code, '12']);
    guard.checkFields(['y', ` ${codeFor(5, 6, 77, '-', 888)}`, '13']);
    guard.checkFields(['z', 'ok', '14']);
    expect(guard.countsByColumn).toEqual(new Map([[1, 2]]));
    const refusal = guard.describe(['id', 'hetu', 'age']);
    expect(refusal).toEqual({ code: 'identityCodes', params: { columns: '"hetu" (2)' } });
    expect(JSON.stringify(refusal)).not.toContain(code);
    expect(IdentityCodeGuard.mayContain(`a;b\n1;${code};3\n`)).toBe(true);
    expect(IdentityCodeGuard.mayContain('a;b\n1;2024-01-01;3\n')).toBe(false);
  });
});
