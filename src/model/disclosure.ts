/**
 * Small-number suppression for figures about people. THL's and Statistics Finland's practice is to
 * withhold counts of 1–4 so that nobody can be recognised from a table; zero is shown, since it
 * describes nobody. A withheld figure is served as null with `suppressed: true`, never as 0, so that a
 * reader cannot mistake it for a real zero.
 *
 * This is primary suppression only. Complementary suppression (also withholding a cell from which a
 * withheld one could be worked back out, e.g. a total minus its other parts) is still to come.
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
