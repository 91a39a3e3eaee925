/** Statistics Finland's WFS (GeoServer), open data CC BY 4.0. */
export const statFinWfs = 'https://geo.stat.fi/geoserver/wfs';

export type WfsScale = '1000k' | '4500k';
export type WfsLayerKind = 'municipalities' | 'counties' | 'grid';

/**
 * The layer of a kind for a year: boundaries by year and scale (kunta1000k_2025, hyvinvointialue4500k_2025),
 * the population grid by year (vaki2024_1km).
 */
export const layerName = (kind: WfsLayerKind, year: number, scale: WfsScale = '1000k'): string =>
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
