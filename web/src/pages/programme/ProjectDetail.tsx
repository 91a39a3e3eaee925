import type { ProjectView } from '../../../../src/model/index.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { CourseBadge, RagBadge } from './CourseBadge.js';
import { EffectChart } from './EffectChart.js';
import { programmeMessages } from './messages.js';

/** One project: its goal, its indicators' actual course against what it promised, milestones, money and reports. */
export const ProjectDetail = ({
  project,
  children,
}: {
  project: ProjectView;
  children?: React.ReactNode;
}) => {
  const text = usePageMessages(programmeMessages);
  const { language } = useI18n();
  const c = text.columns;
  const date = (iso: string) => formatDate(language, iso);
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`, {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }).format(value);
  const name = project.names?.[language] ?? project.name;
  return (
    <section className="card project-detail" aria-labelledby="project-title">
      <h2 id="project-title">{`${project.code} ${name}`}</h2>
      <p>
        <CourseBadge status={project.course} /> · {text.phase[project.phase]} ·{' '}
        {`${date(project.start)}–${date(project.end)}`}
      </p>
      <dl className="project-facts">
        <dt>{text.goal}</dt>
        <dd>{project.goal || '–'}</dd>
        <dt>{text.owner}</dt>
        <dd>{project.owner || '–'}</dd>
        {project.dependsOn.length > 0 && (
          <>
            <dt>{text.dependsOn}</dt>
            <dd>{project.dependsOn.join(', ')}</dd>
          </>
        )}
        <dt>{text.version(project.version, date(project.updatedAt.slice(0, 10)))}</dt>
        <dd>
          {text.staff(
            formatNumber(language, project.staff.usedPersonMonths),
            formatNumber(language, project.staff.plannedPersonMonths),
          )}
        </dd>
      </dl>

      <h3>{text.effects}</h3>
      {project.effectViews.map((e, i) => {
        const title = e.title?.[language] ?? e.indicatorId;
        const digits = e.decimals ?? 1;
        const tableId = `effect-${project.code}-${i}`;
        return (
          <div key={tableId} className="effect">
            <h4>{title}</h4>
            <p>
              <CourseBadge status={e.status} />{' '}
              {text.effectLine(
                number(e.baselineValue, digits),
                e.baselinePeriod,
                number(e.expectedValue, digits),
                e.expectedBy,
              )}
            </p>
            <EffectChart effect={e} label={text.chartLabel(title)} />
            <p className="effect-legend" aria-hidden="true">
              <span className="effect-legend__actual">● {text.legendActual}</span>{' '}
              <span className="effect-legend__expected">– – {text.legendExpected}</span>
            </p>
            <table className="data-table" id={tableId}>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.date}</th>
                  <th scope="col" className="num">
                    {c.value}
                  </th>
                  <th scope="col" className="num">
                    {c.interval}
                  </th>
                  <th scope="col" className="num">
                    {c.expected}
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.series.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period}</th>
                    <td className="num">
                      {p.value !== null ? (
                        number(p.value, digits)
                      ) : p.suppressed ? (
                        <span className="suppressed">{text.withheld}</span>
                      ) : (
                        text.noFigure
                      )}
                    </td>
                    <td className="num">
                      {p.lower !== null && p.upper !== null
                        ? `${number(p.lower, digits)}–${number(p.upper, digits)}`
                        : '–'}
                    </td>
                    <td className="num">{number(p.expected, digits)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}

      <h3>{text.milestones}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{c.milestone}</th>
            <th scope="col">{c.due}</th>
            <th scope="col">{c.done}</th>
          </tr>
        </thead>
        <tbody>
          {project.milestones.map((m) => (
            <tr key={`${m.title}-${m.due}`}>
              <th scope="row">{m.title}</th>
              <td>{date(m.due)}</td>
              <td>{m.done ? date(m.done) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{text.fundingTitle}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{c.source}</th>
            <th scope="col" className="num">
              {c.budget}
            </th>
            <th scope="col" className="num">
              {c.spent}
            </th>
          </tr>
        </thead>
        <tbody>
          {project.funding.map((f) => (
            <tr key={f.source}>
              <th scope="row">{text.funding[f.source]}</th>
              <td className="num">{`${formatNumber(language, f.budgetEuros)} €`}</td>
              <td className="num">{`${formatNumber(language, f.spentEuros)} €`}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{text.statusReports}</h3>
      {project.statusReports.length === 0 ? (
        <p>{text.noReports}</p>
      ) : (
        <ul className="status-reports">
          {[...project.statusReports]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((r) => (
              <li key={`${r.date}-${r.status}`}>
                <RagBadge status={r.status} /> {date(r.date)}: {r.text}
              </li>
            ))}
        </ul>
      )}
      {children}
    </section>
  );
};
