export {
  type GeoPackageFeature,
  type GeoPackageLayer,
  readGeoPackageGeometry,
  readGeoPackageLines,
  readWkbLines,
} from './geopackage.js';
export { type DigiroadLink, type DigiroadLinks, type DigiroadReject, digiroadLinks } from './links.js';
