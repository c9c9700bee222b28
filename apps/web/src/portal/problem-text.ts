import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { JsonSchema, QuestionInput } from '../procedures/procedure-definition';
import type { AnswerProblem } from './application-types';

const CHOICE_INPUTS: readonly QuestionInput[] = ['radios', 'checkboxes', 'select', 'household-members'];

/**
 * The label as it sits in a sentence: in English mid-sentence ("Enter date of birth", acronyms
 * keep their capitals); in Japanese a label that is itself a question (…ますか) is quoted,
 * 「『同居していますか』を選んでください」 rather than 「同居していますかを選んでください」.
 */
export function labelInSentence(label: string, locale: Locale): string {
  if (locale !== 'en') return /[か？?]$/.test(label) ? `「${label}」` : label;
  if (/^[A-Z]{2}/.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A problem the server found, in the resident's language: built from its code and the question's
 * label (the server's message is English and for developers). `schema` is the answer's schema,
 * for the limits a message names ("at most 100 characters").
 */
export function problemText(
  text: Messages,
  locale: Locale,
  problem: Pick<AnswerProblem, 'code'>,
  question: { readonly label: string | null; readonly input: QuestionInput | null },
  schema: JsonSchema | null,
): string {
  const t = text.portal.problems;
  const label = question.label === null ? t.thisAnswer : labelInSentence(question.label, locale);
  const choice = question.input !== null && CHOICE_INPUTS.includes(question.input);
  const numeric = question.input === 'number' || question.input === 'location';
  const withLimit = (template: string, fallback: string, limit: number | undefined) =>
    limit === undefined ? fill(fallback, { label }) : fill(template, { label, limit });
  switch (problem.code) {
    case 'REQUIRED':
      return fill(choice ? t.requiredChoice : t.required, { label });
    case 'FORMAT':
    case 'PATTERN':
      return fill(t.format, { label });
    case 'NOT_ALLOWED':
      return fill(t.notAllowed, { label });
    case 'TOO_LONG':
      return withLimit(t.tooLong, t.invalid, schema?.maxLength);
    case 'TOO_SHORT':
      return withLimit(t.tooShort, t.invalid, schema?.minLength);
    case 'WRONG_TYPE':
      return fill(numeric ? t.notNumber : t.invalid, { label });
    case 'OUT_OF_RANGE':
      if (schema?.minimum !== undefined && schema.maximum !== undefined) {
        return fill(t.range, { label, min: schema.minimum, max: schema.maximum });
      }
      return fill(t.invalid, { label });
    case 'TOO_FEW':
      return withLimit(choice ? t.tooFewChoices : t.tooFew, t.invalid, schema?.minItems);
    case 'TOO_MANY':
      return withLimit(choice ? t.tooManyChoices : t.tooMany, t.invalid, schema?.maxItems);
    case 'LOCKED':
      return fill(t.locked, { label });
    case 'DUPLICATE':
      return fill(t.duplicate, { label });
    default:
      return fill(t.invalid, { label });
  }
}
