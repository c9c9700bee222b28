import { FormField } from '../form-field';
import { fieldId } from './field-ids';
import { localized } from './localized';
import type { QuestionProps } from './question-props';

/** One choice from a longer list, in a select with an empty first entry. */
export function SelectQuestion({
  text,
  locale,
  question,
  path,
  label,
  hint,
  value,
  error,
  onChange,
}: QuestionProps<string>) {
  return (
    <FormField id={fieldId(path)} label={label} hint={hint} error={error} errorPrefix={text.errorPrefix}>
      {(control) => (
        <select
          {...control}
          className="form-field__select"
          autoComplete={question.autocomplete}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{text.portal.form.selectPlaceholder}</option>
          {(question.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {localized(option.label, locale)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
