import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { UnitResult } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { networkMessages } from './messages.js';

interface UnitActionsProps {
  unit: UnitResult;
  /** Whether the unit's capacity is counted in places (round-the-clock care) rather than visits. */
  inPlaces: boolean;
  picking: boolean;
  onToggleClose(): void;
  onCapacity(capacityPerYear: number): void;
  onHours(hoursPerWeek: number): void;
  onMove(x: number, y: number): void;
  onPick(picking: boolean): void;
  onUndo(): void;
  onDone(): void;
}

/** Close, move or resize one unit: reached from a click on the map or from the unit list. */
export const UnitActions = ({
  unit,
  inPlaces,
  picking,
  onToggleClose,
  onCapacity,
  onHours,
  onMove,
  onPick,
  onUndo,
  onDone,
}: UnitActionsProps) => {
  const messages = usePageMessages(networkMessages);
  const text = messages.actions;
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownCapacity = Math.round(
    Object.values(unit.capacity).reduce((a, b) => a + b, 0) / (inPlaces ? 365 : 1),
  );
  const [capacity, setCapacityText] = useState(String(shownCapacity));
  const [hours, setHours] = useState('40');
  const [x, setX] = useState(String(Math.round(unit.x)));
  const [y, setY] = useState(String(Math.round(unit.y)));

  // A newly chosen unit takes the focus (the panel is keyed by unit), so that keyboard and screen-reader
  // users land on its actions.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    setX(String(Math.round(unit.x)));
    setY(String(Math.round(unit.y)));
  }, [unit.x, unit.y]);

  const submitCapacity = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(capacity.replace(',', '.'));
    if (Number.isFinite(value) && value >= 0) onCapacity(value);
  };
  const submitHours = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(hours.replace(',', '.'));
    if (Number.isFinite(value) && value >= 0 && value <= 168) onHours(value);
  };
  const submitMove = (event: FormEvent) => {
    event.preventDefault();
    const east = Number(x);
    const north = Number(y);
    if (Number.isFinite(east) && Number.isFinite(north)) onMove(east, north);
  };

  return (
    <section className="unit-actions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {text.title(unit.name)}
      </h3>
      <div className="unit-actions__row">
        <button type="button" onClick={onToggleClose}>
          {unit.status === 'closed' ? messages.units.reopen : text.close}
        </button>
        <button type="button" onClick={onUndo}>
          {text.undo}
        </button>
        <button type="button" onClick={onDone}>
          {text.done}
        </button>
      </div>
      {unit.status !== 'closed' && (
        <>
          <form className="unit-actions__form" onSubmit={submitCapacity}>
            <label htmlFor={`${id}-capacity`}>{inPlaces ? text.capacityPlaces : text.capacity}</label>
            <input
              id={`${id}-capacity`}
              type="number"
              min={0}
              step={inPlaces ? 1 : 100}
              value={capacity}
              onChange={(event) => setCapacityText(event.target.value)}
            />
            <button type="submit">{text.applyCapacity}</button>
          </form>
          <form className="unit-actions__form" onSubmit={submitHours}>
            <label htmlFor={`${id}-hours`}>{text.hours}</label>
            <input
              id={`${id}-hours`}
              type="number"
              min={0}
              max={168}
              value={hours}
              aria-describedby={`${id}-hours-hint`}
              onChange={(event) => setHours(event.target.value)}
            />
            <button type="submit">{text.applyHours}</button>
            <span id={`${id}-hours-hint`} className="hint">
              {text.hoursHint}
            </span>
          </form>
          <form className="unit-actions__form" onSubmit={submitMove}>
            <fieldset>
              <legend>{text.move}</legend>
              <label htmlFor={`${id}-x`}>{text.easting}</label>
              <input
                id={`${id}-x`}
                type="number"
                step={100}
                value={x}
                onChange={(event) => setX(event.target.value)}
              />
              <label htmlFor={`${id}-y`}>{text.northing}</label>
              <input
                id={`${id}-y`}
                type="number"
                step={100}
                value={y}
                onChange={(event) => setY(event.target.value)}
              />
              <div className="unit-actions__row">
                <button type="submit">{text.applyMove}</button>
                <button type="button" aria-pressed={picking} onClick={() => onPick(!picking)}>
                  {picking ? text.cancelPick : text.pickOnMap}
                </button>
              </div>
            </fieldset>
          </form>
        </>
      )}
    </section>
  );
};
