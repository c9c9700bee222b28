import type { ReactNode } from 'react';

/** What the control inside a field needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': boolean;
}

interface FormFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** Read before the error by screen readers, e.g. 「エラー：」. */
  readonly errorPrefix: string;
  readonly children: (control: FieldControlProps) => ReactNode;
}

interface FieldNotesProps {
  /** The id the hint's and the error's ids are made from (the control's). */
  readonly id: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly errorPrefix: string;
}

/** The `aria-describedby` of a field's control (or fieldset): its hint and error, when shown. */
export function describedByOf({ id, hint, error }: Omit<FieldNotesProps, 'errorPrefix'>): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and, when there is one, its error message, under its label or legend. */
export function FieldNotes({ id, hint, error, errorPrefix }: FieldNotesProps) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form-field__error">
          <span className="visually-hidden">{errorPrefix}</span>
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled control with its hint and, when there is one, its error message (GOV.UK pattern). */
export function FormField({ id, label, hint, error, errorPrefix, children }: FormFieldProps) {
  return (
    <div className={error ? 'form-field form-field--error' : 'form-field'}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      <FieldNotes id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
      {children({ id, 'aria-describedby': describedByOf({ id, hint, error }), 'aria-invalid': Boolean(error) })}
    </div>
  );
}
