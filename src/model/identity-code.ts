/**
 * Finnish personal identity code (henkilötunnus): DDMMYY, a century sign, a three-digit individual
 * number and a check character. Since 2023 the century signs are "+" (1800s), "-YXWVU" (1900s) and
 * "ABCDEF" (2000s) (Population Information Act, Digital and Population Data Services Agency).
 * The check character is (DDMMYY·1000 + individual number) mod 31, indexed into the alphabet below.
 */
const checkAlphabet = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export const centurySigns = ['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F'] as const;

/** Matches the shape only; `isPersonalIdentityCode` also checks the date and the check character. */
export const identityCodeShape = /(?<![0-9A-Za-z])(\d{6})([-+YXWVUABCDEF])(\d{3})([0-9A-Y])(?![0-9A-Za-z])/g;

const centuryOf = (sign: string): number => (sign === '+' ? 1800 : '-YXWVU'.includes(sign) ? 1900 : 2000);

export const identityCodeCheckCharacter = (dateDigits: string, individualNumber: string): string =>
  checkAlphabet[Number(dateDigits + individualNumber) % 31] ?? '';

export const isPersonalIdentityCode = (value: string): boolean => {
  const m = /^(\d{2})(\d{2})(\d{2})([-+YXWVUABCDEF])(\d{3})([0-9A-Y])$/.exec(value.trim().toUpperCase());
  if (!m) return false;
  const [, dd, mm, yy, sign, individual, check] = m as unknown as string[];
  const year = centuryOf(sign as string) + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  const validDate =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === Number(mm) - 1 &&
    date.getUTCDate() === Number(dd);
  return validDate && identityCodeCheckCharacter(`${dd}${mm}${yy}`, individual as string) === check;
};

/** Every valid identity code inside a longer text, e.g. one line of a file. */
export const findIdentityCodes = (text: string): { index: number; length: number }[] => {
  const found: { index: number; length: number }[] = [];
  for (const m of text.matchAll(identityCodeShape)) {
    if (isPersonalIdentityCode(m[0])) found.push({ index: m.index ?? 0, length: m[0].length });
  }
  return found;
};
