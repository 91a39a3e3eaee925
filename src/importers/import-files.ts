import type { ImportKind, ImportSummary } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type ImportOptions, importFile } from './import-file.js';

export interface FileToImport {
  path: string;
  kind: ImportKind;
  mapping?: string;
  source?: string;
}

/** Imports files in the order given (areas before the records that refer to them), each in its own transaction. */
export const importFiles = async (
  store: Store,
  files: readonly FileToImport[],
  options: Pick<ImportOptions, 'signal'> & {
    onFile?: (file: FileToImport, index: number) => void;
    onProgress?: ImportOptions['onProgress'];
  } = {},
): Promise<ImportSummary[]> => {
  const summaries: ImportSummary[] = [];
  for (const [index, file] of files.entries()) {
    options.onFile?.(file, index);
    summaries.push(
      await importFile(store, {
        file: file.path,
        kind: file.kind,
        mapping: file.mapping,
        source: file.source,
        signal: options.signal,
        onProgress: options.onProgress,
      }),
    );
  }
  return summaries;
};
