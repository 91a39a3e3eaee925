import proj4 from 'proj4';

/** ETRS-TM35FIN, the Finnish national grid (EPSG:3067): UTM zone 35 on GRS80 with ETRS89, which equals WGS84 to a metre. */
const etrsTm35fin = '+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const projection = proj4('WGS84', etrsTm35fin);

/** EPSG:3067 metres → WGS84 longitude and latitude in degrees. */
export const toWgs84 = (x: number, y: number): { lon: number; lat: number } => {
  const [lon, lat] = projection.inverse([x, y]);
  return { lon: lon ?? Number.NaN, lat: lat ?? Number.NaN };
};

/** WGS84 longitude and latitude in degrees → EPSG:3067 metres. */
export const toEtrsTm35fin = (lon: number, lat: number): { x: number; y: number } => {
  const [x, y] = projection.forward([lon, lat]);
  return { x: x ?? Number.NaN, y: y ?? Number.NaN };
};
