import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePageMessages } from '../../../i18n/usePageMessages.js';
import { PageHeading } from '../../../layout/PageHeading.js';
import { overviewMessages } from '../messages.js';
import { reportMessages } from './messages.js';

export interface CoverFacts {
  county: string | null;
  setName: string;
  period: string;
  /** YYYY-MM-DD */
  preparedOn: string;
  /** Who the figures were requested as: their name and role, in words. */
  reader: string;
  /** Whether small counts are withheld from this reader, as disclosure control does for all but analysts. */
  suppressed: boolean;
}

/**
 * The first page on paper (the head of the page on screen): whose report, of what and when, for whom,
 * and how small counts were treated, so that a reader knows before the figures whether it may be shown on.
 */
export const ReportCover = ({ facts }: { facts: CoverFacts }) => {
  const { date } = useI18n();
  const text = usePageMessages(reportMessages);
  const { report } = usePageMessages(overviewMessages);
  return (
    <header className="report-part report-cover">
      {facts.county ? <p className="report-cover__county">{facts.county}</p> : null}
      <p className="report-cover__kind">{text.kind}</p>
      <PageHeading>{facts.setName}</PageHeading>
      <p className="report-cover__period">{report.period(facts.period)}</p>
      <p className="report-cover__fact">{report.prepared(date(facts.preparedOn))}</p>
      <p className="report-cover__fact">{text.preparedFor(facts.reader)}</p>
      <section className="report-cover__disclosure" aria-labelledby="report-disclosure-title">
        <h2 id="report-disclosure-title">{text.disclosure.title}</h2>
        <p>{facts.suppressed ? text.disclosure.suppressed : text.disclosure.unsuppressed}</p>
      </section>
    </header>
  );
};
