import { type FormEvent, useState } from 'react';
import type { InvoiceLineView, ReconciledLine, VoucherValueView } from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { Loaded } from '../../components/Loaded.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import {
  addInvoiceLine,
  correctInvoiceLine,
  saveVoucherValue,
  useInvoiceLines,
  useReconciliation,
  useVoucherValues,
} from './api.js';
import type { ProducersMessages } from './messages.js';
import { euros } from './ScorecardView.js';

type Report = (outcome: { saved: string } | { failed: string }) => void;

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const decimal = (form: FormData, name: string) => Number(field(form, name).replace(',', '.'));

/** The outcome of the last save, kept by a section that does not remount when its data reloads. */
const useReport = (onSaved: () => void) => {
  const [outcome, setOutcome] = useState<{ saved: string } | { failed: string } | null>(null);
  const report: Report = (next) => {
    setOutcome(next);
    if ('saved' in next) onSaved();
  };
  const messages = (
    <>
      <p role="status" aria-live="polite">
        {outcome !== null && 'saved' in outcome ? outcome.saved : ''}
      </p>
      {outcome !== null && 'failed' in outcome && <p role="alert">{outcome.failed}</p>}
    </>
  );
  return { report, messages };
};

/** A correction of one invoice line's amount and quantity, with its reason; a save is a new version. */
const CorrectionForm = ({
  line,
  text,
  report,
}: {
  line: InvoiceLineView;
  text: ProducersMessages;
  report: Report;
}) => {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const b = text.bill;
  const id = `invoice-${line.invoiceId}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = field(form, 'note');
    setSaving(true);
    try {
      const saved = await correctInvoiceLine(line, {
        amountEuros: decimal(form, 'amountEuros'),
        quantity: decimal(form, 'quantity'),
        note: note === '' ? null : note,
      });
      report({ saved: b.saved(saved.invoiceId, saved.version) });
    } catch (error) {
      report({ failed: failureText(t, reasonOf(error)) });
    }
    setSaving(false);
  };

  return (
    <form className="invoice-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{b.correctTitle(line.invoiceId)}</h4>
      <label>
        {b.quantity}
        <input name="quantity" inputMode="decimal" defaultValue={String(line.quantity)} required />
      </label>
      <label>
        {b.amount}
        <input name="amountEuros" inputMode="decimal" defaultValue={String(line.amountEuros)} required />
      </label>
      <label>
        {b.note}
        <input name="note" defaultValue={line.note ?? ''} maxLength={500} />
      </label>
      <button type="submit" className="button button--primary" disabled={saving}>
        {b.save}
      </button>
    </form>
  );
};

/** A line the invoice file lacked, added as it would have been imported. */
const NewLineForm = ({
  producerCode,
  text,
  report,
}: {
  producerCode: string;
  text: ProducersMessages;
  report: Report;
}) => {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const b = text.bill;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const invoiceId = field(form, 'invoiceId');
    const unitCode = field(form, 'unitCode');
    const note = field(form, 'note');
    setSaving(true);
    try {
      await addInvoiceLine({
        invoiceId,
        producerCode,
        month: field(form, 'month'),
        serviceClass: field(form, 'serviceClass'),
        unitCode: unitCode === '' ? null : unitCode,
        amountEuros: decimal(form, 'amountEuros'),
        quantity: decimal(form, 'quantity'),
        note: note === '' ? null : note,
      });
      formElement.reset();
      report({ saved: b.added(invoiceId) });
    } catch (error) {
      report({ failed: failureText(t, reasonOf(error)) });
    }
    setSaving(false);
  };

  return (
    <form className="invoice-form" onSubmit={submit} aria-labelledby="new-invoice-title">
      <h3 id="new-invoice-title">{b.addTitle}</h3>
      <label>
        {b.invoiceId}
        <input name="invoiceId" required maxLength={64} />
      </label>
      <label>
        {b.month}
        <input name="month" required pattern="\d{4}-\d{2}" placeholder="2025-10" />
      </label>
      <label>
        {text.serviceClass}
        <input name="serviceClass" required maxLength={64} />
      </label>
      <label>
        {b.unit}
        <input name="unitCode" maxLength={64} />
      </label>
      <label>
        {b.quantity}
        <input name="quantity" inputMode="decimal" required />
      </label>
      <label>
        {b.amount}
        <input name="amountEuros" inputMode="decimal" required />
      </label>
      <label>
        {b.note}
        <input name="note" maxLength={500} />
      </label>
      <button type="submit" className="button button--primary" disabled={saving}>
        {b.add}
      </button>
    </form>
  );
};

/**
 * A producer's invoice lines of the period as they stand, each with its reconciliation against the
 * events × contract price: matched, or the difference. Those who keep contracts may correct a line (a
 * new version) and add one the invoice file lacked; a producer's own users read their own lines only.
 * The page reloads the scorecard after a save, so its billing differences follow; the message of the
 * last save is kept here, outside what is reloaded.
 */
export const InvoiceSection = ({
  producerCode,
  period,
  mayEdit,
  own,
  reload,
  onSaved,
  text,
}: {
  producerCode: string;
  period: string | null;
  mayEdit: boolean;
  /** The viewer is the producer's own user: the section speaks to them of their own lines. */
  own: boolean;
  reload: number;
  onSaved: () => void;
  text: ProducersMessages;
}) => {
  const { number } = useI18n();
  const lines = useInvoiceLines(producerCode, period, reload);
  const reconciliation = useReconciliation(producerCode, period, reload);
  const [editing, setEditing] = useState<string | null>(null);
  const { report, messages } = useReport(onSaved);
  const b = text.bill;
  return (
    <section aria-labelledby="invoices-heading" className="invoices">
      <h2 id="invoices-heading">{own ? b.ownHeading : b.heading}</h2>
      {messages}
      <Loaded state={lines}>
        {(list) => (
          <Loaded state={reconciliation}>
            {(reconciled) => {
              const lineOf = new Map<string, ReconciledLine>(reconciled.lines.map((l) => [l.invoiceId, l]));
              return list.length === 0 ? (
                <p>{b.noLines}</p>
              ) : (
                <>
                  <p className="reconciliation-totals">
                    {text.invoiced} {euros(number, reconciled.invoicedCents)}, {b.matched}{' '}
                    {euros(number, reconciled.matchedCents)}, {text.difference}{' '}
                    {euros(number, reconciled.differenceCents)}
                  </p>
                  <table className="invoice-lines">
                    <caption>{b.lines(reconciled.period)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{text.invoice}</th>
                        <th scope="col">{text.month}</th>
                        <th scope="col">{text.serviceClass}</th>
                        <th scope="col">{b.quantity}</th>
                        <th scope="col">{b.amount}</th>
                        <th scope="col">{text.eventQuantity}</th>
                        <th scope="col">{text.difference}</th>
                        <th scope="col">{text.status}</th>
                        <th scope="col">{text.supervise.version}</th>
                        {mayEdit && (
                          <th scope="col">
                            <span className="visually-hidden">{b.save}</span>
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((l) => {
                        const r = lineOf.get(l.invoiceId);
                        return (
                          <tr key={l.invoiceId}>
                            <th scope="row">{l.invoiceId}</th>
                            <td className="nowrap">{l.month}</td>
                            <td>{l.serviceClass}</td>
                            <td className="numeric">{number(l.quantity)}</td>
                            <td className="numeric">{number(l.amountEuros)}</td>
                            <td className="numeric">{r ? number(r.eventQuantity) : '–'}</td>
                            <td className="numeric">{r ? euros(number, r.differenceCents) : '–'}</td>
                            <td>{r ? text.statuses[r.status] : '–'}</td>
                            <td className="numeric">{number(l.version)}</td>
                            {mayEdit && (
                              <td>
                                <button
                                  type="button"
                                  className="link"
                                  onClick={() => setEditing(l.invoiceId)}
                                >
                                  {b.correct(l.invoiceId)}
                                </button>
                              </td>
                            )}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                  {mayEdit &&
                    list
                      .filter((l) => l.invoiceId === editing)
                      .map((l) => (
                        <CorrectionForm
                          key={`${l.invoiceId}-${l.version}`}
                          line={l}
                          text={text}
                          report={report}
                        />
                      ))}
                </>
              );
            }}
          </Loaded>
        )}
      </Loaded>
      {mayEdit && <NewLineForm producerCode={producerCode} text={text} report={report} />}
    </section>
  );
};

/** A euro amount from a form, or null where the field was left empty. */
const optionalDecimal = (form: FormData, name: string) =>
  field(form, name) === '' ? null : decimal(form, name);

/**
 * A voucher's value for a class and year, the client's own share and the income-related rule: the
 * version in force is named, or 0 for a class and year not yet valued. Editing one of the table's
 * values (`editing`), the form starts from it and an emptied share or rule is cleared; setting a class
 * and year typed in, an empty one keeps what was there.
 */
const VoucherForm = ({
  values,
  editing,
  text,
  report,
}: {
  values: readonly VoucherValueView[];
  editing?: VoucherValueView;
  text: ProducersMessages;
  report: Report;
}) => {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const b = text.bill;
  const id = editing ? `voucher-${editing.serviceClass}-${editing.year}` : 'voucher';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const serviceClass = editing?.serviceClass ?? field(form, 'serviceClass');
    const year = editing?.year ?? Number(field(form, 'year'));
    const current = values.find((v) => v.serviceClass === serviceClass && v.year === year);
    const clientShareEuros = optionalDecimal(form, 'clientShareEuros');
    const incomeRule = field(form, 'incomeRule');
    setSaving(true);
    try {
      const saved = await saveVoucherValue(serviceClass, year, {
        version: current?.version ?? 0,
        valueEuros: decimal(form, 'valueEuros'),
        ...(editing || clientShareEuros !== null ? { clientShareEuros } : {}),
        ...(editing || incomeRule !== '' ? { incomeRule: incomeRule === '' ? null : incomeRule } : {}),
      });
      report({ saved: b.voucherSaved(saved.serviceClass, saved.year, saved.version) });
    } catch (error) {
      report({ failed: failureText(t, reasonOf(error)) });
    }
    setSaving(false);
  };

  return (
    <form
      className={editing ? 'voucher-edit-form' : 'voucher-form'}
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
    >
      {editing ? (
        <h4 id={`${id}-title`}>{b.voucherEditTitle(editing.serviceClass, editing.year)}</h4>
      ) : (
        <h3 id={`${id}-title`}>{b.voucherTitle}</h3>
      )}
      {!editing && (
        <>
          <label>
            {text.serviceClass}
            <input name="serviceClass" required maxLength={64} />
          </label>
          <label>
            {b.year}
            <input name="year" type="number" min={1900} max={2100} required />
          </label>
        </>
      )}
      <label>
        {b.voucherValue}
        <input
          name="valueEuros"
          inputMode="decimal"
          defaultValue={editing ? String(editing.valueEuros) : undefined}
          required
        />
      </label>
      <label>
        {b.clientShare}
        <input
          name="clientShareEuros"
          inputMode="decimal"
          defaultValue={editing?.clientShareEuros == null ? '' : String(editing.clientShareEuros)}
        />
      </label>
      <label>
        {b.incomeRule}
        <input name="incomeRule" maxLength={300} defaultValue={editing?.incomeRule ?? ''} />
      </label>
      <button type="submit" className="button button--primary" disabled={saving}>
        {b.voucherSave}
      </button>
    </form>
  );
};

/**
 * The county's service voucher values by class and year with the client's own share, the income rule
 * and their versions; each to be edited, and a form to set one for a class and year.
 */
export const VoucherSection = ({
  reload,
  onSaved,
  text,
}: {
  reload: number;
  onSaved: () => void;
  text: ProducersMessages;
}) => {
  const { number } = useI18n();
  const values = useVoucherValues(reload);
  const [editing, setEditing] = useState<string | null>(null);
  const { report, messages } = useReport(onSaved);
  const b = text.bill;
  const keyOf = (v: VoucherValueView) => `${v.serviceClass}-${v.year}`;
  return (
    <section aria-labelledby="vouchers-heading" className="vouchers">
      <h2 id="vouchers-heading">{b.vouchers}</h2>
      {messages}
      <Loaded state={values}>
        {(list) => (
          <>
            {list.length === 0 ? (
              <p>{b.noVouchers}</p>
            ) : (
              <table className="voucher-values">
                <caption>{b.vouchers}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.serviceClass}</th>
                    <th scope="col">{b.year}</th>
                    <th scope="col">{b.voucherValue}</th>
                    <th scope="col">{b.clientShare}</th>
                    <th scope="col">{b.incomeRule}</th>
                    <th scope="col">{text.supervise.version}</th>
                    <th scope="col">
                      <span className="visually-hidden">{b.voucherSave}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((v) => (
                    <tr key={keyOf(v)}>
                      <th scope="row">{v.serviceClass}</th>
                      <td>{v.year}</td>
                      <td className="numeric">{number(v.valueEuros)}</td>
                      <td className="numeric">
                        {v.clientShareEuros === null ? '–' : number(v.clientShareEuros)}
                      </td>
                      <td>{v.incomeRule ?? '–'}</td>
                      <td className="numeric">{number(v.version)}</td>
                      <td>
                        <button type="button" className="link" onClick={() => setEditing(keyOf(v))}>
                          {b.voucherEdit(v.serviceClass, v.year)}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {list
              .filter((v) => keyOf(v) === editing)
              .map((v) => (
                <VoucherForm
                  key={`${keyOf(v)}-${v.version}`}
                  values={list}
                  editing={v}
                  text={text}
                  report={report}
                />
              ))}
            <VoucherForm values={list} text={text} report={report} />
          </>
        )}
      </Loaded>
    </section>
  );
};
