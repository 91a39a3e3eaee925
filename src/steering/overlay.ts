/**
 * Records as they stand: each imported one replaced by its newest edit, then those made in the app
 * (edits whose key was never imported). The edits must already be narrowed to what is asked for.
 */
export const withEdits = <T>(
  imported: readonly T[],
  edits: readonly T[],
  keyOf: (record: T) => string,
): T[] => {
  const edited = new Map(edits.map((e) => [keyOf(e), e]));
  const importedKeys = new Set(imported.map(keyOf));
  return [
    ...imported.map((i) => edited.get(keyOf(i)) ?? i),
    ...edits.filter((e) => !importedKeys.has(keyOf(e))),
  ];
};
