import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type ServiceClass, ServiceLanguage } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import type { NewUnit } from './changes.js';
import { networkMessages } from './messages.js';

interface NewUnitFormProps {
  serviceClasses: ServiceClass[];
  /** The class in view, offered by default. */
  serviceClass: string;
  className(code: string): string;
  /** How many units the changes open already, to suggest a name. */
  openedCount: number;
  /** A location picked on the map (EPSG:3067), filled into the coordinates. */
  picked: { x: number; y: number } | null;
  /** Where the form starts when nothing has been picked: the centre of the units in view. */
  suggested: { x: number; y: number };
  picking: boolean;
  onPick(picking: boolean): void;
  onOpen(unit: NewUnit): void;
}

/**
 * Opens a unit that does not exist yet: its place typed as coordinates or picked on the map, its
 * service classes and capacity. Everything works without the map.
 */
export const NewUnitForm = ({
  serviceClasses,
  serviceClass,
  className,
  openedCount,
  picked,
  suggested,
  picking,
  onPick,
  onOpen,
}: NewUnitFormProps) => {
  const text = usePageMessages(networkMessages).newUnit;
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const [name, setName] = useState('');
  const [classes, setClasses] = useState<string[]>([serviceClass]);
  const [languages, setLanguages] = useState<ServiceLanguage[]>(['fi']);
  const languageNames = useI18n().t.data.units.languageNames;
  const [capacity, setCapacity] = useState('5000');
  const [x, setX] = useState(String(Math.round(suggested.x)));
  const [y, setY] = useState(String(Math.round(suggested.y)));
  const [invalid, setInvalid] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!picked) return;
    setX(String(Math.round(picked.x)));
    setY(String(Math.round(picked.y)));
  }, [picked]);

  useEffect(() => {
    if (expanded) headingRef.current?.focus();
  }, [expanded]);

  const close = () => {
    setExpanded(false);
    setInvalid(false);
    onPick(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const east = Number(x);
    const north = Number(y);
    const perYear = Number(capacity.replace(',', '.'));
    const chosenName = name.trim() || text.defaultName(String(openedCount + 1));
    if (
      classes.length === 0 ||
      !Number.isFinite(east) ||
      !Number.isFinite(north) ||
      x.trim() === '' ||
      y.trim() === '' ||
      !Number.isFinite(perYear) ||
      perYear < 0
    ) {
      setInvalid(true);
      return;
    }
    onOpen({
      name: chosenName,
      serviceClasses: classes,
      x: east,
      y: north,
      capacityPerYear: perYear,
      languages: ServiceLanguage.options.filter((l) => languages.includes(l)),
    });
    setName('');
    close();
  };

  if (!expanded)
    return (
      <p>
        <button
          type="button"
          className="button-small"
          id="network-new-unit"
          onClick={() => {
            setClasses([serviceClass]);
            setExpanded(true);
          }}
        >
          {text.open}
        </button>
      </p>
    );

  return (
    <section className="unit-actions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {text.title}
      </h3>
      <form className="unit-actions__form new-unit" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-name`}>{text.name}</label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder={text.defaultName(String(openedCount + 1))}
          onChange={(event) => setName(event.target.value)}
        />
        <fieldset>
          <legend>{text.classes}</legend>
          <div className="new-unit__classes">
            {serviceClasses.map((c) => (
              <span className="checkbox-field" key={c.code}>
                <input
                  id={`${id}-class-${c.code}`}
                  type="checkbox"
                  checked={classes.includes(c.code)}
                  onChange={(event) =>
                    setClasses((previous) =>
                      event.target.checked
                        ? [...previous, c.code]
                        : previous.filter((code) => code !== c.code),
                    )
                  }
                />
                <label htmlFor={`${id}-class-${c.code}`}>{className(c.code)}</label>
              </span>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{text.languages}</legend>
          <div className="new-unit__classes">
            {ServiceLanguage.options.map((code) => (
              <span className="checkbox-field" key={code}>
                <input
                  id={`${id}-language-${code}`}
                  type="checkbox"
                  checked={languages.includes(code)}
                  onChange={(event) =>
                    setLanguages((previous) =>
                      event.target.checked ? [...previous, code] : previous.filter((l) => l !== code),
                    )
                  }
                />
                <label htmlFor={`${id}-language-${code}`}>{languageNames[code]}</label>
              </span>
            ))}
          </div>
        </fieldset>
        <label htmlFor={`${id}-capacity`}>{text.capacity}</label>
        <input
          id={`${id}-capacity`}
          type="number"
          min={0}
          step={100}
          value={capacity}
          onChange={(event) => setCapacity(event.target.value)}
        />
        <fieldset>
          <legend>{text.location}</legend>
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
            <button type="button" aria-pressed={picking} onClick={() => onPick(!picking)}>
              {picking ? text.cancelPick : text.pickOnMap}
            </button>
          </div>
        </fieldset>
        {invalid && (
          <p className="form-error" role="alert">
            {text.invalid}
          </p>
        )}
        <div className="unit-actions__row">
          <button type="submit">{text.submit}</button>
          <button type="button" onClick={close}>
            {text.cancel}
          </button>
        </div>
      </form>
    </section>
  );
};
