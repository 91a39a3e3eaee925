import { type FormEvent, useState } from 'react';
import type { ContractView } from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { Loaded } from '../../components/Loaded.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { saveContract, termsOf, useContractHistory, useContracts } from './api.js';
import type { ProducersMessages } from './messages.js';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'failed'; message: string };

const optionalNumber = (value: FormDataEntryValue | null): number | null =>
  value === null || String(value).trim() === '' ? null : Number(String(value).replace(',', '.'));

/** The terms the officer changes most: validity, prices and the volume bounds; a save is a new version. */
const ContractForm = ({
  contract,
  text,
  savedVersion,
  onSaved,
}: {
  contract: ContractView;
  text: ProducersMessages;
  /** The version this form's last save made; the form is remade for the new version, so the section keeps it. */
  savedVersion: number | null;
  onSaved: (version: number) => void;
}) => {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>(
    savedVersion === null ? { kind: 'idle' } : { kind: 'saved', version: savedVersion },
  );
  const id = `contract-${contract.code}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setOutcome({ kind: 'saving' });
    try {
      const saved = await saveContract(contract, {
        ...termsOf(contract),
        name: String(form.get('name') ?? contract.name),
        validFrom: String(form.get('validFrom') || contract.validFrom),
        validTo: String(form.get('validTo') || contract.validTo),
        unitPriceEuros: optionalNumber(form.get('unitPriceEuros')) ?? contract.unitPriceEuros,
        monthlyFeeEuros: optionalNumber(form.get('monthlyFeeEuros')) ?? 0,
        volumeFloor: optionalNumber(form.get('volumeFloor')),
        volumeCeiling: optionalNumber(form.get('volumeCeiling')),
      });
      setOutcome({ kind: 'saved', version: saved.version });
      onSaved(saved.version);
    } catch (error) {
      setOutcome({ kind: 'failed', message: failureText(t, reasonOf(error)) });
    }
  };

  return (
    <form className="contract-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{text.edit.title(contract.code)}</h4>
      <label>
        {text.name}
        <input name="name" defaultValue={contract.name} required maxLength={200} />
      </label>
      <label>
        {text.edit.validFrom}
        <input type="date" name="validFrom" defaultValue={contract.validFrom} required />
      </label>
      <label>
        {text.edit.validTo}
        <input type="date" name="validTo" defaultValue={contract.validTo} required />
      </label>
      <label>
        {text.edit.unitPrice}
        <input
          name="unitPriceEuros"
          inputMode="decimal"
          defaultValue={String(contract.unitPriceEuros)}
          required
        />
      </label>
      <label>
        {text.edit.monthlyFee}
        <input name="monthlyFeeEuros" inputMode="decimal" defaultValue={String(contract.monthlyFeeEuros)} />
      </label>
      <label>
        {text.edit.volumeFloor}
        <input
          name="volumeFloor"
          type="number"
          min={0}
          step="any"
          defaultValue={contract.volumeFloor ?? ''}
        />
      </label>
      <label>
        {text.edit.volumeCeiling}
        <input
          name="volumeCeiling"
          type="number"
          min={0}
          step="any"
          defaultValue={contract.volumeCeiling ?? ''}
        />
      </label>
      <button type="submit" className="button button--primary" disabled={outcome.kind === 'saving'}>
        {text.edit.save}
      </button>
      <p role="status" aria-live="polite">
        {outcome.kind === 'saved' && text.edit.saved(outcome.version)}
      </p>
      {outcome.kind === 'failed' && <p role="alert">{outcome.message}</p>}
    </form>
  );
};

/** Every version of one contract, newest first, with the terms a steering meeting argues about. */
const ContractHistoryTable = ({
  code,
  reload,
  text,
}: {
  code: string;
  reload: number;
  text: ProducersMessages;
}) => {
  const { number, date } = useI18n();
  const history = useContractHistory(code, reload);
  return (
    <Loaded state={history}>
      {(versions) => (
        <table className="contract-history">
          <caption>{text.edit.history(code)}</caption>
          <thead>
            <tr>
              <th scope="col">{text.edit.version}</th>
              <th scope="col">{text.edit.savedAt}</th>
              <th scope="col">{text.edit.savedBy}</th>
              <th scope="col">{text.edit.validTo}</th>
              <th scope="col">{text.edit.unitPrice}</th>
              <th scope="col">{text.floor}</th>
              <th scope="col">{text.ceiling}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{number(v.version)}</th>
                <td>{v.updatedAt === null ? text.edit.imported : date(v.updatedAt.slice(0, 10))}</td>
                <td>{v.updatedBy ?? '–'}</td>
                <td>{date(v.validTo)}</td>
                <td className="numeric">{number(v.unitPriceEuros)}</td>
                <td className="numeric">{v.volumeFloor === null ? '–' : number(v.volumeFloor)}</td>
                <td className="numeric">{v.volumeCeiling === null ? '–' : number(v.volumeCeiling)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Loaded>
  );
};

/**
 * A producer's contracts in force, each with its version history, and for those who may edit contracts
 * a form that saves a new version. The page reloads the scorecard after a save, so it reflects the edit.
 */
export const ContractsSection = ({
  producerCode,
  mayEdit,
  reload,
  onSaved,
  text,
}: {
  producerCode: string;
  mayEdit: boolean;
  reload: number;
  onSaved: () => void;
  text: ProducersMessages;
}) => {
  const contracts = useContracts(producerCode, reload);
  const [savedVersions, setSavedVersions] = useState<Readonly<Record<string, number>>>({});
  return (
    <section aria-labelledby="contracts-heading" className="contracts">
      <h2 id="contracts-heading">{text.edit.heading}</h2>
      <Loaded state={contracts}>
        {(list) =>
          list.length === 0 ? (
            <p>{text.edit.noContracts}</p>
          ) : (
            list.map((c) => (
              <div key={c.code} className="contract">
                <h3>
                  {c.code}: {c.name} ({text.edit.versionOf(c.version)})
                </h3>
                {mayEdit && (
                  <ContractForm
                    key={`${c.code}-${c.version}`}
                    contract={c}
                    text={text}
                    savedVersion={savedVersions[c.code] ?? null}
                    onSaved={(version) => {
                      setSavedVersions((saved) => ({ ...saved, [c.code]: version }));
                      onSaved();
                    }}
                  />
                )}
                <ContractHistoryTable code={c.code} reload={reload} text={text} />
              </div>
            ))
          )
        }
      </Loaded>
    </section>
  );
};
