import type { ChainDefinition, ChainVersionList, StoredChain } from '../../../../src/model/index.js';
import { sendJson } from '../../api/send.js';
import { useApi } from '../../api/useApi.js';

export const useChainVersions = (id: string) =>
  useApi<ChainVersionList>(`/api/chains/${encodeURIComponent(id)}/versions`);

/** Saves a new version of the chain, naming the version it was made on (409 when someone was first). */
export const saveChainDefinition = (chain: StoredChain, definition: ChainDefinition): Promise<StoredChain> =>
  sendJson<StoredChain>('PUT', `/api/chains/${encodeURIComponent(chain.definition.id)}`, {
    body: { version: chain.version, definition },
  });

/** Creates a chain under a new id as version 1, naming the chain it was copied from (409 when the id is taken). */
export const createChainDefinition = (
  definition: ChainDefinition,
  copiedFrom: string | undefined,
): Promise<StoredChain> =>
  sendJson<StoredChain>('POST', '/api/chains', {
    body: { definition, ...(copiedFrom !== undefined && { copiedFrom }) },
  });
