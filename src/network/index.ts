export {
  binaryDecay,
  floatingCatchment,
  gaussianDecay,
  type ModeFigures,
  modeFigures,
  nearestUnits,
  sharesWithin,
  stepDecay,
  summariseTimes,
  type TravelTimeSource,
  weightedQuantile,
} from './access/index.js';
export { type Assignment, assignCapacitated, assignNearest, utilisation } from './capacity/index.js';
export {
  cellMunicipalities,
  distributionByGroup,
  type EquitySummary,
  equitySummary,
  type GroupDistribution,
  giniOfTimes,
  type LanguageAccessInput,
  languageAccess,
  type MunicipalityLanguages,
  municipalityLanguages,
  palmaOfTimes,
  residentsBeyond,
  scenarioEquity,
} from './equity/index.js';
export {
  dissolveSquares,
  gridCellMetres,
  gridSquareOf,
  type Isochrone,
  isochrones,
  isochronesOf,
  type Polygon,
  writeGeoPackage,
} from './export/index.js';
export { type ContractionHierarchy, contractGraph } from './graph/contraction.js';
export { buildRoadGraph, graphFromArcs, type RoadGraph } from './graph/road-graph.js';
export { type RoadEdgeInput, type RoadNetwork, RoadNetworkBuilder } from './graph/road-network.js';
export { syntheticRoadNetwork } from './graph/synthetic.js';
export { clearTravelTimeCache, travelTimeMatrix } from './matrix/cache.js';
export {
  computeTravelTimeMatrix,
  type TravelModel,
  type TravelTimeMatrix,
} from './matrix/compute.js';
export { hierarchyOf, type MatrixOptions } from './matrix/pool.js';
export { type Snapped, snapToGraph } from './matrix/snap.js';
export { type StraightLineModel, straightLineModel } from './matrix/straight-line.js';
export {
  type LocationProblem,
  type OptimiseControl,
  optimiseLocation,
} from './optimise/index.js';
export { roadComponents } from './roads/components.js';
export { digiroadNetwork } from './roads/digiroad.js';
export {
  detectRoadFormat,
  fragmentationWarnings,
  importRoads,
  RoadImportRefused,
  readRoadFile,
} from './roads/import-roads.js';
export { chooseRoadNetwork, loadRoadGraph, loadTravel, loadTravelModel } from './roads/load.js';
export {
  linkShapes,
  nearestLink,
  nearestLinkLimitMetres,
  type StoredLinkShape,
} from './roads/road-links.js';
export {
  activeRoadNetwork,
  chosenRoadNetwork,
  ferryLinks,
  listRoadNetworks,
  readRoadNetwork,
  type StoredFerry,
  saveRoadNetwork,
  setActiveRoadNetwork,
  unknownRoadNetwork,
} from './roads/road-store.js';
export { loadRoadSpeeds } from './roads/speeds.js';
export {
  actionsOf,
  cancelJob,
  compareModes,
  compareResults,
  createEvaluator,
  createScenario,
  deleteScenario,
  type Evaluator,
  evaluatorFor,
  findJob,
  findScenario,
  listScenarios,
  loadCostConfig,
  loadNetworkData,
  municipalityNames,
  resolveInput,
  resolveYears,
  scenarioActions,
  solveForScenario,
  startOptimisation,
  updateScenario,
} from './scenario/index.js';
export { importTransitFeed, listTransitFeeds, loadTransitFeed } from './transit/feed-store.js';
export { compactDate, type GtfsFeed, runsOn } from './transit/gtfs/feed.js';
export { readGtfsTexts, readGtfsZip } from './transit/gtfs/read.js';
export { windowTimesInWorkers } from './transit/pool.js';
export { defaultServiceDay } from './transit/service-day.js';
export { departuresOf, type TransitTimes, transitJob, transitTravelTimes } from './transit/travel-times.js';
export {
  type CchTopology,
  cchTopology,
  customise,
  digiroadGraph,
  hierarchyDistance,
  type IslandReport,
  type OriginOnNetwork,
  type OriginReachRow,
  originReach,
  unknownLinks,
  type VariantGraph,
  variantGraphOf,
  variantSeconds,
} from './variants/index.js';
