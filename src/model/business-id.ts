/**
 * Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit. The check digit is
 * 11 − (Σ digit·weight mod 11) with weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0 and
 * remainder 1 is never issued (Finnish Tax Administration / PRH).
 */
const weights = [7, 9, 10, 5, 8, 4, 2];

export const businessIdCheckDigit = (sevenDigits: string): number | undefined => {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(sevenDigits[i]) * (weights[i] ?? 0);
  const remainder = sum % 11;
  if (remainder === 1) return undefined;
  return remainder === 0 ? 0 : 11 - remainder;
};

export const isValidBusinessId = (value: string): boolean => {
  const m = /^(\d{7})-(\d)$/.exec(value);
  if (!m || m[1] === undefined) return false;
  return businessIdCheckDigit(m[1]) === Number(m[2]);
};
