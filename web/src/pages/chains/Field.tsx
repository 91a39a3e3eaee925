import type { InputHTMLAttributes } from 'react';

/**
 * A labelled input with its hint and its error in words beside it; the input names both, so a screen
 * reader reads the error with the field.
 */
export const Field = ({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}) => {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`chain-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described === '' ? undefined : described}
        {...input}
      />
      {hint && (
        <span id={`${id}-hint`} className="chain-field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="chain-field-error">
          {error}
        </span>
      )}
    </div>
  );
};
