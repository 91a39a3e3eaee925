import { useState } from 'react';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useCan, useSession } from '../../session/SessionProvider.js';
import { useQueryParams } from '../indicators/query.js';
import { useCalendar, useComparison, useRegister, useScorecard } from './api.js';
import { InvoiceSection, VoucherSection } from './BillingEditing.js';
import { ContractsSection } from './ContractEditing.js';
import { producersMessages } from './messages.js';
import { ProducerMap } from './ProducerMap.js';
import { FigureText, ScorecardView } from './ScorecardView.js';
import { SupervisionSection } from './SupervisionEditing.js';
import './producers.css';

/**
 * The producer-steering officer's workplace: the register with status flags, a producer's scorecard,
 * the procurement calendar and own vs purchased vs voucher production. A producer's users see their
 * own scorecard and their own invoice lines against their events only; the server gives them nothing
 * of any other producer. With ?print=1 it is the chosen producer's scorecard alone, as printed to PDF
 * for the steering meeting.
 */
export const ProducersPage = () => {
  const text = usePageMessages(producersMessages);
  const { number, date, language } = useI18n();
  const { session } = useSession();
  const own = session.producerCode;
  const [params, update] = useQueryParams();
  const chosen = own ?? params.get('producer');
  const mayEditContracts = useCan('editContracts') && own === undefined;
  const mayEditSupervision = useCan('editSupervision') && own === undefined;
  // Bumped after a contract, an invoice line, a voucher value or supervision is saved: what shows them is fetched again.
  const [reload, setReload] = useState(0);
  const register = useRegister(reload);
  const scorecard = useScorecard(chosen, params.get('period'), reload);
  const calendar = useCalendar();
  const print = params.get('print') === '1';
  const unitsOf = (code: string) =>
    register.status === 'ready' ? (register.data.find((p) => p.code === code)?.units ?? []) : [];
  const comparison = useComparison(own === undefined && !print ? (params.get('class') ?? 'OH') : null);

  if (print)
    return (
      <div className="producers-print">
        <PageHeading>{text.pack}</PageHeading>
        {chosen !== null && (
          <Loaded state={scorecard}>
            {(card) => (
              <div className="scorecard-ready">
                <ScorecardView card={card} text={text} />
              </div>
            )}
          </Loaded>
        )}
      </div>
    );

  const packLink = (code: string, period: string, format: 'pdf' | 'xlsx') =>
    `/api/steering/producers/${encodeURIComponent(code)}/pack.${format}?${new URLSearchParams({ period, lang: language }).toString()}`;

  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{own === undefined ? text.lead : text.ownLead}</p>
      {own === undefined && (
        <section aria-labelledby="register-heading">
          <h2 id="register-heading">{text.register}</h2>
          <Loaded state={register}>
            {(entries) => (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{text.code}</th>
                    <th scope="col">{text.name}</th>
                    <th scope="col">{text.kind}</th>
                    <th scope="col">{text.businessId}</th>
                    <th scope="col">{text.contracts}</th>
                    <th scope="col">{text.units}</th>
                    <th scope="col">{text.flags}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((p) => (
                    <tr key={p.code}>
                      <th scope="row">
                        <button type="button" className="link" onClick={() => update({ producer: p.code })}>
                          {p.code}
                          <span className="visually-hidden">: {text.show}</span>
                        </button>
                      </th>
                      <td>{p.name}</td>
                      <td>{text.kinds[p.kind] ?? p.kind}</td>
                      <td>{p.businessId ?? '–'}</td>
                      <td>{p.contracts.map((c) => c.code).join(', ') || '–'}</td>
                      <td className="numeric">{number(p.units.length)}</td>
                      <td>
                        {p.flags.length === 0
                          ? text.none
                          : p.flags.map((f) => text.flagNames[f] ?? f).join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Loaded>
        </section>
      )}
      {own === undefined && (
        <Loaded state={register}>{(entries) => <ProducerMap entries={entries} text={text} />}</Loaded>
      )}
      {chosen !== null && (
        <Loaded state={scorecard}>
          {(card) => (
            <>
              <ScorecardView card={card} text={text} />
              <p className="pack-actions">
                <a className="button" href={packLink(card.producer.code, card.period, 'pdf')} download>
                  {`${text.pack}: ${text.packPdf}`}
                </a>{' '}
                <a className="button" href={packLink(card.producer.code, card.period, 'xlsx')} download>
                  {`${text.pack}: ${text.packXlsx}`}
                </a>
              </p>
            </>
          )}
        </Loaded>
      )}
      {chosen !== null && (
        <ContractsSection
          producerCode={chosen}
          mayEdit={mayEditContracts}
          reload={reload}
          onSaved={() => setReload((n) => n + 1)}
          text={text}
        />
      )}
      {chosen !== null && (
        <InvoiceSection
          producerCode={chosen}
          period={params.get('period')}
          mayEdit={mayEditContracts}
          own={own !== undefined}
          reload={reload}
          onSaved={() => setReload((n) => n + 1)}
          text={text}
        />
      )}
      {mayEditContracts && (
        <VoucherSection reload={reload} onSaved={() => setReload((n) => n + 1)} text={text} />
      )}
      {chosen !== null && mayEditSupervision && (
        <SupervisionSection
          producerCode={chosen}
          units={unitsOf(chosen)}
          reload={reload}
          onSaved={() => setReload((n) => n + 1)}
          text={text}
        />
      )}
      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{text.calendar}</h2>
        <Loaded state={calendar}>
          {(cal) => (
            <>
              <h3>{text.warnings}</h3>
              {cal.warnings.length === 0 ? (
                <p>{text.noWarnings}</p>
              ) : (
                <ul className="warnings">
                  {cal.warnings.map((w) => (
                    <li key={`${w.kind}-${w.contractCode}`}>
                      {date(w.date)}: {text.itemKinds[w.kind]}, {w.contractCode} ({w.title})
                    </li>
                  ))}
                </ul>
              )}
              <table>
                <caption>{text.calendar}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.date}</th>
                    <th scope="col">{text.event}</th>
                    <th scope="col">{text.contract}</th>
                  </tr>
                </thead>
                <tbody>
                  {cal.items.map((i) => (
                    <tr key={`${i.kind}-${i.contractCode}-${i.date}`}>
                      <th scope="row">{date(i.date)}</th>
                      <td>{text.itemKinds[i.kind]}</td>
                      <td>
                        {i.contractCode} ({i.title})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                <a href="/api/steering/calendar.ics?withinMonths=24" download="hankintakalenteri.ics">
                  {text.icsLink}
                </a>
              </p>
            </>
          )}
        </Loaded>
      </section>
      {own === undefined && (
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading">{text.comparison}</h2>
          <Loaded state={comparison}>
            {(c) => (
              <table>
                <caption>
                  {text.serviceClass} {c.serviceClass}, {c.period}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{text.mode}</th>
                    <th scope="col">{text.producers}</th>
                    <th scope="col">{text.volume}</th>
                    <th scope="col">{text.eurosPerUnit}</th>
                    <th scope="col">{text.median}</th>
                    <th scope="col">{text.withinLimit}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.modes.map((m) => (
                    <tr key={m.mode}>
                      <th scope="row">{text.kinds[m.mode]}</th>
                      <td className="numeric">{number(m.producers)}</td>
                      <td className="numeric">{number(m.volume)}</td>
                      <td className="numeric">
                        {m.eurosPerUnit === null ? '–' : number(Math.round(m.eurosPerUnit * 100) / 100)}
                      </td>
                      <td className="numeric">
                        <FigureText figure={m.medianWaitingDays} text={text} />
                      </td>
                      <td className="numeric">
                        <FigureText figure={m.withinLimitShare} text={text} share />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Loaded>
        </section>
      )}
    </>
  );
};
