import type { AreaView, UnitView } from '../../../../src/model/index.js';
import type { Language } from '../../i18n/languages.js';
import type { Messages } from '../../i18n/messages.js';
import type { MapItemDescription, MapSelection } from '../../map/selection.js';
import { areaName } from './names.js';

export interface DescribeContext {
  t: Messages;
  language: Language;
  number(value: number): string;
  municipalities: Map<string, AreaView>;
  units: Map<string, UnitView>;
}

/** The words for a map item, shared by its popup and by the announcement to screen readers. */
export const describeMapItem = (
  { t, language, number, municipalities, units }: DescribeContext,
  selection: MapSelection,
): MapItemDescription | undefined => {
  const municipalityName = (code: string) => {
    const area = municipalities.get(code);
    return area ? areaName(area, language) : code;
  };
  if (selection.kind === 'municipality') {
    const area = municipalities.get(selection.code);
    if (!area) return undefined;
    const population =
      area.population !== null
        ? t.data.map.populationOf(number(area.population))
        : area.populationSuppressed
          ? t.status.suppressedLabel
          : t.status.notAvailable;
    return { title: areaName(area, language), detail: population };
  }
  const unit = units.get(selection.code);
  if (!unit) return undefined;
  const kind = unit.producerKind ? t.kinds.producer[unit.producerKind] : t.kinds.unknownProducer;
  return {
    title: unit.name,
    detail: `${unit.producerName ?? unit.producerCode} (${kind}), ${municipalityName(unit.municipalityCode)}`,
  };
};
