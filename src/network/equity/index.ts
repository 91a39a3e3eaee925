export {
  distributionByGroup,
  type EquitySummary,
  equitySummary,
  type GroupDistribution,
  giniOfTimes,
  palmaOfTimes,
  residentsBeyond,
} from './measures.js';
export { cellMunicipalities, scenarioEquity } from './scenario-equity.js';
