/** Statistics Finland's WFS (GeoServer), open data CC BY 4.0. */
export const statFinWfs = 'https://geo.stat.fi/geoserver/wfs';

export const wfsScales = ['1000k', '4500k'] as const;
export type WfsScale = (typeof wfsScales)[number];
/** The boundaries' scale when none is named: 1:1 000 000. */
export const defaultScale: WfsScale = '1000k';
export type WfsLayerKind = 'municipalities' | 'counties' | 'grid';

/**
 * The layer of a kind for a year: boundaries by year and scale (kunta1000k_2025, hyvinvointialue4500k_2025),
 * the population grid by year (vaki2024_1km).
 */
export const layerName = (kind: WfsLayerKind, year: number, scale: WfsScale = defaultScale): string =>
  kind === 'municipalities'
    ? `tilastointialueet:kunta${scale}_${year}`
    : kind === 'counties'
      ? `tilastointialueet:hyvinvointialue${scale}_${year}`
      : `vaestoruutu:vaki${year}_1km`;

/** One page of a GetFeature request in EPSG:3067, as GeoJSON; a filter on municipality codes when given. */
export const getFeatureUrl = (p: {
  base?: string;
  layer: string;
  count: number;
  startIndex: number;
  municipalities?: string[];
  /** The property pages are ordered by (each feature's code). */
  sortBy?: string;
}): string => {
  const params = new URLSearchParams({
    service: 'WFS',
    version: '2.0.0',
    request: 'GetFeature',
    typeNames: p.layer,
    outputFormat: 'application/json',
    srsName: 'EPSG:3067',
    count: String(p.count),
    startIndex: String(p.startIndex),
    // Paging needs a stable order.
    sortBy: p.sortBy ?? 'kunta',
  });
  // Boundaries and grid cells alike carry their municipality's code as `kunta`.
  if (p.municipalities && p.municipalities.length > 0)
    params.set('CQL_FILTER', `kunta IN (${p.municipalities.map((m) => `'${m}'`).join(',')})`);
  return `${p.base ?? statFinWfs}?${params.toString()}`;
};

/** What a WFS fetch asked for: the layer's kind, its year and, for boundaries, its scale. */
export interface WfsLayerAsked {
  kind: WfsLayerKind;
  year: number;
  scale?: WfsScale;
}

const isScale = (value: unknown): value is WfsScale => wfsScales.some((s) => s === value);
const isKind = (value: unknown): value is WfsLayerKind =>
  value === 'municipalities' || value === 'counties' || value === 'grid';

/** A layer's name read back into what it is (`tilastointialueet:kunta4500k_2025`), or undefined. */
export const parseLayerName = (layer: string): WfsLayerAsked | undefined => {
  const boundary = /^tilastointialueet:(kunta|hyvinvointialue)(\d+k)_(\d{4})$/.exec(layer);
  if (boundary && isScale(boundary[2]))
    return {
      kind: boundary[1] === 'kunta' ? 'municipalities' : 'counties',
      year: Number(boundary[3]),
      scale: boundary[2],
    };
  const grid = /^vaestoruutu:vaki(\d{4})_1km$/.exec(layer);
  return grid ? { kind: 'grid', year: Number(grid[1]) } : undefined;
};

/**
 * What a logged WFS fetch asked for, to ask it again: the parameters the log kept, else (a fetch logged
 * before they were kept) the layer named in the request's address, else the dataset's name
 * (`municipalities-2025`) at the default scale.
 */
export const wfsLayerAsked = (fetch: {
  dataset: string;
  url: string;
  parameters?: Record<string, string | number>;
}): WfsLayerAsked | undefined => {
  const p = fetch.parameters;
  if (p && isKind(p.kind) && Number.isInteger(Number(p.year)))
    return {
      kind: p.kind,
      year: Number(p.year),
      ...(p.kind !== 'grid' && { scale: isScale(p.scale) ? p.scale : defaultScale }),
    };
  let typeNames: string | null = null;
  try {
    typeNames = new URL(fetch.url).searchParams.get('typeNames');
  } catch {
    // Not an address: the dataset's name says what it can.
  }
  const fromUrl = typeNames ? parseLayerName(typeNames) : undefined;
  if (fromUrl) return fromUrl;
  const named = /^(\w+)-(\d{4})$/.exec(fetch.dataset);
  if (!named || !isKind(named[1])) return undefined;
  return {
    kind: named[1],
    year: Number(named[2]),
    ...(named[1] !== 'grid' && { scale: defaultScale }),
  };
};
