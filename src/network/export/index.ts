export { dissolveSquares, type GridSquare, type Polygon, type Ring } from './dissolve.js';
export { type GeoPackageColumn, type GeoPackageLayerInput, writeGeoPackage } from './geopackage.js';
export { gridCellMetres, gridSquareOf, type Isochrone, isochrones } from './isochrones.js';
export { isochronesOf } from './isochrones-service.js';
