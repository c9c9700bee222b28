import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { QuestionDefinition } from '../procedures/procedure-definition';
import { isEmptyAnswer } from './answer-paths';
import type { MemberItem } from './draft-values';
import { formatDate, formatMonth } from './format-date';
import { localized } from './localized';

function optionLabel(question: QuestionDefinition, value: unknown, locale: Locale): string {
  const option = question.options?.find((o) => o.value === value);
  return option ? localized(option.label, locale) : String(value);
}

/** 「山田 花子（子）」: a household member as the register names them. */
export function memberName(text: Messages, member: MemberItem): string {
  const name = typeof member.fullName === 'string' ? member.fullName : String(member.personId ?? '');
  const relationship = typeof member.relationship === 'string' && member.relationship ? member.relationship : null;
  return relationship ? fill(text.portal.form.memberWithRelationship, { name, relationship }) : name;
}

/**
 * An answer in words, one line per chosen item: option labels rather than codes, dates in the
 * page's language. No lines: not answered.
 */
export function answerLines(text: Messages, locale: Locale, question: QuestionDefinition, value: unknown): string[] {
  if (isEmptyAnswer(value)) return [];
  const list = Array.isArray(value) ? value : [value];
  switch (question.input) {
    case 'date':
      return [typeof value === 'string' ? formatDate(value, locale) : String(value)];
    case 'month':
      return [typeof value === 'string' ? formatMonth(value, locale) : String(value)];
    case 'radios':
    case 'select':
    case 'checkboxes':
      return list.map((item) => optionLabel(question, item, locale));
    case 'household-members':
      return list.map((member) => memberName(text, (member ?? {}) as MemberItem));
    case 'location': {
      const place = value as Record<string, unknown>;
      const t = text.portal.form.location;
      const lines = [
        fill(t.coordinates, { latitude: String(place.latitude ?? ''), longitude: String(place.longitude ?? '') }),
      ];
      return typeof place.description === 'string' && place.description ? [...lines, place.description] : lines;
    }
    default:
      return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
  }
}
