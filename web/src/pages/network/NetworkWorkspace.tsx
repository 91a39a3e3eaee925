import { lazy, type ReactNode, Suspense, useCallback, useMemo, useState } from 'react';
import type {
  DecayChoice,
  DecayKind,
  Scenario,
  ScenarioChange,
  ScenarioComparison,
  ServiceClass,
} from '../../../../src/model/index.js';
import { toEtrsTm35fin } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import {
  compareScenarios,
  removeScenario,
  saveScenario,
  useAccessLayer,
  useEvaluation,
  useScenarios,
} from './api.js';
import { ChangeList } from './ChangeList.js';
import { ComparisonTable } from './ComparisonTable.js';
import {
  isClosed,
  moveTo,
  openUnit,
  removeAt,
  setCapacity,
  setHours,
  setShift,
  shiftOf,
  toggleClose,
  undoUnit,
} from './changes.js';
import { networkMessages } from './messages.js';
import { NewUnitForm } from './NewUnitForm.js';
import { OptimiseDialog } from './OptimiseDialog.js';
import { ResultsPanel } from './ResultsPanel.js';
import { ScenarioManager } from './ScenarioManager.js';
import { TravelLegend } from './TravelLegend.js';
import { UnitActions } from './UnitActions.js';
import { UnitTable } from './UnitTable.js';

// MapLibre is most of the app's weight; only the map pages load it.
const NetworkMap = lazy(() => import('./NetworkMap.js').then((module) => ({ default: module.NetworkMap })));

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section className="page-section" aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>{title}</h2>
    {children}
  </section>
);

/** The planner's workspace: working changes, their live results, saved scenarios and comparisons. */
export const NetworkWorkspace = ({ serviceClasses }: { serviceClasses: ServiceClass[] }) => {
  const messages = usePageMessages(networkMessages);
  const { t, language } = useI18n();
  const [serviceClass, setServiceClass] = useState(
    serviceClasses.find((c) => c.code === 'HC')?.code ?? serviceClasses[0]?.code ?? '',
  );
  const [changes, setChanges] = useState<ScenarioChange[]>([]);
  const [targetYear, setTargetYear] = useState<number | undefined>(undefined);
  const [yearText, setYearText] = useState('');
  const [selectedUnit, setSelectedUnit] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  // Picking the place of a new unit, as against a new place for the selected one.
  const [pickingNew, setPickingNew] = useState(false);
  const [pickedNew, setPickedNew] = useState<{ x: number; y: number } | null>(null);
  const [decayKind, setDecayKind] = useState<DecayKind>('gaussian');
  const [catchmentText, setCatchmentText] = useState('30');
  const [catchment, setCatchment] = useState(30);
  const [current, setCurrent] = useState<Scenario | null>(null);
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const decay = useMemo<DecayChoice>(
    () => ({ kind: decayKind, catchmentMinutes: catchment }),
    [decayKind, catchment],
  );
  const working = useMemo(
    () => ({ changes, decay, ...(targetYear !== undefined && { targetYear }) }),
    [changes, decay, targetYear],
  );
  const evaluation = useEvaluation(working);
  const [showDifference, setShowDifference] = useState(false);
  const access = useAccessLayer(serviceClass, working, showDifference);
  const { scenarios, reload } = useScenarios();

  const classByCode = useMemo(() => new Map(serviceClasses.map((c) => [c.code, c])), [serviceClasses]);
  const className = useCallback(
    (code: string) => {
      const found = classByCode.get(code);
      return found ? { fi: found.nameFi, sv: found.nameSv, en: found.nameEn }[language] : code;
    },
    [classByCode, language],
  );
  const result = evaluation.data;
  const unitName = (code: string) => result?.units.find((u) => u.code === code)?.name ?? code;
  const classUnits = useMemo(
    () => (result?.units ?? []).filter((u) => u.serviceClasses.includes(serviceClass)),
    [result, serviceClass],
  );
  // A new unit's form starts at the middle of the units in view, somewhere inside the county.
  const suggestedPlace = useMemo(() => {
    const units = result?.units ?? [];
    if (units.length === 0) return { x: 400_000, y: 6_900_000 };
    return {
      x: units.reduce((a, u) => a + u.x, 0) / units.length,
      y: units.reduce((a, u) => a + u.y, 0) / units.length,
    };
  }, [result]);
  const selected = classUnits.find((u) => u.code === selectedUnit) ?? null;
  const inPlaces = selected
    ? selected.serviceClasses.every((code) => classByCode.get(code)?.eventKind === 'careDay')
    : false;

  const edit = (next: ScenarioChange[], message: string) => {
    setChanges(next);
    setAnnouncement(message);
  };
  const onToggleClose = (code: string) =>
    edit(
      toggleClose(changes, code),
      isClosed(changes, code)
        ? messages.units.reopenContext(unitName(code))
        : messages.changes.close(unitName(code)),
    );
  const onPick = (lon: number, lat: number) => {
    if (pickingNew) {
      setPickedNew(toEtrsTm35fin(lon, lat));
      setPickingNew(false);
      setAnnouncement(messages.newUnit.location);
      return;
    }
    if (!selectedUnit) return;
    const { x, y } = toEtrsTm35fin(lon, lat);
    setPicking(false);
    edit(moveTo(changes, selectedUnit, x, y), messages.changes.move(unitName(selectedUnit)));
  };

  const onSave = async (name: string, asNew: boolean) => {
    const saved = await saveScenario(
      {
        name,
        description: '',
        changes,
        thresholds: [10, 20, 30],
        decay,
        ...(targetYear !== undefined && { targetYear }),
      },
      asNew ? undefined : current?.id,
    );
    setCurrent(saved);
    setAnnouncement(messages.scenarios.saved(saved.name, String(saved.version)));
    reload();
  };
  const onCompare = (ids: string[]) => {
    compareScenarios(ids)
      .then((answer) => {
        setComparison(answer);
        setAnnouncement(messages.comparison.title);
        requestAnimationFrame(() => document.getElementById('network-comparison-title')?.focus());
      })
      .catch((error: unknown) => setAnnouncement(messages.scenarios.failed(String(error))));
  };

  const classChoice = serviceClasses.map((c) => (
    <option key={c.code} value={c.code}>
      {className(c.code)}
    </option>
  ));

  return (
    <>
      <form className="network-controls" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{messages.controls.legend}</legend>
          <div className="field">
            <label htmlFor="network-class">{messages.controls.serviceClass}</label>
            <select
              id="network-class"
              value={serviceClass}
              onChange={(event) => {
                setServiceClass(event.target.value);
                setSelectedUnit(null);
              }}
            >
              {classChoice}
            </select>
          </div>
          <div className="field">
            <label htmlFor="network-decay">{messages.controls.decay}</label>
            <select
              id="network-decay"
              value={decayKind}
              onChange={(event) => setDecayKind(event.target.value as DecayKind)}
            >
              {(['gaussian', 'stepwise', 'binary'] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {messages.controls.decayKinds[kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="network-catchment">{messages.controls.catchment}</label>
            <input
              id="network-catchment"
              type="number"
              min={1}
              max={180}
              value={catchmentText}
              onChange={(event) => {
                setCatchmentText(event.target.value);
                const minutes = Number(event.target.value);
                if (Number.isFinite(minutes) && minutes > 0 && minutes <= 180) setCatchment(minutes);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="network-year">{messages.controls.targetYear}</label>
            <input
              id="network-year"
              type="number"
              min={1900}
              max={2100}
              value={yearText === '' ? (result?.targetYear ?? '') : yearText}
              onChange={(event) => {
                setYearText(event.target.value);
                const year = Number(event.target.value);
                if (Number.isInteger(year) && year >= 1900 && year <= 2100) setTargetYear(year);
              }}
            />
          </div>
        </fieldset>
      </form>

      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <Section id="network-map" title={messages.map.title}>
        <p id="network-map-help" className="hint">
          {pickingNew ? messages.newUnit.pickHelp : picking ? messages.map.pickHelp : messages.map.help}
        </p>
        <p className="checkbox-field">
          <input
            id="network-difference"
            type="checkbox"
            checked={showDifference}
            onChange={(event) => setShowDifference(event.target.checked)}
          />
          <label htmlFor="network-difference">{messages.map.showDifference}</label>
        </p>
        <div className="map-layout">
          <div className="map-frame">
            {access.data ? (
              <Suspense
                fallback={
                  <p className="status" role="status">
                    {t.status.loading}
                  </p>
                }
              >
                <NetworkMap
                  key={language}
                  cells={access.data}
                  units={classUnits}
                  selectedUnit={selectedUnit}
                  onSelectUnit={(code) => {
                    setSelectedUnit(code);
                    setPicking(false);
                  }}
                  picking={picking || pickingNew}
                  difference={showDifference}
                  onPick={onPick}
                  name={messages.map.name}
                  describedBy="network-map-help"
                  labels={{ zoomIn: messages.map.zoomIn, zoomOut: messages.map.zoomOut }}
                  unavailable={messages.map.unavailable}
                />
              </Suspense>
            ) : (
              <p className="status" role={access.error ? 'alert' : 'status'}>
                {access.error ? t.status.failed(access.error) : t.status.loading}
              </p>
            )}
          </div>
          {access.data && <TravelLegend cells={access.data} difference={showDifference} />}
        </div>
        {selected && (
          <UnitActions
            key={selected.code}
            unit={selected}
            inPlaces={inPlaces}
            picking={picking}
            onToggleClose={() => onToggleClose(selected.code)}
            onCapacity={(value) =>
              edit(
                setCapacity(changes, selected.code, value),
                messages.changes.capacity(selected.name, String(value)),
              )
            }
            onHours={(hours) =>
              edit(
                setHours(changes, selected.code, hours),
                messages.changes.hours(selected.name, String(hours)),
              )
            }
            onMove={(x, y) =>
              edit(moveTo(changes, selected.code, x, y), messages.changes.move(selected.name))
            }
            onPick={(on) => {
              setPicking(on);
              if (on) setPickingNew(false);
            }}
            onUndo={() => edit(undoUnit(changes, selected.code), messages.actions.undo)}
            onDone={() => {
              setSelectedUnit(null);
              setPicking(false);
            }}
          />
        )}
        <NewUnitForm
          serviceClasses={serviceClasses}
          serviceClass={serviceClass}
          className={className}
          openedCount={changes.filter((c) => c.kind === 'open').length}
          picked={pickedNew}
          suggested={suggestedPlace}
          picking={pickingNew}
          onPick={(on) => {
            setPickingNew(on);
            if (on) setPicking(false);
          }}
          onOpen={(unit) =>
            edit(
              openUnit(changes, new Set((result?.units ?? []).map((u) => u.code)), unit),
              messages.changes.open(unit.name),
            )
          }
        />
      </Section>

      <div className="network-columns">
        <Section id="network-results" title={messages.results.title}>
          {result ? (
            <ResultsPanel result={result} serviceClass={serviceClass} updating={evaluation.updating} />
          ) : (
            <p className="status" role={evaluation.error ? 'alert' : 'status'}>
              {evaluation.error ? t.status.failed(evaluation.error) : t.status.loading}
            </p>
          )}
        </Section>
        <Section id="network-changes" title={messages.changes.title}>
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
            openUnits={classUnits.filter((u) => u.status !== 'closed').length}
            changes={changes}
            targetYear={targetYear}
            onApply={(proposal) => edit([...changes, ...proposal], messages.optimise.apply)}
          />
        </Section>
      </div>

      <Section id="network-unit-list" title={messages.units.title}>
        <UnitTable
          units={classUnits}
          serviceClass={serviceClass}
          serviceClassName={className(serviceClass)}
          selectedUnit={selectedUnit}
          onSelect={(code) => {
            setSelectedUnit(code);
            setPicking(false);
          }}
          onToggleClose={onToggleClose}
        />
      </Section>

      <Section id="network-scenarios" title={messages.scenarios.title}>
        <ScenarioManagerLoaded
          scenarios={scenarios}
          current={current}
          onSave={onSave}
          onLoad={(scenario) => {
            setCurrent(scenario);
            setChanges(scenario.changes);
            setTargetYear(scenario.targetYear);
            setYearText(String(scenario.targetYear));
            setDecayKind(scenario.decay.kind);
            setCatchment(scenario.decay.catchmentMinutes);
            setCatchmentText(String(scenario.decay.catchmentMinutes));
            setAnnouncement(scenario.name);
          }}
          onDelete={async (scenario) => {
            await removeScenario(scenario.id);
            if (current?.id === scenario.id) setCurrent(null);
            reload();
          }}
          onCompare={onCompare}
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

const ScenarioManagerLoaded = ({
  scenarios,
  ...rest
}: Omit<Parameters<typeof ScenarioManager>[0], 'scenarios'> & { scenarios: Scenario[] | null }) =>
  scenarios === null ? null : <ScenarioManager scenarios={scenarios} {...rest} />;
