import type { ReactNode } from 'react';

interface FieldsetFieldProps {
  /** The id the hint and error ids are made from (the first control's id). */
  readonly id: string;
  readonly legend: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly errorPrefix: string;
  readonly children: ReactNode;
}

/**
 * A group of controls that answer one question (radios, checkboxes, a location), under a legend,
 * with its hint and error: the fieldset counterpart of FormField (GOV.UK pattern).
 */
export function FieldsetField({ id, legend, hint, error, errorPrefix, children }: FieldsetFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-field form-field--error' : 'form-field'}>
      <fieldset className="question-fieldset" aria-describedby={describedBy}>
        <legend className="form-field__label question-fieldset__legend">{legend}</legend>
        {hint && (
          <p id={hintId} className="form-field__hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="form-field__error">
            <span className="visually-hidden">{errorPrefix}</span>
            {error}
          </p>
        )}
        {children}
      </fieldset>
    </div>
  );
}
