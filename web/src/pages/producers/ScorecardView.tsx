import { isShareMeasure, type Scorecard, type SteeringFigure } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { ProducersMessages } from './messages.js';

// The euro sign is kept with its figure by a no-break space, so that a narrow column never parts them.
export const euros = (_number: (n: number) => string, cents: number) =>
  `${(Math.round(cents) / 100).toLocaleString('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0€`;

/** An invoice id that may wrap after its hyphens (KAISLIKKO-2025-10-HC-…), never inside a part. */
const breakableId = (id: string) => {
  const [first = '', ...rest] = id.split('-');
  let upTo = first;
  return [
    first,
    ...rest.flatMap((part) => {
      upTo = `${upTo}-${part}`;
      return [<wbr key={upTo} />, `-${part}`];
    }),
  ];
};

/** A share as a percentage with one decimal, as the scorecard writes every share. */
export const percentText = (number: (n: number) => string, share: number) =>
  `${number(Math.round(share * 1000) / 10)} %`;

export const FigureText = ({
  figure,
  text,
  share,
}: {
  figure: SteeringFigure;
  text: ProducersMessages;
  share?: boolean;
}) => {
  const { number } = useI18n();
  if (figure.suppressed) return <>{text.withheld}</>;
  if (figure.value === null) return <>–</>;
  return <>{share ? percentText(number, figure.value) : number(Math.round(figure.value * 10) / 10)}</>;
};

/** One producer's scorecard, section by section, each a table with its own caption. */
export const ScorecardView = ({ card, text }: { card: Scorecard; text: ProducersMessages }) => {
  const { number, date } = useI18n();
  return (
    <section aria-labelledby="scorecard-heading" className="scorecard">
      <h2 id="scorecard-heading">
        {text.scorecard}: {card.producer.name} ({card.period})
      </h2>
      <p>
        {text.flags}:{' '}
        {card.flags.length === 0 ? text.none : card.flags.map((f) => text.flagNames[f] ?? f).join(', ')}
      </p>
      <table>
        <caption>{text.volumes}</caption>
        <thead>
          <tr>
            <th scope="col">{text.contract}</th>
            <th scope="col">{text.volume}</th>
            <th scope="col">{text.floor}</th>
            <th scope="col">{text.ceiling}</th>
            <th scope="col">{text.status}</th>
          </tr>
        </thead>
        <tbody>
          {card.volumes.map((v) => (
            <tr key={v.contractCode}>
              <th scope="row">{v.contractCode}</th>
              <td className="numeric">{number(v.volume)}</td>
              <td className="numeric">{v.floor === null ? '–' : number(v.floor)}</td>
              <td className="numeric">{v.ceiling === null ? '–' : number(v.ceiling)}</td>
              <td>{text.statuses[v.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{text.billing}</h3>
      <p>
        {text.invoiced} {euros(number, card.billing.invoicedCents)}, {text.expected}{' '}
        {euros(number, card.billing.expectedCents)}, {text.difference}{' '}
        {euros(number, card.billing.differenceCents)}
      </p>
      {card.billing.differences.length === 0 ? (
        <p>{text.noDifferences}</p>
      ) : (
        <table className="billing-differences">
          <caption>{text.difference}</caption>
          <thead>
            <tr>
              <th scope="col">{text.invoice}</th>
              <th scope="col">{text.month}</th>
              <th scope="col">{text.invoicedQuantity}</th>
              <th scope="col">{text.eventQuantity}</th>
              <th scope="col">{text.invoiced}</th>
              <th scope="col">{text.expected}</th>
              <th scope="col">{text.difference}</th>
              <th scope="col">{text.status}</th>
            </tr>
          </thead>
          <tbody>
            {card.billing.differences.map((l) => (
              <tr key={l.invoiceId}>
                <th scope="row">{breakableId(l.invoiceId)}</th>
                <td className="nowrap">{l.month}</td>
                <td className="numeric">{number(l.invoicedQuantity)}</td>
                <td className="numeric">{number(l.eventQuantity)}</td>
                <td className="numeric">{euros(number, l.invoicedCents)}</td>
                <td className="numeric">{l.expectedCents === null ? '–' : euros(number, l.expectedCents)}</td>
                <td className="numeric">{euros(number, l.differenceCents)}</td>
                <td>{text.statuses[l.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table>
        <caption>{text.costs}</caption>
        <thead>
          <tr>
            <th scope="col">{text.serviceClass}</th>
            <th scope="col">{text.producerCost}</th>
            <th scope="col">{text.ownCost}</th>
          </tr>
        </thead>
        <tbody>
          {card.costs.map((c) => (
            <tr key={c.serviceClass}>
              <th scope="row">{c.serviceClass}</th>
              <td className="numeric">
                {c.producerEurosPerUnit === null
                  ? '–'
                  : number(Math.round(c.producerEurosPerUnit * 100) / 100)}
              </td>
              <td className="numeric">
                {c.ownEurosPerUnit === null ? '–' : number(Math.round(c.ownEurosPerUnit * 100) / 100)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{text.quality}</caption>
        <thead>
          <tr>
            <th scope="col">{text.measure}</th>
            <th scope="col">{text.target}</th>
            <th scope="col">{text.value}</th>
            <th scope="col">{text.met}</th>
          </tr>
        </thead>
        <tbody>
          {card.quality.map((q) => (
            <tr key={`${q.contractCode}-${q.measure}`}>
              <th scope="row">
                {text.measures[q.measure] ?? q.measure} ({q.contractCode})
              </th>
              <td className="numeric">
                {q.direction === 'atLeast' ? '≥' : '≤'}{' '}
                {isShareMeasure(q.measure) ? percentText(number, q.target) : number(q.target)}
              </td>
              <td className="numeric">
                <FigureText figure={q.figure} text={text} share={isShareMeasure(q.measure)} />
              </td>
              <td>{q.met === null ? '–' : q.met ? text.yes : text.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{text.waiting}</caption>
        <thead>
          <tr>
            <th scope="col">{text.serviceClass}</th>
            <th scope="col">{text.median}</th>
            <th scope="col">{text.withinLimit}</th>
          </tr>
        </thead>
        <tbody>
          {card.waiting.map((w) => (
            <tr key={w.serviceClass}>
              <th scope="row">
                {w.serviceClass} ({w.limitDays})
              </th>
              <td className="numeric">
                <FigureText figure={w.medianDays} text={text} />
              </td>
              <td className="numeric">
                <FigureText figure={w.withinLimitShare} text={text} share />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{text.supervision}</caption>
        <thead>
          <tr>
            <th scope="col">{text.description}</th>
            <th scope="col">{text.severity}</th>
            <th scope="col">{text.deadline}</th>
            <th scope="col">{text.status}</th>
          </tr>
        </thead>
        <tbody>
          {card.supervision.map((f) => (
            <tr key={f.findingId}>
              <th scope="row">{f.description}</th>
              <td>{text.supervise.severities[f.severity]}</td>
              <td>{date(f.actionDeadline)}</td>
              <td>
                {f.overdue ? (
                  <strong>{text.overdue}</strong>
                ) : (
                  { open: text.open, inProgress: text.inProgress, done: text.done }[f.actionState]
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{text.complaints}</caption>
        <thead>
          <tr>
            <th scope="col">{text.quarter}</th>
            <th scope="col">{text.objections}</th>
            <th scope="col">{text.complaintCount}</th>
          </tr>
        </thead>
        <tbody>
          {card.complaints.map((c) => (
            <tr key={c.quarter}>
              <th scope="row">{c.quarter}</th>
              <td className="numeric">{number(c.objections)}</td>
              <td className="numeric">{number(c.complaints)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {text.completeness}: <FigureText figure={card.completeness} text={text} share />
      </p>
    </section>
  );
};
