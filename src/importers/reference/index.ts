export { countyOfMunicipality, mergerSuccessor, municipalityCodeOf, municipalityNames } from './lookup.js';
export {
  loadMunicipalityReference,
  type Merger,
  type Municipality,
  type MunicipalityReference,
  municipalityReference,
} from './municipalities.js';
