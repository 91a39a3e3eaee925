import { type FormEvent, useState } from 'react';
import type { InvoiceLineView, VoucherValueView } from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { Loaded } from '../../components/Loaded.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import {
  addInvoiceLine,
  correctInvoiceLine,
  saveVoucherValue,
  useInvoiceLines,
  useVoucherValues,
} from './api.js';
import type { ProducersMessages } from './messages.js';

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
 * For those who keep contracts: a producer's invoice lines of the period, each to be corrected (a new
 * version), and a form for a line the invoice file lacked. The page reloads the scorecard after a
 * save, so its billing differences follow; the message of the last save is kept here, outside what is
 * reloaded.
 */
export const InvoiceSection = ({
  producerCode,
  period,
  reload,
  onSaved,
  text,
}: {
  producerCode: string;
  period: string | null;
  reload: number;
  onSaved: () => void;
  text: ProducersMessages;
}) => {
  const { number } = useI18n();
  const lines = useInvoiceLines(producerCode, period, reload);
  const [editing, setEditing] = useState<string | null>(null);
  const { report, messages } = useReport(onSaved);
  const b = text.bill;
  return (
    <section aria-labelledby="invoices-heading" className="invoices">
      <h2 id="invoices-heading">{b.heading}</h2>
      {messages}
      <Loaded state={lines}>
        {(list) =>
          list.length === 0 ? (
            <p>{b.noLines}</p>
          ) : (
            <>
              <table className="invoice-lines">
                <caption>{b.lines(period ?? list[0]?.month.slice(0, 4) ?? '')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.invoice}</th>
                    <th scope="col">{text.month}</th>
                    <th scope="col">{text.serviceClass}</th>
                    <th scope="col">{b.quantity}</th>
                    <th scope="col">{b.amount}</th>
                    <th scope="col">{text.supervise.version}</th>
                    <th scope="col">
                      <span className="visually-hidden">{b.save}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((l) => (
                    <tr key={l.invoiceId}>
                      <th scope="row">{l.invoiceId}</th>
                      <td>{l.month}</td>
                      <td>{l.serviceClass}</td>
                      <td className="numeric">{number(l.quantity)}</td>
                      <td className="numeric">{number(l.amountEuros)}</td>
                      <td className="numeric">{number(l.version)}</td>
                      <td>
                        <button type="button" className="link" onClick={() => setEditing(l.invoiceId)}>
                          {b.correct(l.invoiceId)}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {list
                .filter((l) => l.invoiceId === editing)
                .map((l) => (
                  <CorrectionForm key={`${l.invoiceId}-${l.version}`} line={l} text={text} report={report} />
                ))}
            </>
          )
        }
      </Loaded>
      <NewLineForm producerCode={producerCode} text={text} report={report} />
    </section>
  );
};

/** A voucher's value for a class and year: the version in force is named, or 0 for one not yet valued. */
const VoucherForm = ({
  values,
  text,
  report,
}: {
  values: readonly VoucherValueView[];
  text: ProducersMessages;
  report: Report;
}) => {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const b = text.bill;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const serviceClass = field(form, 'serviceClass');
    const year = Number(field(form, 'year'));
    const current = values.find((v) => v.serviceClass === serviceClass && v.year === year);
    setSaving(true);
    try {
      const saved = await saveVoucherValue(serviceClass, year, {
        version: current?.version ?? 0,
        valueEuros: decimal(form, 'valueEuros'),
      });
      report({ saved: b.voucherSaved(saved.serviceClass, saved.year, saved.version) });
    } catch (error) {
      report({ failed: failureText(t, reasonOf(error)) });
    }
    setSaving(false);
  };

  return (
    <form className="voucher-form" onSubmit={submit} aria-labelledby="voucher-title">
      <h3 id="voucher-title">{b.voucherTitle}</h3>
      <label>
        {text.serviceClass}
        <input name="serviceClass" required maxLength={64} />
      </label>
      <label>
        {b.year}
        <input name="year" type="number" min={1900} max={2100} required />
      </label>
      <label>
        {b.voucherValue}
        <input name="valueEuros" inputMode="decimal" required />
      </label>
      <button type="submit" className="button button--primary" disabled={saving}>
        {b.voucherSave}
      </button>
    </form>
  );
};

/** The county's service voucher values by class and year with their versions, and a form to set one. */
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
  const { report, messages } = useReport(onSaved);
  const b = text.bill;
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
                    <th scope="col">{text.supervise.version}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((v) => (
                    <tr key={`${v.serviceClass}-${v.year}`}>
                      <th scope="row">{v.serviceClass}</th>
                      <td>{v.year}</td>
                      <td className="numeric">{number(v.valueEuros)}</td>
                      <td className="numeric">{number(v.version)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <VoucherForm values={list} text={text} report={report} />
          </>
        )}
      </Loaded>
    </section>
  );
};
