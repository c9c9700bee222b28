import { valueAt } from '../procedures/conditions';
import type {
  ProcedureDefinition,
  ProcedureLocale,
  QuestionDefinition,
} from '../procedures/procedure-definition.types';
import { formatJapaneseEraDate, formatWesternDate } from '../registry/japanese-date';
import { visiblePages } from './form-logic';

/** One answer as a person reads it: the question's label and the answer in words. */
export interface AnswerLine {
  readonly label: string;
  readonly value: string;
}

const NONE: Record<ProcedureLocale, string> = {
  ja: '（回答なし）',
  en: '(not answered)',
  'easy-ja': '（こたえ なし）',
};

function formatDate(value: string, locale: ProcedureLocale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  try {
    return locale === 'en' ? value : locale === 'ja' ? formatJapaneseEraDate(value) : formatWesternDate(value);
  } catch {
    return value;
  }
}

function optionLabel(question: QuestionDefinition, value: string, locale: ProcedureLocale): string {
  return question.options?.find((o) => o.value === value)?.label[locale] ?? value;
}

/** An answer in words: option labels instead of codes, dates in the locale's calendar. */
export function answerText(question: QuestionDefinition, value: unknown, locale: ProcedureLocale): string {
  if (value === undefined || value === null || value === '') return NONE[locale];
  switch (question.input) {
    case 'radios':
    case 'select':
      return optionLabel(question, String(value), locale);
    case 'checkboxes':
      return Array.isArray(value) && value.length > 0
        ? value.map((v) => optionLabel(question, String(v), locale)).join(locale === 'en' ? ', ' : '、')
        : NONE[locale];
    case 'date':
      return formatDate(String(value), locale);
    case 'household-members':
      return Array.isArray(value) && value.length > 0
        ? value.map((m) => String((m as { fullName?: string }).fullName ?? '')).join(locale === 'en' ? ', ' : '、')
        : NONE[locale];
    case 'location': {
      const l = value as { latitude?: number; longitude?: number; description?: string };
      const position = `${l.latitude ?? '?'}, ${l.longitude ?? '?'}`;
      return l.description ? `${position}（${l.description}）` : position;
    }
    default:
      return String(value);
  }
}

/** Every answer of the pages that apply, in page order; a repeating page once per item. */
export function answerLines(
  definition: ProcedureDefinition,
  answers: Record<string, unknown>,
  locale: ProcedureLocale,
): AnswerLine[] {
  const lines: AnswerLine[] = [];
  for (const page of visiblePages(definition, answers)) {
    if (page.repeat) {
      const items = valueAt(answers, page.repeat.field);
      (Array.isArray(items) ? items : []).forEach((item, i) => {
        const title = page.repeat?.itemTitle[locale].replace('{n}', String(i + 1)) ?? '';
        for (const question of page.questions) {
          lines.push({
            label: `${title} ${question.label[locale]}`,
            value: answerText(question, valueAt(item, question.field), locale),
          });
        }
      });
      continue;
    }
    for (const question of page.questions) {
      lines.push({
        label: question.label[locale],
        value: answerText(question, valueAt(answers, question.field), locale),
      });
    }
  }
  return lines;
}
