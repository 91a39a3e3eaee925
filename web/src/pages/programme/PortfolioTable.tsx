import type { ProjectView } from '../../../../src/model/index.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { CourseBadge, RagBadge } from './CourseBadge.js';
import { programmeMessages } from './messages.js';

const euros = (language: 'fi' | 'sv' | 'en', value: number) =>
  `${formatNumber(language, Math.round(value))} €`;

/**
 * Every project in a row: its course by its own measures beside its status report, milestones, money and
 * risk. The project's name is the button that shows it, so that no column of buttons takes the width.
 */
export const PortfolioTable = ({
  projects,
  onSelect,
  print = false,
}: {
  projects: readonly ProjectView[];
  onSelect: (code: string) => void;
  print?: boolean;
}) => {
  const text = usePageMessages(programmeMessages);
  const { language } = useI18n();
  const c = text.columns;
  return (
    <section className="card" aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">{text.portfolio}</h2>
      <div className="table-scroll">
        <table id="portfolio" className="data-table portfolio-table">
          <thead>
            <tr>
              <th scope="col">{c.project}</th>
              <th scope="col">{c.phase}</th>
              <th scope="col">{c.period}</th>
              <th scope="col">{c.course}</th>
              <th scope="col">{c.rag}</th>
              <th scope="col" className="num">
                {c.overdue}
              </th>
              <th scope="col" className="num">
                {c.budget}
              </th>
              <th scope="col" className="num">
                {c.spent}
              </th>
              <th scope="col" className="num">
                {c.risk}
              </th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => {
              const name = `${p.code} ${p.names?.[language] ?? p.name}`;
              return (
                <tr key={p.code}>
                  <th scope="row">
                    {print ? (
                      name
                    ) : (
                      <button type="button" className="portfolio-show" onClick={() => onSelect(p.code)}>
                        <span className="visually-hidden">{text.show}: </span>
                        {name}
                      </button>
                    )}
                  </th>
                  <td>{text.phase[p.phase]}</td>
                  <td>{`${formatDate(language, p.start)}–${formatDate(language, p.end)}`}</td>
                  <td>
                    <CourseBadge status={p.course} />
                  </td>
                  <td>{p.latestStatus ? <RagBadge status={p.latestStatus.status} /> : '–'}</td>
                  <td className="num">{p.overdueMilestones}</td>
                  <td className="num">{euros(language, p.budgetEuros)}</td>
                  <td className="num">{euros(language, p.spentEuros)}</td>
                  <td className="num">{p.topRiskScore}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
};
