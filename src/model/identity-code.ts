/**
 * Finnish personal identity code (henkilötunnus): DDMMYY, a century sign, a three-digit individual
 * number and a check character. Since 2023 the century signs are "+" (1800s), "-YXWVU" (1900s) and
 * "ABCDEF" (2000s) (Population Information Act, Digital and Population Data Services Agency).
 * The check character is (DDMMYY·1000 + individual number) mod 31, indexed into the alphabet below.
 */
const checkAlphabet = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export const centurySigns = ['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F'] as const;

/**
 * Characters that stand for the "-" century sign when a code has passed through a word processor,
 * a spreadsheet or a web form: hyphen, the Unicode dashes U+2010–U+2015, minus sign, soft hyphen,
 * small and full-width hyphen-minus.
 */
export const hyphenLikes = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00AD\uFE63\uFF0D';
/** Small and full-width plus, which stand for "+" the same way. */
const plusLikes = '+\uFE62\uFF0B';

/** A regular-expression character class of the given characters, "-" escaped. */
const classOf = (chars: string): string => `[${chars.replace('-', '\\-')}]`;
const signClass = classOf(`${plusLikes}${hyphenLikes}YXWVUABCDEF`);

/**
 * Matches the shape only, in any letter case and with any hyphen-like sign; `isPersonalIdentityCode`
 * also checks the date and the check character. A letter or digit right before or after means the
 * digits are part of a longer token (an order number, say), not a code.
 */
export const identityCodeShape = new RegExp(
  `(?<![0-9A-Za-z])(\\d{6})(${signClass})(\\d{3})([0-9A-Y])(?![0-9A-Za-z])`,
  'gi',
);

const exactShape = new RegExp(`^(\\d{2})(\\d{2})(\\d{2})(${signClass})(\\d{3})([0-9A-Y])$`);

const centuryOf = (sign: string): number => (sign === '+' ? 1800 : '-YXWVU'.includes(sign) ? 1900 : 2000);

/** Upper case, every hyphen-like sign as "-" and every plus-like sign as "+". */
const canonicalSigns = (value: string): string =>
  value
    .toUpperCase()
    .replace(new RegExp(classOf(hyphenLikes), 'g'), '-')
    .replace(new RegExp(classOf(plusLikes), 'g'), '+');

export const identityCodeCheckCharacter = (dateDigits: string, individualNumber: string): string =>
  checkAlphabet[Number(dateDigits + individualNumber) % 31] ?? '';

/** Whether a value is a valid code: a real date and the right check character; case, dashes, spaces and quotes aside. */
export const isPersonalIdentityCode = (value: string): boolean => {
  const bare = value.replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«»]+$/g, '');
  const m = exactShape.exec(canonicalSigns(bare));
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
