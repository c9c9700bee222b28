import type { Answers } from '../procedures/application-view';
import type { ProcedureDefinition } from '../procedures/procedure-definition';
import { type FormStep, formSteps, indexOfStep } from './form-steps';
import type { SaveIntent } from './save-step';
import { itemsAt, type PageStep } from './step-answers';

/**
 * Where to go after a step was saved, from the steps the new answers make (an answer can show or
 * hide later pages): the next step or the check page; after "add another" the new item's step;
 * after "remove" the item before (or the one that moved up into its place). A 0-based step index.
 */
export function stepAfterSave(
  definition: ProcedureDefinition,
  answers: Answers,
  step: PageStep,
  intent: SaveIntent,
): number | 'check' {
  const steps: FormStep[] = formSteps(definition, answers);
  const itemStep = (item: number) => indexOfStep(steps, { kind: 'page', page: step.page, item });
  if (intent === 'add' && step.page.repeat) return itemStep(itemsAt(answers, step.page.repeat.field).length - 1);
  if (intent === 'remove') return Math.max(itemStep(Math.max((step.item ?? 0) - 1, 0)), 0);
  const here = indexOfStep(steps, step);
  return here === -1 || here + 1 >= steps.length ? 'check' : here + 1;
}
