export {
  type GeoPackageFeature,
  type GeoPackageLayer,
  readGeoPackageGeometry,
  readGeoPackageLayers,
  readGeoPackageLines,
  readWkbLines,
} from './geopackage.js';
export {
  applyDigiroadLimits,
  type DigiroadLimitLayer,
  type DigiroadLimitReport,
  type DigiroadLimitRow,
  type DigiroadLimitRows,
  digiroadLimitRows,
} from './limits.js';
export { type DigiroadLink, type DigiroadLinks, type DigiroadReject, digiroadLinks } from './links.js';
export {
  isEtrsTm35fin,
  readDbf,
  readShapefileLines,
  readShpLines,
  type ShapefileParts,
} from './shapefile.js';
export {
  type DigiroadShapefileRelease,
  readShapefileRelease,
  readShapefileSource,
  speedLimitLayer,
  winterSpeedLimitLayer,
} from './shapefile-files.js';
