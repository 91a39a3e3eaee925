import { isBinary, type MediaType } from './route.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How many rows an answer holds, read from its shape so that no route has to say: a list's length; for
 * an object, its longest list (an indicator's values, a feature collection's features, a summary's rows),
 * looking no deeper, where geometries keep their coordinates; one thing for an object with no list; a
 * CSV's lines after the header. A file (PDF, XLSX) is not counted.
 */
const rowsOf = (answer: unknown, mediaType: MediaType): number | undefined => {
  if (typeof answer === 'string')
    return mediaType === 'text/csv'
      ? Math.max(0, answer.split('\n').filter((line) => line.trim()).length - 1)
      : undefined;
  if (Array.isArray(answer)) return answer.length;
  if (!isRecord(answer)) return undefined;
  const lengths = Object.values(answer)
    .filter(Array.isArray)
    .map((list) => list.length);
  return lengths.length > 0 ? Math.max(...lengths) : 1;
};

const flagsSuppression = (name: string): boolean => name === 'suppressed' || name.endsWith('Suppressed');

/**
 * How many figures an answer withholds: every `suppressed` (or `populationSuppressed` …) flag that is
 * true, at any depth, which is how the model marks a figure withheld by disclosure control.
 */
const suppressedIn = (value: unknown): number => {
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) if (typeof item === 'object' && item !== null) count += suppressedIn(item);
    return count;
  }
  if (!isRecord(value)) return 0;
  let count = 0;
  for (const [name, item] of Object.entries(value)) {
    if (item === true && flagsSuppression(name)) count += 1;
    else if (typeof item === 'object' && item !== null) count += suppressedIn(item);
  }
  return count;
};

/** The rows an answer returned and the cells it withheld, for the audit log. */
export const answerCounts = (
  answer: unknown,
  mediaType: MediaType,
): { rowsReturned?: number; cellsSuppressed?: number } => {
  if (isBinary(mediaType) || answer === undefined) return {};
  const rowsReturned = rowsOf(answer, mediaType);
  return {
    ...(rowsReturned !== undefined && { rowsReturned }),
    ...(typeof answer !== 'string' && { cellsSuppressed: suppressedIn(answer) }),
  };
};
