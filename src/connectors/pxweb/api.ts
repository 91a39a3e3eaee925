import { answerJson, type Fetcher, type SourceAnswer } from '../fetcher.js';

/** Statistics Finland's PxWeb API: version 1 is the one its StatFin database serves for queries. */
export const statFinApi = 'https://pxdata.stat.fi/PxWeb/api/v1';

export type PxLanguage = 'fi' | 'sv' | 'en';

/** A folder (`l`) or a table (`t`) in the database tree. */
export interface PxItem {
  id: string;
  type: 'l' | 't' | string;
  text: string;
  updated?: string;
}

export interface PxSearchHit {
  id: string;
  path: string;
  title: string;
  published?: string;
  score?: number;
}

export interface PxVariable {
  code: string;
  text: string;
  values: string[];
  valueTexts: string[];
  elimination?: boolean;
  time?: boolean;
  map?: string;
}

export interface PxTableMetadata {
  title: string;
  variables: PxVariable[];
}

/** The service's own limits (`?config`): values a query may ask for, and calls in a time window. */
export interface PxConfig {
  maxValues: number;
  maxCalls: number;
  timeWindow: number;
}

export interface PxSelection {
  code: string;
  selection: { filter: 'item'; values: string[] };
}

export interface PxQuery {
  query: PxSelection[];
  response: { format: 'json-stat2' };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shapeError = (what: string, url: string) =>
  new Error(`${url} did not answer with ${what}; the PxWeb API may have changed`);

export const parseMetadata = (json: unknown, url = 'the table'): PxTableMetadata => {
  if (!isObject(json) || !Array.isArray(json.variables)) throw shapeError('table metadata', url);
  const variables = json.variables.map((v): PxVariable => {
    if (!isObject(v) || typeof v.code !== 'string' || !Array.isArray(v.values))
      throw shapeError('table metadata', url);
    const values = v.values.map(String);
    return {
      code: v.code,
      text: typeof v.text === 'string' ? v.text : v.code,
      values,
      valueTexts: Array.isArray(v.valueTexts) ? v.valueTexts.map(String) : values,
      ...(typeof v.elimination === 'boolean' && { elimination: v.elimination }),
      ...(v.time === true && { time: true }),
      ...(typeof v.map === 'string' && { map: v.map }),
    };
  });
  return { title: typeof json.title === 'string' ? json.title : '', variables };
};

/**
 * The PxWeb API of one database in one language, over any fetcher. Addresses are built here only;
 * what a table holds is always read from its metadata.
 */
export class PxWebApi {
  readonly root: string;

  constructor(
    private readonly fetcher: Fetcher,
    readonly options: { base?: string; language?: PxLanguage; database?: string } = {},
  ) {
    this.root = `${options.base ?? statFinApi}/${options.language ?? 'fi'}/${options.database ?? 'StatFin'}`;
  }

  tableUrl(path: string): string {
    return `${this.root}/${path.replace(/^\/+/, '')}`;
  }

  async listTables(folder = ''): Promise<PxItem[]> {
    const json = answerJson(await this.fetcher.fetch({ url: folder ? this.tableUrl(folder) : this.root }));
    if (!Array.isArray(json)) throw shapeError('a list of tables', this.root);
    return json.filter(isObject).map((item) => ({
      id: String(item.id),
      type: String(item.type),
      text: String(item.text ?? ''),
      ...(typeof item.updated === 'string' && { updated: item.updated }),
    }));
  }

  async searchTables(words: string): Promise<PxSearchHit[]> {
    const url = `${this.root}?query=${encodeURIComponent(words)}`;
    const json = answerJson(await this.fetcher.fetch({ url }));
    if (!Array.isArray(json)) throw shapeError('search results', url);
    return json.filter(isObject).map((hit) => ({
      id: String(hit.id),
      path: String(hit.path ?? ''),
      title: String(hit.title ?? ''),
      ...(typeof hit.published === 'string' && { published: hit.published }),
      ...(typeof hit.score === 'number' && { score: hit.score }),
    }));
  }

  async metadata(path: string): Promise<{ metadata: PxTableMetadata; answer: SourceAnswer }> {
    const url = this.tableUrl(path);
    const answer = await this.fetcher.fetch({ url });
    return { metadata: parseMetadata(answerJson(answer), url), answer };
  }

  /** The limits: `?config` on the language level, e.g. …/api/v1/fi/?config. */
  async config(): Promise<PxConfig> {
    const url = `${this.root.slice(0, this.root.lastIndexOf('/'))}/?config`;
    const json = answerJson(await this.fetcher.fetch({ url }));
    if (!isObject(json)) throw shapeError('its configuration', url);
    const number = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
    return {
      maxValues: number(json.maxValues, 100_000),
      maxCalls: number(json.maxCalls, 30),
      timeWindow: number(json.timeWindow, 10),
    };
  }

  async query(path: string, selections: PxSelection[]): Promise<SourceAnswer> {
    const body: PxQuery = { query: selections, response: { format: 'json-stat2' } };
    return this.fetcher.fetch({ url: this.tableUrl(path), method: 'POST', body, accept: 'application/json' });
  }
}
