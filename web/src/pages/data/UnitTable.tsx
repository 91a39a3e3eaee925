import type { ServiceClass, UnitView } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { producerKindColour } from '../../map/colours.js';
import { serviceClassName } from './names.js';
import { ShowOnMapButton } from './ShowOnMapButton.js';

interface UnitTableProps {
  units: UnitView[];
  serviceClasses: ServiceClass[];
  /** The name of a municipality valid in `year`, or undefined for a code that is not (merged away, say). */
  municipalityName(code: string): string | undefined;
  year: number;
  onShow(code: string): void;
}

export const UnitTable = ({ units, serviceClasses, municipalityName, year, onShow }: UnitTableProps) => {
  const { t, language, number } = useI18n();
  const text = t.data.units;
  const classNames = new Map(serviceClasses.map((serviceClass) => [serviceClass.code, serviceClass]));
  const classLabel = (code: string) => {
    const serviceClass = classNames.get(code);
    return serviceClass ? serviceClassName(serviceClass, language) : code;
  };
  const columns: SortableColumn<UnitView>[] = [
    { key: 'name', header: text.name, cell: (unit) => unit.name, rowHeader: true },
    {
      key: 'serviceClasses',
      header: text.serviceClasses,
      cell: (unit) => unit.serviceClasses.map(classLabel).join(', '),
    },
    { key: 'producer', header: text.producer, cell: (unit) => unit.producerName ?? unit.producerCode },
    {
      key: 'producerKind',
      header: text.producerKind,
      cell: (unit) =>
        unit.producerKind ? (
          <span className="kind">
            <span
              className="swatch swatch--unit"
              style={{ background: producerKindColour[unit.producerKind] }}
              aria-hidden="true"
            />
            {t.kinds.producer[unit.producerKind]}
          </span>
        ) : (
          t.kinds.unknownProducer
        ),
    },
    {
      key: 'municipality',
      header: text.municipality,
      cell: (unit) =>
        municipalityName(unit.municipalityCode) ?? (
          <>
            {unit.municipalityCode} <span className="muted">({text.notValidIn(String(year))})</span>
          </>
        ),
    },
    {
      key: 'capacity',
      header: text.capacity,
      cell: (unit) =>
        unit.capacityUnit === 'places'
          ? t.capacity.places(number(unit.capacityPerYear))
          : t.capacity.visits(number(unit.capacityPerYear)),
      numeric: true,
    },
    {
      key: 'languages',
      header: text.languages,
      cell: (unit) =>
        unit.languages
          ? unit.languages.map((code) => text.languageNames[code]).join(', ')
          : text.languagesUnknown,
    },
    {
      key: 'map',
      header: text.map,
      cell: (unit) => <ShowOnMapButton name={unit.name} onShow={() => onShow(unit.code)} />,
    },
  ];
  const collator = new Intl.Collator(localeOf[language]);
  const rows = [...units].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <SortableTable
      id="units"
      caption={text.caption}
      columns={columns}
      rows={rows}
      rowKey={(unit) => unit.code}
    />
  );
};
