import type { HTMLInputTypeAttribute } from 'react';
import { FormField } from '../form-field';
import type { QuestionInput } from '../procedures/procedure-definition';
import { fieldId } from './field-ids';
import type { QuestionProps } from './question-props';

interface InputShape {
  readonly type: HTMLInputTypeAttribute;
  readonly inputMode?: 'numeric' | 'decimal' | 'tel' | 'email';
  /** How wide the box is: it hints at how long the answer is (GOV.UK). */
  readonly width: 'short' | 'medium' | 'long';
}

// Numbers and postal codes are text with a numeric keyboard: type=number changes the value on a
// scroll and drops what it cannot read, so a typo would vanish instead of being pointed out.
const SHAPES: Partial<Record<QuestionInput, InputShape>> = {
  text: { type: 'text', width: 'long' },
  email: { type: 'email', inputMode: 'email', width: 'long' },
  tel: { type: 'tel', inputMode: 'tel', width: 'medium' },
  number: { type: 'text', inputMode: 'numeric', width: 'short' },
  'postal-code': { type: 'text', inputMode: 'numeric', width: 'short' },
  date: { type: 'date', width: 'medium' },
  month: { type: 'month', width: 'medium' },
};

/** Text, a number, a date or a month: one labelled box (a textarea for longer text). */
export function TextQuestion({ text, question, path, label, hint, value, error, onChange }: QuestionProps<string>) {
  const shape = SHAPES[question.input] ?? SHAPES.text;
  // Browsers without a month picker show a plain box; the example says how to type it.
  const fullHint = question.input === 'month' ? [hint, text.portal.form.monthHint].filter(Boolean).join(' ') : hint;
  return (
    <FormField id={fieldId(path)} label={label} hint={fullHint} error={error} errorPrefix={text.errorPrefix}>
      {(control) =>
        question.input === 'textarea' ? (
          <textarea
            {...control}
            className="form-field__textarea"
            rows={5}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            className={`form-field__input form-field__input--${shape?.width ?? 'long'}`}
            type={shape?.type ?? 'text'}
            inputMode={shape?.inputMode}
            autoComplete={question.autocomplete}
            spellCheck={question.input === 'text' ? undefined : false}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FormField>
  );
}
