import type { AgeGroup } from '../../../../src/model/index.js';
import { oldestAge } from './pyramid.js';

/** "0–14", "85+": an age group as a reader writes it. */
export const groupTitle = ({ ageFrom, ageTo }: Pick<AgeGroup, 'ageFrom' | 'ageTo'>): string =>
  ageTo >= oldestAge ? `${ageFrom}+` : `${ageFrom}–${ageTo}`;
