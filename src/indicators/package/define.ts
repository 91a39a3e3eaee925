import {
  type BreakdownDimension,
  IndicatorDefinition,
  type IndicatorDefinitionInput,
  type IndicatorPeriodType,
  type LocalText,
} from '../../model/index.js';

/** Validates a built-in definition when the package is loaded, so that a mistake fails every test at once. */
export const define = (input: IndicatorDefinitionInput): IndicatorDefinition =>
  IndicatorDefinition.parse(input);

export const text = (fi: string, sv: string, en: string): LocalText => ({ fi, sv, en });

export const everyPeriod: IndicatorPeriodType[] = ['year', 'quarter', 'month', 'rolling12'];
/** Distinct clients cannot be summed over months, so client counts skip rolling periods. */
export const calendarPeriods: IndicatorPeriodType[] = ['year', 'quarter', 'month'];
export const everyLevel = ['county', 'municipality', 'gridCell'] as const;
export const municipalLevels = ['county', 'municipality'] as const;
export const eventBreakdowns: BreakdownDimension[] = ['ageBand', 'sex', 'channel', 'producer', 'unit'];

export const unitPer1000 = (ages: string, agesSv: string, agesEn: string): LocalText =>
  text(`/ 1 000 ${ages}`, `/ 1 000 ${agesSv}`, `per 1 000 ${agesEn}`);
export const unitPercent = text('%', '%', '%');
export const unitEuroPerResident = text('€ / asukas', '€ / invånare', '€ per resident');
