import { useState } from 'react';
import type {
  ReferenceComparison,
  ReferenceIndicatorList,
  ReferencePoint,
} from '../../../../../src/model/index.js';
import { apiPath } from '../../../api/endpoints.js';
import { useApi } from '../../../api/useApi.js';
import { Loaded } from '../../../components/Loaded.js';
import { formatNumber } from '../../../i18n/format.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePageMessages } from '../../../i18n/usePageMessages.js';
import { Section } from '../Section.js';
import { referenceMessages } from './messages.js';
import { referenceTitle } from './title.js';

const isDemo = (source: string) => source.endsWith('-demo');

/** One indicator across all organisers as a ranked dot chart; the county highlighted, the country a line. */
const DotChart = ({ comparison, label }: { comparison: ReferenceComparison; label: string }) => {
  const { language } = useI18n();
  const points = comparison.organisers.filter((p) => p.value !== null);
  const values = [...points.map((p) => p.value as number), comparison.country?.value ?? Number.NaN].filter(
    Number.isFinite,
  );
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const left = 230;
  const width = 560;
  const row = 20;
  const x = (v: number) => left + ((v - min) / span) * (width - left - 60);
  const height = points.length * row + 30;
  return (
    <svg
      className="reference-dots"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
    >
      {comparison.country?.value != null ? (
        <line
          x1={x(comparison.country.value)}
          x2={x(comparison.country.value)}
          y1={4}
          y2={height - 20}
          stroke="#595959"
          strokeDasharray="4 3"
        />
      ) : null}
      {points.map((p, i) => (
        <g key={p.areaCode} transform={`translate(0 ${i * row + 14})`}>
          <text
            x={left - 8}
            y={4}
            textAnchor="end"
            fontSize="12"
            fontWeight={p.own ? 700 : 400}
            fill="#1a1a1a"
          >
            {p.areaName ?? p.areaCode}
          </text>
          <line x1={left} x2={width - 50} y1={0} y2={0} stroke="#e0e0e0" />
          <circle
            cx={x(p.value as number)}
            cy={0}
            r={p.own ? 7 : 5}
            fill={p.own ? '#b3261e' : '#1f5f99'}
            stroke={p.own ? '#1a1a1a' : 'none'}
          />
          <text x={width - 46} y={4} fontSize="12" fill="#1a1a1a">
            {formatNumber(language, p.value as number)}
          </text>
        </g>
      ))}
    </svg>
  );
};

const valueText = (language: 'fi' | 'sv' | 'en', p: ReferencePoint, withheld: string) =>
  p.value === null ? (p.mark ? `${p.mark} (${withheld})` : withheld) : formatNumber(language, p.value);

const Comparison = ({ comparison }: { comparison: ReferenceComparison }) => {
  const text = usePageMessages(referenceMessages);
  const { language } = useI18n();
  const title = referenceTitle(comparison.indicatorTitles, language, comparison.indicatorId).text;
  const year = comparison.year ?? 0;
  const consistency = comparison.consistency;
  const distribution = comparison.nationalDistribution;
  return (
    <>
      {isDemo(comparison.referenceSource) ? (
        <p className="notice" role="note">
          {text.demo}
        </p>
      ) : null}
      <DotChart comparison={comparison} label={text.chartLabel(title, year)} />
      <table className="data-table">
        <caption>
          {text.organisersTable} {year}
        </caption>
        <thead>
          <tr>
            <th scope="col">{text.rank}</th>
            <th scope="col">{text.area}</th>
            <th scope="col">{text.value}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.organisers.map((p) => (
            <tr key={p.areaCode} className={p.own ? 'own-area' : undefined}>
              <td>{p.rank ?? '–'}</td>
              <th scope="row">
                {p.areaName ?? p.areaCode} {p.own ? text.ownMark : null}
              </th>
              <td>{valueText(language, p, text.withheld)}</td>
            </tr>
          ))}
          {comparison.country ? (
            <tr>
              <td>–</td>
              <th scope="row">{text.country}</th>
              <td>{valueText(language, comparison.country, text.withheld)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h3>{text.municipalitiesTitle}</h3>
      {distribution ? (
        <p>
          {text.distribution(
            formatNumber(language, distribution.min),
            formatNumber(language, distribution.median),
            formatNumber(language, distribution.max),
            distribution.n,
          )}
        </p>
      ) : null}
      <table className="data-table">
        <caption>{text.municipalitiesTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{text.area}</th>
            <th scope="col">{text.value}</th>
            <th scope="col">{text.percentile}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.municipalities.map((m) => (
            <tr key={m.areaCode}>
              <th scope="row">{m.areaName ?? m.areaCode}</th>
              <td>{valueText(language, m, text.withheld)}</td>
              <td>{m.percentile === null ? '–' : formatNumber(language, Math.round(m.percentile))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{text.ownVsThl}</h3>
      {consistency ? (
        <>
          <dl className="reference-consistency">
            <dt>{text.own}</dt>
            <dd>{consistency.own === null ? '–' : formatNumber(language, consistency.own)}</dd>
            <dt>{text.thl}</dt>
            <dd>{consistency.reference === null ? '–' : formatNumber(language, consistency.reference)}</dd>
            <dt>{text.difference}</dt>
            <dd>
              {consistency.difference === null ? '–' : formatNumber(language, consistency.difference)}
              {consistency.relativeDifference === null
                ? null
                : ` (${formatNumber(language, Math.round(consistency.relativeDifference * 10) / 10)} %)`}
            </dd>
          </dl>
          <ul>
            {consistency.explanations.map((e) => (
              <li key={e}>{text.explanations[e]}</li>
            ))}
          </ul>
          {comparison.definitionNote ? <p>{comparison.definitionNote[language]}</p> : null}
        </>
      ) : (
        <p>{text.noBuiltIn}</p>
      )}
      <p className="attribution">{comparison.attribution[language]}</p>
    </>
  );
};

/** THL's published figures for the county beside all organisers, the country and its own municipalities. */
export const ReferenceComparisonSection = () => {
  const text = usePageMessages(referenceMessages);
  const { language } = useI18n();
  const list = useApi<ReferenceIndicatorList>('/api/reference-values');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [year, setYear] = useState<number | undefined>(undefined);
  return (
    <Section id="reference-comparison" title={text.title}>
      <p>{text.lead}</p>
      <Loaded state={list}>
        {(indicators) => {
          const current = indicators.find((i) => i.indicatorId === chosen) ?? indicators[0];
          if (!current) return <p>{text.none}</p>;
          return (
            <>
              <div className="reference-choices">
                <label>
                  {text.indicator}{' '}
                  <select
                    value={current.indicatorId}
                    onChange={(e) => {
                      setChosen(e.target.value);
                      setYear(undefined);
                    }}
                  >
                    {indicators.map((i) => {
                      const title = referenceTitle(i.indicatorTitles, language, '');
                      return (
                        <option key={i.indicatorId} value={i.indicatorId} lang={title.lang}>
                          {i.indicatorId} {title.text}
                        </option>
                      );
                    })}
                  </select>
                </label>{' '}
                <label>
                  {text.year}{' '}
                  <select
                    value={year ?? current.years[current.years.length - 1] ?? ''}
                    onChange={(e) => setYear(Number(e.target.value))}
                  >
                    {current.years.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <ComparisonLoader indicatorId={current.indicatorId} year={year} />
            </>
          );
        }}
      </Loaded>
    </Section>
  );
};

const ComparisonLoader = ({ indicatorId, year }: { indicatorId: string; year: number | undefined }) => {
  const comparison = useApi<ReferenceComparison>(
    apiPath(`/api/reference-values/${encodeURIComponent(indicatorId)}`, { year }),
  );
  return <Loaded state={comparison}>{(c) => <Comparison comparison={c} />}</Loaded>;
};
