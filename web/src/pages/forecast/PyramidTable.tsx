import { Count, SuppressionNote } from '../../components/Count.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { forecastMessages } from './messages.js';
import { ageLabel, type PyramidRow, sumFigures, totalsOf } from './pyramid.js';

interface PyramidTableProps {
  rows: readonly PyramidRow[];
  caption: string;
}

/** The pyramid's figures in words and numbers, oldest first as the picture reads from the top. */
export const PyramidTable = ({ rows, caption }: PyramidTableProps) => {
  const text = usePageMessages(forecastMessages).pyramid;
  const columns: SortableColumn<PyramidRow>[] = [
    { key: 'age', header: text.age, cell: ageLabel, rowHeader: true },
    { key: 'men', header: text.men, cell: (row) => <Count {...row.male} />, numeric: true },
    { key: 'women', header: text.women, cell: (row) => <Count {...row.female} />, numeric: true },
    {
      key: 'total',
      header: text.total,
      cell: (row) => <Count {...sumFigures([row.male, row.female])} />,
      numeric: true,
    },
  ];
  const totals = totalsOf(rows);
  const suppressed = rows.some((row) => row.male.suppressed || row.female.suppressed);
  return (
    <>
      <SortableTable
        id="pyramid-table"
        caption={caption}
        columns={columns}
        rows={[...rows].reverse()}
        rowKey={(row) => String(row.ageFrom)}
        foot={
          <tr>
            <th scope="row">{text.total}</th>
            <td className="num">
              <Count {...totals.male} />
            </td>
            <td className="num">
              <Count {...totals.female} />
            </td>
            <td className="num">
              <Count {...sumFigures([totals.male, totals.female])} />
            </td>
          </tr>
        }
      />
      {suppressed ? <SuppressionNote /> : null}
    </>
  );
};
