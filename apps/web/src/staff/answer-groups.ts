import { fill } from '../format';
import type { Locale } from '../messages';
import type { Application } from '../procedures/application-view';
import { isLocked, valueAt, visiblePages } from '../procedures/procedure-conditions';
import type { ProcedureDefinition, QuestionDefinition } from '../procedures/procedure-definition';
import { formatDate, formatMonth } from './dates';
import type { StaffCaseMessages } from './staff-messages';

/** An answer in words: one line, several (checkboxes, household members), or none given. */
export type AnswerValue =
  | { readonly kind: 'text'; readonly text: string; readonly multiline: boolean }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'none' };

export interface AnswerRow {
  readonly key: string;
  readonly label: string;
  readonly value: AnswerValue;
  readonly fromRegister: boolean;
}

/** A page of the form, or one item of a repeating page ("児童 2"). */
export interface AnswerGroup {
  readonly key: string;
  readonly title: string;
  readonly rows: readonly AnswerRow[];
}

const NONE: AnswerValue = { kind: 'none' };
const text = (value: string, multiline = false): AnswerValue => ({ kind: 'text', text: value, multiline });

function optionLabel(question: QuestionDefinition, value: unknown, locale: Locale): string {
  return question.options?.find((o) => o.value === String(value))?.label[locale] ?? String(value);
}

function memberText(member: unknown, t: StaffCaseMessages): string {
  const { fullName, relationship } = (member ?? {}) as { fullName?: unknown; relationship?: unknown };
  const name = typeof fullName === 'string' ? fullName : '';
  return typeof relationship === 'string' && relationship ? `${name}（${relationship}）` : name || t.noAnswer;
}

/** An answer in words: option labels instead of codes, dates in the reader's format. */
export function answerValue(
  question: QuestionDefinition,
  value: unknown,
  locale: Locale,
  t: StaffCaseMessages,
): AnswerValue {
  if (value === undefined || value === null || value === '') return NONE;
  if (typeof value === 'boolean') return text(value ? t.yes : t.no);
  switch (question.input) {
    case 'radios':
    case 'select':
      return text(optionLabel(question, value, locale));
    case 'checkboxes':
      return Array.isArray(value) && value.length > 0
        ? { kind: 'list', items: value.map((v) => optionLabel(question, v, locale)) }
        : NONE;
    case 'household-members':
      return Array.isArray(value) && value.length > 0
        ? { kind: 'list', items: value.map((m) => memberText(m, t)) }
        : NONE;
    case 'date':
      return text(formatDate(String(value), locale));
    case 'month':
      return text(formatMonth(String(value), locale));
    case 'location': {
      const l = value as { latitude?: number; longitude?: number; description?: string };
      const position = `${l.latitude ?? '?'}, ${l.longitude ?? '?'}`;
      return text(l.description ? `${position}（${l.description}）` : position);
    }
    case 'textarea':
      return text(String(value), true);
    default:
      return typeof value === 'object' ? text(JSON.stringify(value)) : text(String(value));
  }
}

/**
 * The answers of the pages that applied, in the order the applicant gave them; a repeating page
 * once per item. Each answer says whether the register filled it in (住民票から).
 */
export function answerGroups(
  definition: ProcedureDefinition,
  application: Pick<Application, 'answers' | 'lockedAnswers'>,
  locale: Locale,
  t: StaffCaseMessages,
): AnswerGroup[] {
  const { answers, lockedAnswers } = application;
  return visiblePages(definition, answers).flatMap((page): AnswerGroup[] => {
    const repeat = page.repeat;
    if (!repeat) {
      const rows = page.questions.map((q) => ({
        key: q.field,
        label: q.label[locale],
        value: answerValue(q, valueAt(answers, q.field), locale, t),
        fromRegister: isLocked(lockedAnswers, q.field),
      }));
      return [{ key: page.id, title: page.title[locale], rows }];
    }
    const items = valueAt(answers, repeat.field);
    if (!Array.isArray(items) || items.length === 0) {
      return [{ key: page.id, title: page.title[locale], rows: [] }];
    }
    return items.map((item, index) => ({
      key: `${page.id}-${index}`,
      title: fill(repeat.itemTitle[locale], { n: index + 1 }),
      rows: page.questions.map((q) => {
        const path = `${repeat.field}.${index}.${q.field}`;
        return {
          key: path,
          label: q.label[locale],
          value: answerValue(q, valueAt(item, q.field), locale, t),
          fromRegister: isLocked(lockedAnswers, path),
        };
      }),
    }));
  });
}
