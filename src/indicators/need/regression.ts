import {
  type AreaNeedCoefficients,
  type NeedCoefficientSet,
  type NeedSector,
  type SectorWeights,
  SoteatlasError,
} from '../../model/index.js';

/**
 * One year of THL's need model, as its workbook lays it out: the regression coefficients of each
 * sector for every explanatory variable, and every area's mean of each variable.
 *
 * The elderly-care variables are means over the area's residents aged 65 and over, the others over all
 * residents, so the same diagnosis appears twice (once in each block) with different means.
 */
export interface NeedVariable {
  name: string;
  block: 'allResidents' | 'over65';
  /** Null where the sector's model does not use the variable. */
  coefficients: Record<NeedSector, number | null>;
}

export interface NeedModelArea {
  name: string;
  /** Code of the area where known; the workbook names areas only. */
  code: string | null;
  /** The area's mean of each variable, in the order of `variables`. */
  means: readonly number[];
  population: number | null;
  /** Residents aged 65 and over as a share of all residents. */
  over65Share: number;
}

export interface NeedRegressionModel {
  year: number;
  variables: readonly NeedVariable[];
  constants: Record<NeedSector, number>;
  sectorWeights: SectorWeights;
  areas: readonly NeedModelArea[];
  /** The area every coefficient is relative to: THL's "Koko maa", the whole country. */
  referenceName: string;
}

/**
 * The area's expected cost per resident in one sector: β₀ + Σᵢ βᵢ · x̄ᵢ (THL's "Kokonaistarve").
 * For elderly care this is per resident aged 65+.
 */
export const sectorNeed = (model: NeedRegressionModel, area: NeedModelArea, sector: NeedSector): number => {
  let need = model.constants[sector];
  model.variables.forEach((variable, i) => {
    const beta = variable.coefficients[sector];
    if (beta !== null) need += beta * (area.means[i] ?? 0);
  });
  return need;
};

/**
 * Each area's health, social and elderly-care need coefficients and their weighted total, as THL
 * computes them for the county funding model (Act 617/2021): a sector's coefficient is the area's
 * need divided by the country's; elderly care, modelled per resident aged 65+, is further multiplied by
 * the area's share of over-65s relative to the country's, so that it too is per resident.
 */
export const thlNeedCoefficients = (model: NeedRegressionModel): NeedCoefficientSet => {
  const reference = model.areas.find((a) => a.name === model.referenceName);
  if (!reference)
    throw new SoteatlasError(
      'invalidDataset',
      `the need model has no reference area "${model.referenceName}"`,
    );
  const referenceNeed = {
    health: sectorNeed(model, reference, 'health'),
    social: sectorNeed(model, reference, 'social'),
    elderly: sectorNeed(model, reference, 'elderly'),
  };
  const w = model.sectorWeights;
  const areas = model.areas.map((area): AreaNeedCoefficients => {
    const health = sectorNeed(model, area, 'health') / referenceNeed.health;
    const social = sectorNeed(model, area, 'social') / referenceNeed.social;
    const elderly =
      (sectorNeed(model, area, 'elderly') / referenceNeed.elderly) *
      (area.over65Share / reference.over65Share);
    return {
      areaCode: area.code,
      name: area.name,
      health,
      social,
      elderly,
      total: w.health * health + w.social * social + w.elderly * elderly,
    };
  });
  return {
    year: model.year,
    method: 'thlRegression',
    reference: { level: 'country', code: reference.code, name: reference.name },
    sectorWeights: { ...w },
    areas,
  };
};
