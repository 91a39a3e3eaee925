import { lazy, Suspense, useMemo } from 'react';
import type { ServiceClass } from '../../../../src/model/index.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { moveTo, openUnit, setCapacity, setHours, undoUnit } from './changes.js';
import { NewUnitForm } from './NewUnitForm.js';
import { TravelLegend } from './TravelLegend.js';
import { UnitActions } from './UnitActions.js';
import type { NetworkWorkspaceModel } from './useNetworkWorkspace.js';

// MapLibre is most of the app's weight; only the map pages load it.
const NetworkMap = lazy(() => import('./NetworkMap.js').then((module) => ({ default: module.NetworkMap })));

/** The access map with its legend, the selected unit's actions and the form for a new unit. */
export const WorkspaceMap = ({
  workspace,
  serviceClasses,
}: {
  workspace: NetworkWorkspaceModel;
  serviceClasses: ServiceClass[];
}) => {
  const { t, language } = useI18n();
  const { state, dispatch, messages, access, classUnits, selected, inPlaces, edit } = workspace;
  const { changes, picking, pickingNew, pickingLink, showDifference } = state;
  const units = workspace.evaluation.data?.units;
  // A new unit's form starts at the middle of the units in view, somewhere inside the county.
  const suggestedPlace = useMemo(() => {
    if (!units || units.length === 0) return { x: 400_000, y: 6_900_000 };
    return {
      x: units.reduce((a, u) => a + u.x, 0) / units.length,
      y: units.reduce((a, u) => a + u.y, 0) / units.length,
    };
  }, [units]);
  return (
    <>
      <p id="network-map-help" className="hint">
        {pickingLink
          ? messages.variant.pickHelp
          : pickingNew
            ? messages.newUnit.pickHelp
            : picking
              ? messages.map.pickHelp
              : messages.map.help}
      </p>
      <p className="checkbox-field">
        <input
          id="network-difference"
          type="checkbox"
          checked={showDifference}
          onChange={(event) => dispatch({ type: 'showDifference', on: event.target.checked })}
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
                selectedUnit={state.selectedUnit}
                onSelectUnit={(code) => dispatch({ type: 'selectUnit', code })}
                picking={picking || pickingNew || pickingLink}
                difference={showDifference}
                onPick={workspace.onPick}
                closedLinks={workspace.closedLinkShapes}
                name={messages.map.name}
                describedBy="network-map-help"
                labels={{ zoomIn: messages.map.zoomIn, zoomOut: messages.map.zoomOut }}
                unavailable={messages.map.unavailable}
              />
            </Suspense>
          ) : (
            <p className="status" role={access.error ? 'alert' : 'status'}>
              {access.error ? t.status.failed(failureText(t, access.error)) : t.status.loading}
            </p>
          )}
        </div>
        {access.data && (
          <TravelLegend
            cells={access.data}
            difference={showDifference}
            closedRoads={workspace.closedLinkShapes.length > 0}
          />
        )}
      </div>
      {selected && (
        <UnitActions
          key={selected.code}
          unit={selected}
          inPlaces={inPlaces}
          picking={picking}
          onToggleClose={() => workspace.onToggleClose(selected.code)}
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
            edit(moveTo(changes, selected.code, { x, y }), messages.changes.move(selected.name))
          }
          onPick={(on) => dispatch({ type: 'pickMove', on })}
          onUndo={() => edit(undoUnit(changes, selected.code), messages.actions.undo)}
          onDone={() => dispatch({ type: 'selectUnit', code: null })}
        />
      )}
      <NewUnitForm
        serviceClasses={serviceClasses}
        serviceClass={state.serviceClass}
        className={workspace.className}
        openedCount={changes.filter((c) => c.kind === 'open').length}
        picked={state.pickedNew}
        suggested={suggestedPlace}
        picking={pickingNew}
        onPick={(on) => dispatch({ type: 'pickNew', on })}
        onOpen={(unit) =>
          edit(
            openUnit(changes, new Set((units ?? []).map((u) => u.code)), unit),
            messages.changes.open(unit.name),
          )
        }
      />
    </>
  );
};
