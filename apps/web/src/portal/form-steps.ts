import type { Answers } from '../procedures/application-view';
import { conditionHolds, valueAt, visiblePages } from '../procedures/procedure-conditions';
import type {
  AttachmentDefinition,
  PageDefinition,
  ProcedureDefinition,
  QuestionDefinition,
} from '../procedures/procedure-definition';

/**
 * One step of the form, at /applications/{id}/steps/{n} (n counts from 1). A page whose `showIf`
 * does not hold has no step. A repeating page has one step per item of its array (`item` is the
 * index), or one step for a first item while the array is empty; the attachments that apply get
 * one step of their own after the questions.
 */
export type FormStep =
  | { readonly kind: 'page'; readonly page: PageDefinition; readonly item: number | null }
  | { readonly kind: 'attachments'; readonly attachments: readonly AttachmentDefinition[] };

export function itemCount(answers: Answers, page: PageDefinition): number {
  if (!page.repeat) return 0;
  const items = valueAt(answers, page.repeat.field);
  return Array.isArray(items) ? items.length : 0;
}

export function visibleAttachments(definition: ProcedureDefinition, answers: Answers): AttachmentDefinition[] {
  return definition.attachments.filter((a) => !a.showIf || conditionHolds(a.showIf, answers));
}

export function formSteps(definition: ProcedureDefinition, answers: Answers): FormStep[] {
  const steps: FormStep[] = [];
  for (const page of visiblePages(definition, answers)) {
    if (!page.repeat) {
      steps.push({ kind: 'page', page, item: null });
      continue;
    }
    const count = Math.max(itemCount(answers, page), 1);
    for (let item = 0; item < count; item++) steps.push({ kind: 'page', page, item });
  }
  const attachments = visibleAttachments(definition, answers);
  if (attachments.length > 0) steps.push({ kind: 'attachments', attachments });
  return steps;
}

/** The answer's dot path of a question on a step: inside a repeating page, in its item. */
export function questionPath(page: PageDefinition, question: QuestionDefinition, item: number | null): string {
  return page.repeat ? `${page.repeat.field}.${item ?? 0}.${question.field}` : question.field;
}

/** Whether a problem's dot path is about this answer (the answer itself, a part of it, or what holds it). */
export function pathCovers(answerPath: string, problemField: string): boolean {
  return (
    problemField === answerPath ||
    problemField.startsWith(`${answerPath}.`) ||
    answerPath.startsWith(`${problemField}.`)
  );
}

/** Where a problem can be fixed: the index of its step, or -1 when no step asks it. */
export function stepIndexOfField(steps: readonly FormStep[], field: string): number {
  return steps.findIndex((step) => {
    if (step.kind === 'attachments') return field.startsWith('attachments.');
    const { page, item } = step;
    if (page.repeat && field === page.repeat.field) return true;
    return page.questions.some((question) => pathCovers(questionPath(page, question, item), field));
  });
}

/** The same step in another list of steps (after answers changed which pages apply), or -1. */
export function indexOfStep(steps: readonly FormStep[], wanted: FormStep): number {
  return steps.findIndex((step) =>
    step.kind === 'attachments' || wanted.kind === 'attachments'
      ? step.kind === wanted.kind
      : step.page.id === wanted.page.id && step.item === wanted.item,
  );
}
