export { type LanguageAccessInput, languageAccess, type MunicipalityLanguages } from './language-access.js';
export { municipalityLanguages } from './language-shares.js';
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
