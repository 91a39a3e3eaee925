import type { ReactNode } from 'react';
import type { Scenario, ServiceClass } from '../../../../src/model/index.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { ActionsPanel } from './ActionsPanel.js';
import { actionsMessages } from './actions-messages.js';
import type { WorkingScenario } from './api.js';
import { ChangeList } from './ChangeList.js';
import { ComparisonTable } from './ComparisonTable.js';
import { removeAt, setShift, shiftOf } from './changes.js';
import { EquityPanel } from './EquityPanel.js';
import { equityMessages } from './equity-messages.js';
import { LanguagePanel } from './LanguagePanel.js';
import { languageMessages } from './language-messages.js';
import { ModesPanel } from './ModesPanel.js';
import { modeMessages } from './mode-messages.js';
import { NetworkControls } from './NetworkControls.js';
import { OptimiseDialog } from './OptimiseDialog.js';
import { ResultsPanel } from './ResultsPanel.js';
import { ScenarioManager } from './ScenarioManager.js';
import { UnitTable } from './UnitTable.js';
import { type NetworkWorkspaceModel, useNetworkWorkspace } from './useNetworkWorkspace.js';
import { WorkspaceMap } from './WorkspaceMap.js';

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section className="page-section" aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>{title}</h2>
    {children}
  </section>
);

/** The planner's workspace: working changes, their live results, saved scenarios and comparisons. */
export const NetworkWorkspace = ({ serviceClasses }: { serviceClasses: ServiceClass[] }) => {
  const workspace = useNetworkWorkspace(serviceClasses);
  const { state, dispatch, messages, className, classUnits } = workspace;
  const { serviceClass, comparison } = state;
  // What every panel computes on: the working changes, year, road network, mode and network variant.
  const working: WorkingScenario = workspace.working;
  const equityTitle = usePageMessages(equityMessages).title;
  const actionsTitle = usePageMessages(actionsMessages).title;
  const languageTitle = usePageMessages(languageMessages).title;
  const modesTitle = usePageMessages(modeMessages).title;
  return (
    <>
      <NetworkControls
        state={state}
        dispatch={dispatch}
        serviceClasses={serviceClasses}
        className={className}
        resultYear={workspace.evaluation.data?.targetYear}
        messages={messages}
        roadNetworks={workspace.roadNetworks}
        onMakeActive={workspace.onMakeActive}
      />

      <p className="visually-hidden" role="status">
        {state.announcement}
      </p>

      <Section id="network-map" title={messages.map.title}>
        <WorkspaceMap workspace={workspace} serviceClasses={serviceClasses} />
      </Section>

      <div className="network-columns">
        <Section id="network-results" title={messages.results.title}>
          <Results workspace={workspace} />
        </Section>
        <Section id="network-changes" title={messages.changes.title}>
          <WorkingChanges workspace={workspace} />
        </Section>
      </div>

      <Section id="network-equity" title={equityTitle}>
        <EquityPanel serviceClass={serviceClass} working={working} />
      </Section>

      <Section id="network-language" title={languageTitle}>
        <LanguagePanel serviceClass={serviceClass} working={working} />
      </Section>

      <Section id="network-modes" title={modesTitle}>
        <ModesPanel serviceClass={serviceClass} working={working} />
      </Section>

      <Section id="network-actions" title={actionsTitle}>
        <ActionsPanel className={className} working={working} />
      </Section>

      <Section id="network-unit-list" title={messages.units.title}>
        <UnitTable
          units={classUnits}
          serviceClass={serviceClass}
          serviceClassName={className(serviceClass)}
          selectedUnit={state.selectedUnit}
          onSelect={(code) => dispatch({ type: 'selectUnit', code })}
          onToggleClose={workspace.onToggleClose}
        />
      </Section>

      <Section id="network-scenarios" title={messages.scenarios.title}>
        <ScenarioManagerLoaded
          scenarios={workspace.scenarios}
          current={state.current}
          onSave={workspace.onSave}
          onLoad={(scenario) => dispatch({ type: 'loaded', scenario })}
          onDelete={workspace.onDelete}
          onCompare={workspace.onCompare}
        />
      </Section>

      {comparison && (
        <section className="page-section" aria-labelledby="network-comparison-title">
          <h2 id="network-comparison-title" tabIndex={-1}>
            {messages.comparison.title}
          </h2>
          <ComparisonTable
            comparison={comparison}
            serviceClass={serviceClass}
            className={className}
            baseName={messages.scenarios.base}
          />
        </section>
      )}
    </>
  );
};

const Results = ({ workspace }: { workspace: NetworkWorkspaceModel }) => {
  const { t } = useI18n();
  const { data, error, updating } = workspace.evaluation;
  return data ? (
    <ResultsPanel result={data} serviceClass={workspace.state.serviceClass} updating={updating} />
  ) : (
    <p className="status" role={error ? 'alert' : 'status'}>
      {error ? t.status.failed(failureText(t, error)) : t.status.loading}
    </p>
  );
};

/** The list of working changes, the remote shift of the class, and the optimisation that proposes more. */
const WorkingChanges = ({ workspace }: { workspace: NetworkWorkspaceModel }) => {
  const { state, messages, className, unitName, edit } = workspace;
  const { changes, serviceClass } = state;
  return (
    <>
      <ChangeList
        changes={changes}
        unitName={unitName}
        className={className}
        serviceClass={serviceClass}
        shift={shiftOf(changes, serviceClass)}
        onShift={(share) =>
          edit(
            setShift(changes, serviceClass, share),
            messages.changes.shift(className(serviceClass), String(Math.round(share * 100))),
          )
        }
        onRemove={(index) => edit(removeAt(changes, index), messages.changes.remove)}
        onClear={() => edit([], messages.changes.none)}
      />
      <OptimiseDialog
        serviceClass={serviceClass}
        serviceClassName={className(serviceClass)}
        openUnits={workspace.classUnits.filter((u) => u.status !== 'closed').length}
        working={workspace.working}
        onApply={(proposal) => edit([...changes, ...proposal], messages.optimise.apply)}
      />
    </>
  );
};

const ScenarioManagerLoaded = ({
  scenarios,
  ...rest
}: Omit<Parameters<typeof ScenarioManager>[0], 'scenarios'> & { scenarios: Scenario[] | null }) =>
  scenarios === null ? null : <ScenarioManager scenarios={scenarios} {...rest} />;
