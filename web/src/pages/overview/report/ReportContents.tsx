import { usePageMessages } from '../../../i18n/usePageMessages.js';
import { reportMessages } from './messages.js';

export interface ContentsEntry {
  /** The id of the part's heading, which the entry links to on screen. */
  target: string;
  title: string;
  /** The page the part starts on when printed; unknown on screen. */
  page: number | undefined;
}

/**
 * The report's parts in order. On paper each shows the page it starts on, with dotted leaders; on
 * screen each is a link to its part.
 */
export const ReportContents = ({ entries }: { entries: readonly ContentsEntry[] }) => {
  const text = usePageMessages(reportMessages);
  return (
    <nav className="report-part report-contents" aria-labelledby="report-contents-title">
      <h2 id="report-contents-title">{text.contents}</h2>
      <ol className="report-contents__list">
        {entries.map((entry) => (
          <li key={entry.target}>
            <a href={`#${entry.target}`}>{entry.title}</a>
            <span className="report-contents__page">
              <span className="visually-hidden">{text.page} </span>
              {entry.page ?? ''}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
};
