import { fieldId } from './field-ids';
import { FieldsetField } from './fieldset-field';
import { localized } from './localized';
import type { QuestionProps } from './question-props';

/** The id of the n-th choice: the first has the field's own id, so a problem's link lands on it. */
export function choiceId(path: string, index: number): string {
  return index === 0 ? fieldId(path) : `${fieldId(path)}-${index + 1}`;
}

/** Radios (one answer) or checkboxes (any number), in a fieldset whose legend is the question. */
export function ChoiceQuestion({ text, locale, question, path, label, hint, value, error, onChange }: QuestionProps) {
  const multiple = question.input === 'checkboxes';
  const chosen: readonly string[] = Array.isArray(value) ? (value as readonly string[]) : [value as string];
  const toggle = (option: string, checked: boolean) => {
    if (!multiple) {
      onChange(option);
      return;
    }
    const options = question.options ?? [];
    // Kept in the order of the options, whatever the order of the clicks.
    const next = options.map((o) => o.value).filter((v) => (v === option ? checked : chosen.includes(v)));
    onChange(next);
  };
  return (
    <FieldsetField id={fieldId(path)} legend={label} hint={hint} error={error} errorPrefix={text.errorPrefix}>
      <div className={multiple ? 'choices' : 'choices choices--radios'}>
        {(question.options ?? []).map((option, index) => {
          const id = choiceId(path, index);
          return (
            <div key={option.value} className="choice">
              <input
                id={id}
                className="choice__input"
                type={multiple ? 'checkbox' : 'radio'}
                name={fieldId(path)}
                value={option.value}
                checked={chosen.includes(option.value)}
                aria-invalid={Boolean(error)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label className="choice__label" htmlFor={id}>
                {localized(option.label, locale)}
              </label>
            </div>
          );
        })}
      </div>
    </FieldsetField>
  );
}
