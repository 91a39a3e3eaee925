import type { AreaView } from '../../../../src/model/index.js';
import { Count, SuppressionNote } from '../../components/Count.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { areaName } from './names.js';
import { ShowOnMapButton } from './ShowOnMapButton.js';

interface MunicipalityTableProps {
  municipalities: AreaView[];
  year: number;
  /** Codes of the municipalities that have a boundary to show; others get no map button. */
  mapped: ReadonlySet<string>;
  onShow(code: string): void;
}

export const MunicipalityTable = ({ municipalities, year, mapped, onShow }: MunicipalityTableProps) => {
  const { t, language } = useI18n();
  const text = t.data.areas;
  const columns: SortableColumn<AreaView>[] = [
    { key: 'code', header: text.code, cell: (area) => area.code },
    { key: 'name', header: text.name, cell: (area) => areaName(area, language), rowHeader: true },
    {
      key: 'population',
      header: text.population,
      cell: (area) => <Count value={area.population} suppressed={area.populationSuppressed} />,
      numeric: true,
    },
    {
      key: 'map',
      header: t.data.units.map,
      cell: (area) =>
        mapped.has(area.code) ? (
          <ShowOnMapButton name={areaName(area, language)} onShow={() => onShow(area.code)} />
        ) : null,
    },
  ];
  const collator = new Intl.Collator(localeOf[language]);
  const rows = [...municipalities].sort((a, b) =>
    collator.compare(areaName(a, language), areaName(b, language)),
  );
  const counts = rows.map((area) => area.population);
  // A total is shown only when every part is known; one built around hidden figures would reveal them.
  const total = counts.every((count) => count !== null)
    ? counts.reduce<number>((sum, count) => sum + count, 0)
    : null;
  return (
    <>
      <SortableTable
        id="municipalities"
        caption={text.caption(String(year))}
        columns={columns}
        rows={rows}
        rowKey={(area) => area.code}
        foot={
          <tr>
            <td />
            <th scope="row">{text.total}</th>
            <td className="num">
              <Count value={total} />
            </td>
            <td />
          </tr>
        }
      />
      {rows.some((area) => area.populationSuppressed) ? <SuppressionNote /> : null}
    </>
  );
};
