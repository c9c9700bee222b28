import type { Answers } from '../procedures/application-view';
import { isLocked, valueAt } from '../procedures/procedure-conditions';
import type { ProcedureDefinition, QuestionDefinition } from '../procedures/procedure-definition';
import { topKeyOf, withValueAt } from './answer-paths';
import { isRequiredPath } from './answer-schema';
import { type DraftValue, fromDraft, toDraft } from './draft-values';
import { type FormStep, questionPath } from './form-steps';

export type PageStep = Extract<FormStep, { kind: 'page' }>;

/** A question as this step asks it: where its answer is, and whether it is the register's. */
export interface StepQuestion {
  readonly question: QuestionDefinition;
  readonly path: string;
  readonly locked: boolean;
  readonly optional: boolean;
}

export type Draft = Readonly<Record<string, DraftValue>>;

export function stepQuestions(
  definition: ProcedureDefinition,
  step: PageStep,
  locked: readonly string[],
): StepQuestion[] {
  return step.page.questions.map((question) => {
    const path = questionPath(step.page, question, step.item);
    return {
      question,
      path,
      locked: isLocked(locked, path),
      optional: !isRequiredPath(definition.answers, path),
    };
  });
}

export function initialDraft(questions: readonly StepQuestion[], answers: Answers): Draft {
  return Object.fromEntries(questions.map(({ question, path }) => [path, toDraft(question, valueAt(answers, path))]));
}

/** The answers with what this step's controls hold (the register's answers left as they are). */
export function withDraft(answers: Answers, questions: readonly StepQuestion[], draft: Draft): Answers {
  return questions
    .filter((q) => !q.locked)
    .reduce<Answers>((acc, { question, path }) => withValueAt(acc, path, fromDraft(question, draft[path])), answers);
}

/** The top-level answers this step changes: saving sends each whole. */
export function editedTopKeys(questions: readonly StepQuestion[]): string[] {
  return [...new Set(questions.filter((q) => !q.locked).map((q) => topKeyOf(q.path)))];
}

export function itemsAt(answers: Answers, field: string): unknown[] {
  const items = valueAt(answers, field);
  return Array.isArray(items) ? items : [];
}
