/**
 * Small-number suppression for figures about people. THL's and Statistics Finland's practice is to
 * withhold counts of 1–4 so that nobody can be recognised from a table; zero is shown, since it
 * describes nobody. A withheld figure is served as null with `suppressed: true`, never as 0, so that a
 * reader cannot mistake it for a real zero.
 *
 * `discloseCount` is primary suppression of one figure on its own. A table whose totals are also
 * published needs complementary suppression as well (`complementarySuppression` in
 * src/indicators/complementary-suppression.ts): otherwise a withheld cell is its total minus the other
 * parts.
 */
export const smallestDisclosedCount = 5;

export interface DisclosedCount {
  value: number | null;
  suppressed: boolean;
}

export const discloseCount = (
  count: number | null | undefined,
  smallest: number = smallestDisclosedCount,
): DisclosedCount => {
  if (count === null || count === undefined) return { value: null, suppressed: false };
  if (count > 0 && count < smallest) return { value: null, suppressed: true };
  return { value: count, suppressed: false };
};

/** Whether a count is withheld on its own: 1–4 (or any figure strictly between 0 and the threshold). */
export const isSmallCount = (
  count: number | null | undefined,
  smallest: number = smallestDisclosedCount,
): boolean => count !== null && count !== undefined && count > 0 && count < smallest;
