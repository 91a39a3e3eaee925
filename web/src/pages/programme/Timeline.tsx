import type { ProjectView } from '../../../../src/model/index.js';
import { formatDate } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { CourseBadge } from './CourseBadge.js';
import { programmeMessages } from './messages.js';
import { positionOf, spanOf } from './timeline.js';

/**
 * Projects as bars over the years with their milestones on them. Each bar is a button (Tab to move,
 * Enter to choose); each milestone is named for screen readers; the same facts are in the table below.
 */
export const Timeline = ({
  projects,
  selected,
  onSelect,
}: {
  projects: readonly ProjectView[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}) => {
  const text = usePageMessages(programmeMessages);
  const { language } = useI18n();
  const date = (iso: string) => formatDate(language, iso);
  const span = spanOf(projects);
  const nameOf = (p: ProjectView) => p.names?.[language] ?? p.name;
  return (
    <section className="card programme-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{text.timeline}</h2>
      <p className="hint">{text.timelineHint}</p>
      <div className="timeline-years" aria-hidden="true">
        {span.years.map((year) => (
          <span key={year} style={{ left: `${positionOf(span, `${year}-01-01`)}%` }}>
            {year}
          </span>
        ))}
      </div>
      <ol className="timeline-rows">
        {projects.map((p) => (
          <li key={p.code} className="timeline-row">
            <span className="timeline-label">{p.code}</span>
            <span className="timeline-track">
              <button
                type="button"
                className={`timeline-bar course--${p.course}`}
                aria-pressed={selected === p.code}
                aria-label={text.projectBar(`${p.code} ${nameOf(p)}`, date(p.start), date(p.end))}
                style={{
                  left: `${positionOf(span, p.start)}%`,
                  width: `${Math.max(1, positionOf(span, p.end) - positionOf(span, p.start))}%`,
                }}
                onClick={() => onSelect(p.code)}
              >
                <span className="timeline-bar__text" aria-hidden="true">
                  {nameOf(p)}
                </span>
              </button>
              {p.milestones.map((m) => (
                <span
                  key={`${m.title}-${m.due}`}
                  role="img"
                  className={`timeline-milestone${m.done ? ' timeline-milestone--done' : ''}`}
                  style={{ left: `${positionOf(span, m.due)}%` }}
                  aria-label={text.milestoneLabel(m.title, date(m.due), m.done ? date(m.done) : null)}
                  title={text.milestoneLabel(m.title, date(m.due), m.done ? date(m.done) : null)}
                />
              ))}
            </span>
          </li>
        ))}
      </ol>
      <details className="timeline-table">
        <summary>{text.timelineTable}</summary>
        <table className="data-table">
          <caption>{text.timelineTable}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.project}</th>
              <th scope="col">{text.columns.period}</th>
              <th scope="col">{text.columns.course}</th>
              <th scope="col">{text.columns.milestone}</th>
              <th scope="col">{text.columns.due}</th>
              <th scope="col">{text.columns.done}</th>
            </tr>
          </thead>
          <tbody>
            {projects.flatMap((p) =>
              (p.milestones.length > 0 ? p.milestones : [null]).map((m) => (
                <tr key={`${p.code}-${m?.title ?? ''}-${m?.due ?? ''}`}>
                  <th scope="row">{`${p.code} ${nameOf(p)}`}</th>
                  <td>{`${date(p.start)}–${date(p.end)}`}</td>
                  <td>
                    <CourseBadge status={p.course} />
                  </td>
                  <td>{m?.title ?? ''}</td>
                  <td>{m ? date(m.due) : ''}</td>
                  <td>{m?.done ? date(m.done) : ''}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </details>
    </section>
  );
};
