import { useId, useState } from 'react';
import type { ChainBreakdown, ChainList, ChainResult, StoredChain } from '../../../../src/model/index.js';
import { useApi } from '../../api/useApi.js';
import { Count, SuppressionNote } from '../../components/Count.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useCan, useSession } from '../../session/SessionProvider.js';
import { useQueryParams } from '../indicators/query.js';
import { saveChainDefinition } from './api.js';
import { ChainEditor } from './ChainEditor.js';
import { draftOf } from './draft.js';
import { type ChainMessages, chainMessages } from './messages.js';
import { NewChain } from './NewChain.js';
import { VersionHistory } from './VersionHistory.js';
import './chains.css';

const breakdowns: ChainBreakdown[] = ['municipality', 'ageBand', 'sex', 'producer'];
const defaultYear = String(new Date().getFullYear() - 1);

const stepName = (chain: StoredChain, code: string, language: string): string => {
  const step = chain.definition.steps.find((s) => s.code === code);
  if (!step) return code;
  return language === 'sv' ? step.nameSv : language === 'en' ? step.nameEn : step.nameFi;
};

const chainName = (chain: StoredChain, language: string): string =>
  language === 'sv'
    ? chain.definition.nameSv
    : language === 'en'
      ? chain.definition.nameEn
      : chain.definition.nameFi;

/**
 * The Chain page: pick a chain, a year and a breakdown; see the funnel, the flow, times, producers and
 * leavers, and the chain's versions. Those who may edit chains (the permission the chain-edit route
 * names) edit the definition here; a save is a new version and the figures are computed again for it.
 */
export const ChainsPage = () => {
  const text = usePageMessages(chainMessages);
  const [params, update] = useQueryParams();
  const chains = useApi<ChainList>('/api/chains');
  const { session } = useSession();
  const mayEdit = useCan('editTargets') && session.producerCode === undefined;
  // Versions saved here, over the list as first fetched: the list is not fetched again, so nothing on
  // the page is taken down while it would reload.
  const [saved, setSaved] = useState<Readonly<Record<string, StoredChain>>>({});
  // Kept by the page, not the editor: the editor is made afresh for the version it saved.
  const [lastSaved, setLastSaved] = useState<{ id: string; version: number; created: boolean } | null>(null);
  const choose = (next: Record<string, string | undefined>) => {
    if (next.chain !== undefined) setLastSaved(null);
    update(next);
  };
  const { language } = useI18n();
  // How many chains were made here: the new-chain form is made afresh, closed and empty, after each.
  const [created, setCreated] = useState(0);
  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <Loaded state={chains}>
        {(fetched) => {
          const fetchedIds = new Set(fetched.map((c) => c.definition.id));
          // Chains created here since the list was fetched, after those it holds.
          const list = [
            ...fetched.map((c) => saved[c.definition.id] ?? c),
            ...Object.values(saved).filter((c) => !fetchedIds.has(c.definition.id)),
          ];
          const chain = list.find((c) => c.definition.id === params.get('chain')) ?? list[0];
          if (!chain) return null;
          const id = chain.definition.id;
          const year = params.get('year') ?? defaultYear;
          const by = (params.get('by') as ChainBreakdown | null) ?? 'municipality';
          return (
            <>
              <ChainControls list={list} chain={chain} year={year} by={by} text={text} onChange={choose} />
              <p className="chain-version">{text.version(chain.version)}</p>
              {mayEdit && (
                <details className="chain-editor-details">
                  <summary>{text.edit.open}</summary>
                  <ChainEditor
                    key={`${id}-${chain.version}`}
                    initial={draftOf(chain.definition)}
                    title={text.edit.title(id)}
                    submit={text.edit.save}
                    text={text}
                    save={(definition) => saveChainDefinition(chain, definition)}
                    onSaved={(next) => {
                      setSaved((before) => ({ ...before, [id]: next }));
                      setLastSaved({ id, version: next.version, created: false });
                    }}
                  />
                </details>
              )}
              {mayEdit && (
                <NewChain
                  // Closed and emptied once a chain is made.
                  key={created}
                  list={list}
                  text={text}
                  nameOf={(c) => chainName(c, language)}
                  onCreated={(next) => {
                    const newId = next.definition.id;
                    setSaved((before) => ({ ...before, [newId]: next }));
                    setCreated((n) => n + 1);
                    choose({ chain: newId });
                    setLastSaved({ id: newId, version: next.version, created: true });
                  }}
                />
              )}
              <ChainFigures key={`${id}-${chain.version}`} chain={chain} year={year} by={by} text={text} />
              <VersionHistory key={`${id}-${chain.version}-history`} id={id} text={text} />
            </>
          );
        }}
      </Loaded>
      <p role="status" className="chain-saved">
        {lastSaved &&
          (lastSaved.created ? text.create.created(lastSaved.id) : text.edit.saved(lastSaved.version))}
      </p>
    </>
  );
};

const ChainControls = ({
  list,
  chain,
  year,
  by,
  text,
  onChange,
}: {
  list: ChainList;
  chain: StoredChain;
  year: string;
  by: ChainBreakdown;
  text: ChainMessages;
  onChange: (next: Record<string, string | undefined>) => void;
}) => {
  const { language } = useI18n();
  const id = useId();
  return (
    <form className="chain-controls" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${id}-chain`}>{text.chain}</label>
      <select
        id={`${id}-chain`}
        value={chain.definition.id}
        onChange={(e) => onChange({ chain: e.target.value })}
      >
        {list.map((c) => (
          <option key={c.definition.id} value={c.definition.id}>
            {chainName(c, language)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-year`}>{text.year}</label>
      <input
        id={`${id}-year`}
        inputMode="numeric"
        pattern="[0-9]{4}"
        value={year}
        onChange={(e) => /^\d{4}$/.test(e.target.value) && onChange({ year: e.target.value })}
      />
      <label htmlFor={`${id}-by`}>{text.by}</label>
      <select id={`${id}-by`} value={by} onChange={(e) => onChange({ by: e.target.value })}>
        {breakdowns.map((b) => (
          <option key={b} value={b}>
            {text.breakdowns[b]}
          </option>
        ))}
      </select>
    </form>
  );
};

const ChainFigures = ({
  chain,
  year,
  by,
  text,
}: {
  chain: StoredChain;
  year: string;
  by: ChainBreakdown;
  text: ChainMessages;
}) => {
  const result = useApi<ChainResult>(`/api/chains/${chain.definition.id}/results?period=${year}&by=${by}`);
  return (
    <Loaded state={result}>
      {(r) => (
        <>
          <Funnel chain={chain} result={r} text={text} />
          <FlowTable chain={chain} result={r} text={text} />
          <Producers chain={chain} result={r} text={text} />
          <LostByGroup chain={chain} result={r} text={text} />
          {r.suppressed && <SuppressionNote />}
        </>
      )}
    </Loaded>
  );
};

type FigureProps = { chain: StoredChain; result: ChainResult; text: ChainMessages };

/** The funnel and the flow as a picture; the table that follows says the same in words. */
const Funnel = ({ chain, result, text }: FigureProps) => {
  const { language, number } = useI18n();
  const entered = result.total.entered.value ?? 0;
  return (
    <section aria-labelledby="chain-funnel">
      <h2 id="chain-funnel">{text.funnel}</h2>
      <p>
        {text.entered}: <Count {...result.total.entered} /> ·{' '}
        {text.returns(chain.definition.returns.withinDays)}: <Count {...result.total.returns} /> · {text.cost}
        : {result.total.costPerClient === null ? '–' : `${number(Math.round(result.total.costPerClient))} €`}
      </p>
      <ol className="chain-flow" aria-label={text.flow}>
        {result.total.steps.map((s) => {
          const width =
            entered > 0 && s.reached.value !== null ? Math.max(2, (s.reached.value / entered) * 100) : 2;
          return (
            <li key={s.step} className="chain-flow-step">
              <span className="chain-flow-name">{stepName(chain, s.step, language)}</span>
              <span className="chain-flow-bar" style={{ width: `${width}%` }} aria-hidden="true" />
              <span className="chain-flow-count">
                <Count {...s.reached} />
                {s.share !== null && ` (${number(Math.round(s.share * 1000) / 10)} %)`}
              </span>
              {s.daysToNext && s.daysToNext.median.value !== null && (
                <span className="chain-flow-arrow">→ {text.days(s.daysToNext.median.value)}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
};

const days = (d: { value: number | null; lower: number | null; upper: number | null } | undefined) =>
  d === undefined || d.value === null ? '–' : `${d.value} (${d.lower ?? '–'}–${d.upper ?? '–'})`;

const FlowTable = ({ chain, result, text }: FigureProps) => {
  const { language } = useI18n();
  return (
    <section aria-labelledby="chain-flow-table">
      <h2 id="chain-flow-table">{text.flowTable}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{text.step}</th>
            <th scope="col">{text.reached}</th>
            <th scope="col">{text.share}</th>
            <th scope="col">{text.left}</th>
            <th scope="col">{text.median}</th>
            <th scope="col">{text.p90}</th>
            <th scope="col">{text.handovers}</th>
          </tr>
        </thead>
        <tbody>
          {result.total.steps.map((s) => (
            <tr key={s.step}>
              <th scope="row">{stepName(chain, s.step, language)}</th>
              <td>
                <Count {...s.reached} />
              </td>
              <td>{s.share === null ? '–' : `${Math.round(s.share * 1000) / 10} %`}</td>
              <td>
                <Count {...s.left} />
              </td>
              <td>{days(s.daysToNext?.median)}</td>
              <td>{days(s.daysToNext?.p90)}</td>
              <td>{s.handoversToNext ? <Count {...s.handoversToNext} /> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

const Producers = ({ chain, result, text }: FigureProps) => {
  const { language } = useI18n();
  return (
    <section aria-labelledby="chain-producers">
      <h2 id="chain-producers">{text.producers}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{text.step}</th>
            <th scope="col">{text.producer}</th>
            <th scope="col">{text.clients}</th>
          </tr>
        </thead>
        <tbody>
          {result.producersByStep.flatMap((s) =>
            s.producers.map((p) => (
              <tr key={`${s.step}-${p.producerCode}`}>
                <th scope="row">{stepName(chain, s.step, language)}</th>
                <td>{p.producerCode === '' ? text.unknownProducer : p.producerCode}</td>
                <td>
                  <Count {...p.clients} />
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
};

const LostByGroup = ({ chain, result, text }: FigureProps) => {
  const { language } = useI18n();
  return (
    <section aria-labelledby="chain-lost">
      <h2 id="chain-lost">
        {text.lostByArea}: {result.by ? text.breakdowns[result.by] : ''}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{text.category}</th>
            <th scope="col">{text.entered}</th>
            {chain.definition.steps.map((s) => (
              <th scope="col" key={s.code}>
                {language === 'sv' ? s.nameSv : language === 'en' ? s.nameEn : s.nameFi}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.groups.map((g) => (
            <tr key={g.category}>
              <th scope="row">{g.category === '' ? text.unknownProducer : g.category}</th>
              <td>
                <Count {...g.entered} />
              </td>
              {g.steps.map((s) => (
                <td key={s.step}>
                  <Count {...s.left} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
