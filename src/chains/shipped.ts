import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChainDefinition } from '../model/index.js';

/** The chains the product ships, kept as data in config/chains so that a county can read and copy them. */
export const shippedChainsDir = fileURLToPath(new URL('../../config/chains/', import.meta.url));

export const loadShippedChains = (dir = shippedChainsDir): ChainDefinition[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = ChainDefinition.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
      return parsed.data;
    });
