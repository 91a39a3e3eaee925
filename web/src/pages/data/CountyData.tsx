import { useRef, useState } from 'react';
import type {
  AreaFeatureCollection,
  AreaList,
  ProducerKind,
  ServiceClass,
  UnitFeatureCollection,
  UnitList,
} from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MapItemKind, MapSelection } from '../../map/selection.js';
import { describeMapItem } from './describe.js';
import { MapPanel } from './MapPanel.js';
import { MunicipalityTable } from './MunicipalityTable.js';
import { areaName } from './names.js';
import { Section } from './Section.js';
import { UnitTable } from './UnitTable.js';

export interface CountyDataProps {
  areas: AreaList;
  units: UnitList;
  shapes: AreaFeatureCollection;
  points: UnitFeatureCollection;
  serviceClasses: ServiceClass[];
}

/**
 * The county's municipalities and units, on the map and in tables. The tables are the map's text
 * alternative: every item drawn can be found in them and opened on the map from there.
 */
export const CountyData = ({ areas, units, shapes, points, serviceClasses }: CountyDataProps) => {
  const { t, language, number } = useI18n();
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const mapSection = useRef<HTMLElement>(null);

  const municipalities = new Map(areas.areas.map((area) => [area.code, area]));
  const unitsByCode = new Map(units.units.map((unit) => [unit.code, unit]));
  const withBoundary = new Set(
    shapes.features.flatMap((feature) => (feature.geometry ? [feature.properties.code] : [])),
  );
  const unitCounts: Partial<Record<ProducerKind, number>> = {};
  for (const { producerKind } of units.units) {
    if (producerKind) unitCounts[producerKind] = (unitCounts[producerKind] ?? 0) + 1;
  }
  const municipalityName = (code: string) => {
    const area = municipalities.get(code);
    return area && areaName(area, language);
  };
  const showOnMap = (kind: MapItemKind) => (code: string) => {
    setSelection({ kind, code, fromTable: true });
    mapSection.current?.scrollIntoView({ block: 'start' });
  };
  const describeContext = { t, language, number, municipalities, units: unitsByCode };

  return (
    <>
      <Section id="map" title={t.data.map.title} sectionRef={mapSection}>
        <MapPanel
          municipalities={shapes}
          units={points}
          unitCounts={unitCounts}
          selection={selection}
          onSelect={setSelection}
          describe={(item) => describeMapItem(describeContext, item)}
        />
      </Section>
      <Section id="municipalities" title={t.data.areas.title}>
        <MunicipalityTable
          municipalities={areas.areas}
          year={areas.year}
          mapped={withBoundary}
          onShow={showOnMap('municipality')}
        />
      </Section>
      <Section id="units" title={t.data.units.title}>
        <UnitTable
          units={units.units}
          serviceClasses={serviceClasses}
          municipalityName={municipalityName}
          year={areas.year}
          onShow={showOnMap('unit')}
        />
      </Section>
    </>
  );
};
