export {
  type GeoPackageFeature,
  type GeoPackageLayer,
  readGeoPackageGeometry,
  readGeoPackageLines,
  readWkbLines,
} from './geopackage.js';
export { type DigiroadLink, type DigiroadLinks, type DigiroadReject, digiroadLinks } from './links.js';
export {
  isEtrsTm35fin,
  readDbf,
  readShapefileLines,
  readShpLines,
  type ShapefileParts,
} from './shapefile.js';
export { readShapefileSource } from './shapefile-files.js';
