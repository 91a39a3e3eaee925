import { useMemo, useRef, useState } from 'react';
import type {
  AreaFeatureCollection,
  AreaView,
  ProducerKind,
  RegisterEntry,
  UnitFeatureCollection,
  UnitView,
} from '../../../../src/model/index.js';
import { useApi } from '../../api/useApi.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MapSelection } from '../../map/selection.js';
import { describeMapItem } from '../data/describe.js';
import { MapPanel } from '../data/MapPanel.js';
import { areaName } from '../data/names.js';
import { ShowOnMapButton } from '../data/ShowOnMapButton.js';
import type { ProducersMessages } from './messages.js';

interface MapData {
  shapes: AreaFeatureCollection;
  points: UnitFeatureCollection;
  entries: RegisterEntry[];
}

/** The registered producers' units on the county map, with the table that carries the same as text. */
const UnitsOnMap = ({ shapes, points, entries, text }: MapData & { text: ProducersMessages }) => {
  const { t, language, number } = useI18n();
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const mapSection = useRef<HTMLDivElement>(null);
  // One collection for as long as the answers last: a new one would make the map anew.
  const units = useMemo(() => {
    const registered = new Set(entries.flatMap((p) => p.units.map((u) => u.code)));
    return { ...points, features: points.features.filter((f) => registered.has(f.properties.code)) };
  }, [entries, points]);
  const municipalities = new Map<string, AreaView>(
    shapes.features.map((f) => [f.properties.code, f.properties]),
  );
  const unitsByCode = new Map<string, UnitView>(units.features.map((f) => [f.properties.code, f.properties]));
  const unitCounts: Partial<Record<ProducerKind, number>> = {};
  for (const { properties } of units.features)
    if (properties.producerKind)
      unitCounts[properties.producerKind] = (unitCounts[properties.producerKind] ?? 0) + 1;
  const describeContext = { t, language, number, municipalities, units: unitsByCode };
  const municipalityName = (code: string) => {
    const area = municipalities.get(code);
    return area ? areaName(area, language) : code;
  };
  const rows = entries.flatMap((p) =>
    p.units.filter((u) => unitsByCode.has(u.code)).map((u) => ({ producer: p, unit: u })),
  );
  return (
    <>
      <div ref={mapSection}>
        <MapPanel
          municipalities={shapes}
          units={units}
          unitCounts={unitCounts}
          selection={selection}
          onSelect={setSelection}
          describe={(item) => describeMapItem(describeContext, item)}
        />
      </div>
      <div className="table-scroll">
        <table className="producer-units">
          <caption>{text.unitsTable}</caption>
          <thead>
            <tr>
              <th scope="col">{text.unitName}</th>
              <th scope="col">{text.code}</th>
              <th scope="col">{text.producer}</th>
              <th scope="col">{text.kind}</th>
              <th scope="col">{text.municipality}</th>
              <th scope="col">{text.onMap}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ producer, unit }) => (
              <tr key={unit.code}>
                <th scope="row">{unit.name}</th>
                <td>{unit.code}</td>
                <td>{producer.name}</td>
                <td>{text.kinds[producer.kind] ?? producer.kind}</td>
                <td>{municipalityName(unit.municipalityCode)}</td>
                <td>
                  <ShowOnMapButton
                    name={unit.name}
                    onShow={() => {
                      setSelection({ kind: 'unit', code: unit.code, fromTable: true });
                      mapSection.current?.scrollIntoView({ block: 'start' });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

/** The section of the Producers page that shows where the registered producers' units are. */
export const ProducerMap = ({ entries, text }: { entries: RegisterEntry[]; text: ProducersMessages }) => {
  const shapes = useApi<AreaFeatureCollection>('/api/areas.geojson');
  const points = useApi<UnitFeatureCollection>('/api/units.geojson');
  return (
    <section aria-labelledby="producer-map-heading" className="producer-map">
      <h2 id="producer-map-heading">{text.mapTitle}</h2>
      <Loaded state={shapes}>
        {(s) => (
          <Loaded state={points}>
            {(p) => <UnitsOnMap shapes={s} points={p} entries={entries} text={text} />}
          </Loaded>
        )}
      </Loaded>
    </section>
  );
};
