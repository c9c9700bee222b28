import type { ReactNode } from 'react';
import { describedByOf, FieldNotes } from '../form-field';

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
  return (
    <div className={error ? 'form-field form-field--error' : 'form-field'}>
      <fieldset className="question-fieldset" aria-describedby={describedByOf({ id, hint, error })}>
        <legend className="form-field__label question-fieldset__legend">{legend}</legend>
        <FieldNotes id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
        {children}
      </fieldset>
    </div>
  );
}
