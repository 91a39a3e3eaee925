import type { AreaView, ServiceClass } from '../../../../src/model/index.js';
import type { Language } from '../../i18n/languages.js';

/** Areas have official Finnish and (in bilingual regions) Swedish names; English uses the Finnish one. */
export const areaName = (area: Pick<AreaView, 'nameFi' | 'nameSv'>, language: Language): string =>
  language === 'sv' ? (area.nameSv ?? area.nameFi) : area.nameFi;

export const serviceClassName = (serviceClass: ServiceClass, language: Language): string =>
  ({ fi: serviceClass.nameFi, sv: serviceClass.nameSv, en: serviceClass.nameEn })[language];

/** Years as a reader expects them: "2023–2025" when they run on, "2021, 2023" when they do not. */
export const yearSpan = (years: readonly number[]): string => {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  if (first === last) return String(first);
  return last - first === sorted.length - 1 ? `${first}–${last}` : sorted.join(', ');
};

/** The file name without the folders it was read from, which mean nothing to the reader. */
export const fileName = (path: string): string => path.split(/[/\\]/).pop() ?? path;
