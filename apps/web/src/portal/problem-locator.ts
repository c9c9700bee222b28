import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { ProcedureDefinition, QuestionDefinition } from '../procedures/procedure-definition';
import { schemaAt } from './answer-schema';
import type { AnswerProblem } from './application-types';
import { attachmentFieldId, LOCATION_PARTS, problemTargetId } from './field-ids';
import { type FormStep, pathCovers, questionPath, stepIndexOfField } from './form-steps';
import { localized } from './localized';
import { labelInSentence, problemText } from './problem-text';

/** A problem, where it can be fixed: its step (-1: none) and the control on that step. */
export interface LocatedProblem {
  readonly field: string;
  readonly message: string;
  readonly stepIndex: number;
  readonly targetId: string | null;
}

/** The label a problem is about: a location's part has its own (latitude, longitude, description). */
function labelFor(text: Messages, locale: Locale, question: QuestionDefinition, path: string, field: string): string {
  if (question.input === 'location') {
    const part = LOCATION_PARTS.find((name) => field === `${path}.${name}`);
    if (part) return text.portal.form.location[part];
  }
  return localized(question.label, locale);
}

/** The control to link to; a problem about the whole page (too few items) goes to its first control. */
function targetOn(
  questions: readonly QuestionDefinition[],
  question: QuestionDefinition | null,
  path: string,
  field: string,
  pathOf: (q: QuestionDefinition) => string,
): string | null {
  if (question) return problemTargetId(question.input, path, field);
  const first = questions[0];
  return first ? problemTargetId(first.input, pathOf(first), '') : null;
}

/**
 * Finds the step and control of a problem and words it. `withItem` prefixes the item of a repeating
 * page (「児童 2：…」), for lists that are not on that item's own page.
 */
export function locateProblem(
  text: Messages,
  locale: Locale,
  definition: ProcedureDefinition,
  steps: readonly FormStep[],
  problem: AnswerProblem,
  withItem: boolean,
): LocatedProblem {
  const stepIndex = stepIndexOfField(steps, problem.field);
  const step = steps[stepIndex];
  const base = { field: problem.field, stepIndex };
  if (step?.kind === 'attachments') {
    const attachment = step.attachments.find((a) => problem.field === `attachments.${a.id}`);
    const label = attachment
      ? labelInSentence(localized(attachment.label, locale), locale)
      : text.portal.problems.thisAnswer;
    const template =
      problem.code === 'REQUIRED' ? text.portal.problems.attachmentRequired : text.portal.problems.invalid;
    return {
      ...base,
      message: fill(template, { label }),
      targetId: attachment ? attachmentFieldId(attachment.id) : null,
    };
  }
  if (step?.kind === 'page') {
    const { page, item } = step;
    const question = page.questions.find((q) => pathCovers(questionPath(page, q, item), problem.field)) ?? null;
    const path = question ? questionPath(page, question, item) : problem.field;
    const label = question ? labelFor(text, locale, question, path, problem.field) : localized(page.title, locale);
    const message = problemText(
      text,
      locale,
      problem,
      { label, input: question?.input ?? null },
      schemaAt(definition.answers, problem.field),
    );
    const itemTitle = page.repeat ? fill(localized(page.repeat.itemTitle, locale), { n: (item ?? 0) + 1 }) : null;
    return {
      ...base,
      message: withItem && itemTitle ? fill(text.portal.problems.inItem, { item: itemTitle, message }) : message,
      targetId: targetOn(page.questions, question, path, problem.field, (q) => questionPath(page, q, item)),
    };
  }
  const message = problemText(text, locale, problem, { label: null, input: null }, null);
  return { ...base, message, targetId: null };
}
