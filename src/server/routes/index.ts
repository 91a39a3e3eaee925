import type { Route } from '../route.js';
import { actionsRoute } from './actions.js';
import { areaBoundariesRoute, areasRoute } from './areas.js';
import { auditCsvRoute, auditRoute } from './audit.js';
import { producersRoute, serviceClassesRoute } from './catalogue.js';
import { chainRoutes } from './chains.js';
import { equityRoute } from './equity.js';
import { forecastRoutes } from './forecast.js';
import { importsRoute, rejectsCsvRoute, rejectsRoute } from './imports.js';
import { indicatorComparisonRoute, indicatorsRoute, indicatorValuesRoute } from './indicators.js';
import { languageAccessRoute } from './language-access.js';
import { needCoefficientsRoute, needsStandardisedCostRoute } from './need.js';
import { networkRoutes } from './network.js';
import { isochronesGeoPackageRoute, isochronesRoute, travelGridGeoPackageRoute } from './network-exports.js';
import { openApiRoute } from './openapi.js';
import { populationRoute } from './population.js';
import { programmeRoutes } from './programme.js';
import { referenceComparisonRoute, referenceIndicatorsRoute } from './reference-values.js';
import { reportPdfRoute, reportXlsxRoute } from './reports.js';
import { roadLinkRoutes } from './road-links.js';
import { sourcesRoute, startSourceFetchRoute } from './sources.js';
import { steeringRoutes } from './steering.js';
import { steeringRecordRoutes } from './steering-records.js';
import { healthRoute, statusRoute } from './system.js';
import { targetRoutes } from './targets.js';
import { unitLocationsRoute, unitsRoute } from './units.js';
import { userRoutes } from './users.js';

const dataRoutes: Route[] = [
  healthRoute,
  statusRoute,
  areasRoute,
  areaBoundariesRoute,
  unitsRoute,
  unitLocationsRoute,
  producersRoute,
  serviceClassesRoute,
  populationRoute,
  importsRoute,
  rejectsRoute,
  rejectsCsvRoute,
  indicatorsRoute,
  indicatorValuesRoute,
  indicatorComparisonRoute,
  ...forecastRoutes,
  needCoefficientsRoute,
  needsStandardisedCostRoute,
  ...targetRoutes,
  ...networkRoutes,
  ...roadLinkRoutes,
  equityRoute,
  actionsRoute,
  isochronesRoute,
  isochronesGeoPackageRoute,
  travelGridGeoPackageRoute,
  languageAccessRoute,
  reportXlsxRoute,
  reportPdfRoute,
  ...userRoutes,
  auditRoute,
  auditCsvRoute,
  ...programmeRoutes,
  sourcesRoute,
  startSourceFetchRoute,
  ...chainRoutes,
  referenceIndicatorsRoute,
  referenceComparisonRoute,
  ...steeringRoutes,
  ...steeringRecordRoutes,
];

/** Every API route; the table both serves the requests and makes the OpenAPI document. */
export const apiRoutes: readonly Route[] = [...dataRoutes, openApiRoute(dataRoutes)];
