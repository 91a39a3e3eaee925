import type { NeedsStandardisedCost } from '../../../../src/model/index.js';
import { BarChart, decimalFormat } from '../../charts/index.js';
import { SuppressionNote } from '../../components/Count.js';
import { SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { Figure } from './Figure.js';
import { indicatorsMessages } from './messages.js';

type CostRow = NeedsStandardisedCost['rows'][number];

/**
 * Raw and needs-standardised cost side by side for each municipality: the pair shows how much of a
 * difference in cost the difference in need explains.
 */
export const CostComparison = ({ cost }: { cost: NeedsStandardisedCost }) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages).cost;
  const index = decimalFormat(language, 1);
  const euros = decimalFormat(language, 0);
  const coefficient = decimalFormat(language, 3);
  const year = String(cost.year);
  if (cost.rows.length === 0) return <p>{text.none}</p>;
  const rows = [...cost.rows].sort((a, b) => (b.rawIndex ?? 0) - (a.rawIndex ?? 0));
  return (
    <>
      <p className="hint">
        {text.lead} ({text.method[cost.method]})
      </p>
      <div className="cost-comparison">
        <BarChart
          rows={rows.map((row) => ({
            key: row.areaCode,
            label: row.name,
            values: [
              { value: row.rawIndex, suppressed: row.populationSuppressed },
              { value: row.costIndex, suppressed: row.populationSuppressed },
            ],
          }))}
          series={[text.raw, text.standardised]}
          label={text.label(year)}
          reference={{ value: 100, label: text.reference(cost.reference.name) }}
          format={index}
          width={880}
        />
        <SortableTable<CostRow>
          id="cost-table"
          caption={text.caption(year)}
          rows={rows}
          rowKey={(row) => row.areaCode}
          columns={[
            { key: 'municipality', header: text.municipality, cell: (row) => row.name, rowHeader: true },
            {
              key: 'perResident',
              header: text.perResident,
              cell: (row) => (
                <Figure
                  value={row.costPerResidentEuros}
                  suppressed={row.populationSuppressed}
                  format={euros}
                />
              ),
              numeric: true,
            },
            {
              key: 'needCoefficient',
              header: text.needCoefficient,
              cell: (row) => (
                <Figure
                  value={row.needCoefficient}
                  suppressed={row.populationSuppressed}
                  format={coefficient}
                />
              ),
              numeric: true,
            },
            {
              key: 'raw',
              header: text.raw,
              cell: (row) => (
                <Figure value={row.rawIndex} suppressed={row.populationSuppressed} format={index} />
              ),
              numeric: true,
            },
            {
              key: 'standardised',
              header: text.standardised,
              cell: (row) => (
                <Figure value={row.costIndex} suppressed={row.populationSuppressed} format={index} />
              ),
              numeric: true,
            },
          ]}
        />
      </div>
      {rows.some((row) => row.populationSuppressed) ? <SuppressionNote /> : null}
    </>
  );
};
