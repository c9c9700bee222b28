import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { QuestionDefinition } from '../procedures/procedure-definition';
import { ChoiceQuestion } from './choice-question';
import type { DraftValue, LocationDraft, MemberItem } from './draft-values';
import { localized } from './localized';
import { LocationQuestion } from './location-question';
import { MembersQuestion } from './members-question';
import { SelectQuestion } from './select-question';
import { TextQuestion } from './text-question';

interface QuestionFieldProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly question: QuestionDefinition;
  readonly path: string;
  readonly optional: boolean;
  readonly value: DraftValue;
  readonly error: string | undefined;
  readonly onChange: (path: string, value: DraftValue) => void;
}

/** One question, with the control its input type asks for. */
export function QuestionField({
  text,
  locale,
  applicationId,
  question,
  path,
  optional,
  value,
  error,
  onChange,
}: QuestionFieldProps) {
  const name = localized(question.label, locale);
  const common = {
    text,
    locale,
    question,
    path,
    label: optional ? fill(text.portal.form.optional, { label: name }) : name,
    hint: question.hint ? localized(question.hint, locale) : undefined,
    error,
  };
  const change = (next: DraftValue) => onChange(path, next);
  switch (question.input) {
    case 'radios':
    case 'checkboxes':
      return <ChoiceQuestion {...common} value={value} onChange={change} />;
    case 'select':
      return <SelectQuestion {...common} value={value as string} onChange={change} />;
    case 'location':
      return <LocationQuestion {...common} value={value as LocationDraft} onChange={change} />;
    case 'household-members':
      return (
        <MembersQuestion
          {...common}
          applicationId={applicationId}
          value={value as readonly MemberItem[]}
          onChange={change}
        />
      );
    default:
      return <TextQuestion {...common} value={value as string} onChange={change} />;
  }
}
