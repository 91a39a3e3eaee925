/**
 * The line a command prints under its figures when any of them is marked "<5". Disclosure control
 * withholds a figure about one to four people and, by complementary suppression, the figures from
 * which such a one could be worked back, so "<5" does not always mean a count under five: the legend
 * says both. `counted` names who the command's figures are about ("clients", "people").
 */
export const withheldLegend = (counted: string): string =>
  `<5 = withheld: a figure about fewer than five ${counted}, or one from which such a figure could be worked out.`;
