import type { ErrorSummaryItem } from '../error-summary';
import type { Locale, Messages } from '../messages';
import type { ProcedureDefinition } from '../procedures/procedure-definition';
import type { AnswerProblem } from './application-types';
import { fieldId } from './field-ids';
import type { FormStep } from './form-steps';
import { type LocatedProblem, locateProblem } from './problem-locator';

export interface StepProblems {
  /** Problems of this step's controls: the summary links to them, each control shows its own. */
  readonly here: readonly ErrorSummaryItem[];
  /** Problems fixed on other steps (another item of a repeating page): linked to those steps. */
  readonly elsewhere: readonly LocatedProblem[];
  /** The message for the control of an answer path, if it has a problem. */
  readonly errorFor: (path: string) => string | undefined;
}

/** Sorts the server's problems into those of this step and those of other steps. */
export function stepProblems(
  text: Messages,
  locale: Locale,
  definition: ProcedureDefinition,
  steps: readonly FormStep[],
  index: number,
  problems: readonly AnswerProblem[],
): StepProblems {
  const here: ErrorSummaryItem[] = [];
  const elsewhere: LocatedProblem[] = [];
  for (const problem of problems) {
    const located = locateProblem(text, locale, definition, steps, problem, false);
    if (located.stepIndex === index && located.targetId !== null) {
      here.push({ fieldId: located.targetId, message: located.message });
    } else {
      // Named with its item (「児童 2：…」): it is not on the page the resident is looking at.
      elsewhere.push(locateProblem(text, locale, definition, steps, problem, true));
    }
  }
  const errorFor = (path: string) => {
    const id = fieldId(path);
    return here.find((item) => item.fieldId === id || item.fieldId.startsWith(`${id}.`))?.message;
  };
  return { here, elsewhere, errorFor };
}
