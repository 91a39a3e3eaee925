import type { CatalogueIndicator, IndicatorMetadata, IndicatorValue } from '../model/index.js';
import type { ReportLanguage, TargetStatusWord } from './texts.js';

/** An indicator's target as the report states it: the value, how the figure stands against it. */
export interface ReportTarget {
  value: number;
  status: TargetStatusWord;
  /** Figure minus target, in the indicator's unit; null when the figure is withheld or missing. */
  variance: number | null;
}

/** One indicator of the monitoring set, with everything the report says about it. */
export interface ReportItem {
  indicator: CatalogueIndicator;
  target: ReportTarget | null;
  /** The county's figure for the report's period. */
  county: IndicatorValue | null;
  /** The municipalities' figures for the report's period, as disclosure control left them. */
  areas: readonly IndicatorValue[];
  metadata: IndicatorMetadata;
  /** THL's published figure for the county (Sotkanet), where the indicator names a Sotkanet id and one is held. */
  reference?: { value: number | null; mark: string | null; source: string } | null;
}

/** A report pack's content: a monitoring set's indicators for one year, ready to write in any format. */
export interface ReportData {
  /** The county's name in the report's language; null when the store has no county area that year. */
  county: string | null;
  setName: string;
  /** The period the figures are for, e.g. "2024". */
  period: string;
  language: ReportLanguage;
  /** When the report was made, as YYYY-MM-DD. */
  preparedOn: string;
  items: readonly ReportItem[];
}
