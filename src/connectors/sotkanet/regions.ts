import type { ReferenceAreaLevel } from '../../model/index.js';
import type { SotkanetRegion } from './answers.js';

export interface MappedArea {
  areaLevel: ReferenceAreaLevel;
  areaCode: string;
  name: string | undefined;
}

/**
 * A Sotkanet region as Statistics Finland codes it: KUNTA → municipality `091`, HYVINVOINTIALUE →
 * wellbeing services county `01`…`21`, `90` (Helsinki), `91` (Åland), MAA → the whole country `SSS`.
 * Other categories (hospital districts, regions, sub-regions, ERVA …) have no place in the county's
 * area hierarchy and are left out.
 */
export const areaOfRegion = (region: SotkanetRegion): MappedArea | undefined => {
  const name = region.title.fi;
  const digits = region.code.trim();
  switch (region.category) {
    case 'KUNTA':
      return /^\d{1,3}$/.test(digits)
        ? { areaLevel: 'municipality', areaCode: digits.padStart(3, '0'), name }
        : undefined;
    case 'HYVINVOINTIALUE':
      return /^\d{1,2}$/.test(digits)
        ? { areaLevel: 'county', areaCode: digits.padStart(2, '0'), name }
        : undefined;
    case 'MAA':
      return { areaLevel: 'country', areaCode: 'SSS', name };
    default:
      return undefined;
  }
};

/** Sotkanet's region id → the area, for the regions that map. */
export const regionIndex = (regions: readonly SotkanetRegion[]): Map<number, MappedArea> => {
  const index = new Map<number, MappedArea>();
  for (const region of regions) {
    const area = areaOfRegion(region);
    if (area) index.set(region.id, area);
  }
  return index;
};
