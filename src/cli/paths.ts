import { fileURLToPath } from 'node:url';

/** Where things live relative to the package, whether running from src/ (tsx) or dist/ (built). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultDatabasePath = 'data/soteatlas.duckdb';
export const defaultWebRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));
