import { countOutsideQuotes, type Delimiter, delimiterCandidates } from '../detect.js';

/** Where a delimited file's header is and how its fields are separated. */
export interface HeaderRow {
  /** The header's position among the file's non-empty records; the records before it are title lines. */
  index: number;
  delimiter: Delimiter;
}

/** Title lines PxWeb writes above the header are few; past this the file has no header we can tell. */
const maxTitleLines = 6;
const rowsCompared = 20;

/**
 * Finds the header as the first record that the records after it match: split by the same delimiter,
 * they give the same number of fields, at least two. A PxWeb "save as CSV" file starts with its
 * title in quotes and a blank line, so its first record has one field under every delimiter and the
 * data below it never agrees with it; judging the delimiter on the title line is what made a comma
 * file look like a semicolon file. Footnotes below the data count against no header: at least half
 * of the records compared must agree. Semicolon wins ties, as Finnish files use it with decimal commas.
 */
export const findHeaderRow = (records: readonly string[]): HeaderRow | undefined => {
  const last = Math.min(maxTitleLines, records.length - 1);
  for (let index = 0; index <= last; index++) {
    let best: { delimiter: Delimiter; score: number } | undefined;
    for (const delimiter of delimiterCandidates) {
      const fields = countOutsideQuotes(records[index] ?? '', delimiter) + 1;
      if (fields < 2) continue;
      const below = records.slice(index + 1, index + 1 + rowsCompared);
      const agreeing = below.filter((r) => countOutsideQuotes(r, delimiter) + 1 === fields).length;
      if (below.length > 0 && agreeing * 2 < below.length) continue;
      const score = agreeing * 1000 + fields;
      if (!best || score > best.score) best = { delimiter, score };
    }
    if (best) return { index, delimiter: best.delimiter };
  }
  return undefined;
};
