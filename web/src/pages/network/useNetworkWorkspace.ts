import { useCallback, useMemo, useReducer } from 'react';
import type { Scenario, ScenarioChange, ServiceClass } from '../../../../src/model/index.js';
import { toEtrsTm35fin } from '../../../../src/model/index.js';
import { RequestFailure } from '../../api/failure.js';
import { useFailureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import {
  compareScenarios,
  makeNetworkActive,
  nearestRoadLink,
  removeScenario,
  saveScenario,
  useAccessLayer,
  useEvaluation,
  useLinkShapes,
  useRoadNetworks,
  useScenarios,
} from './api.js';
import { isClosed, moveTo, toggleClose } from './changes.js';
import { useFormats } from './format.js';
import { networkMessages } from './messages.js';
import { decayOf, initialWorkspace, workspaceReducer } from './workspace-state.js';

/**
 * The planner's workspace as state and actions: the reducer's state, the live evaluation and access
 * layer of the working changes, the saved scenarios, and what the components derive from them.
 */
export const useNetworkWorkspace = (serviceClasses: readonly ServiceClass[]) => {
  const messages = usePageMessages(networkMessages);
  const { language } = useI18n();
  const failureText = useFailureText();
  const format = useFormats();
  const [state, dispatch] = useReducer(
    workspaceReducer,
    serviceClasses.find((c) => c.code === 'HC')?.code ?? serviceClasses[0]?.code ?? '',
    initialWorkspace,
  );
  const {
    changes,
    serviceClass,
    targetYear,
    decayKind,
    catchment,
    selectedUnit,
    roadNetwork,
    mode,
    variant,
  } = state;
  const decay = useMemo(() => decayOf({ decayKind, catchment }), [decayKind, catchment]);
  const working = useMemo(
    () => ({
      changes,
      decay,
      ...(targetYear !== undefined && { targetYear }),
      ...(roadNetwork !== undefined && { roadNetwork }),
      mode,
      variant,
    }),
    [changes, decay, targetYear, roadNetwork, mode, variant],
  );
  const roads = useRoadNetworks();
  const evaluation = useEvaluation(working);
  const access = useAccessLayer(serviceClass, working, state.showDifference);
  const { scenarios, reload } = useScenarios();
  const closedLinkShapes = useLinkShapes(roadNetwork, variant.closedLinks);

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
  const selected = classUnits.find((u) => u.code === selectedUnit) ?? null;
  const inPlaces = selected
    ? selected.serviceClasses.every((code) => classByCode.get(code)?.eventKind === 'careDay')
    : false;

  const edit = (next: ScenarioChange[], message: string) =>
    dispatch({ type: 'edit', changes: next, message });
  const onToggleClose = (code: string) =>
    edit(
      toggleClose(changes, code),
      isClosed(changes, code)
        ? messages.units.reopenContext(unitName(code))
        : messages.changes.close(unitName(code)),
    );
  const closeNearestLink = (lon: number, lat: number) => {
    const text = messages.variant;
    nearestRoadLink(roadNetwork, lon, lat)
      .then((link) =>
        dispatch({
          type: 'closeLink',
          linkId: link.linkId,
          message: text.picked(link.linkId, format.whole(link.distanceMetres)),
        }),
      )
      .catch((error: unknown) =>
        dispatch({
          type: 'linkNotClosed',
          message:
            error instanceof RequestFailure && error.reason === 'notFound'
              ? text.noneNear
              : text.pickFailed(failureText(error)),
        }),
      );
  };
  const onPick = (lon: number, lat: number) => {
    if (state.pickingLink) {
      closeNearestLink(lon, lat);
      return;
    }
    if (state.pickingNew) {
      dispatch({ type: 'placeNew', at: toEtrsTm35fin(lon, lat), message: messages.newUnit.location });
      return;
    }
    if (!selectedUnit) return;
    const message = messages.changes.move(unitName(selectedUnit));
    dispatch({
      type: 'moveSelected',
      changes: moveTo(changes, selectedUnit, toEtrsTm35fin(lon, lat)),
      message,
    });
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
        ...(roadNetwork !== undefined && { roadNetwork }),
        mode,
        variant,
      },
      asNew ? undefined : state.current?.id,
    );
    dispatch({
      type: 'saved',
      scenario: saved,
      message: messages.scenarios.saved(saved.name, String(saved.version)),
    });
    reload();
  };
  const onCompare = (ids: string[]) => {
    compareScenarios(ids)
      .then((comparison) => {
        dispatch({ type: 'compared', comparison, message: messages.comparison.title });
        requestAnimationFrame(() => document.getElementById('network-comparison-title')?.focus());
      })
      .catch((error: unknown) =>
        dispatch({ type: 'announce', message: messages.scenarios.failed(failureText(error)) }),
      );
  };
  const onMakeActive = (name: string) => {
    makeNetworkActive(name)
      .then((chosen) => {
        roads.reload();
        dispatch({ type: 'chooseNetwork', name: undefined });
        dispatch({ type: 'announce', message: messages.controls.madeActive(chosen.name) });
      })
      .catch((error: unknown) =>
        dispatch({ type: 'announce', message: messages.scenarios.failed(String(error)) }),
      );
  };
  const onDelete = async (scenario: Scenario) => {
    await removeScenario(scenario.id);
    dispatch({ type: 'deleted', id: scenario.id });
    reload();
  };

  return {
    state,
    dispatch,
    messages,
    working,
    evaluation,
    access,
    scenarios,
    className,
    unitName,
    classUnits,
    selected,
    inPlaces,
    edit,
    onToggleClose,
    onPick,
    closedLinkShapes,
    onSave,
    onCompare,
    onDelete,
    roadNetworks: roads.networks,
    onMakeActive,
  };
};

export type NetworkWorkspaceModel = ReturnType<typeof useNetworkWorkspace>;
