import type { ApplicationDetail } from '../procedures/application-view';
import { isLocked, valueAt } from '../procedures/procedure-conditions';
import { paths } from '../router';
import { isEmptyAnswer } from './answer-paths';
import { isRequiredPath } from './answer-schema';
import { type FormStep, formSteps, questionPath } from './form-steps';

function unanswered(detail: ApplicationDetail, step: FormStep): boolean {
  const { definition, application, documents } = detail;
  if (step.kind === 'attachments') {
    return step.attachments.some((a) => a.required && !documents.some((d) => d.attachmentId === a.id));
  }
  return step.page.questions.some((question) => {
    const path = questionPath(step.page, question, step.item);
    return (
      !isLocked(application.lockedAnswers, path) &&
      isRequiredPath(definition.answers, path) &&
      isEmptyAnswer(valueAt(application.answers, path))
    );
  });
}

/**
 * Where "continue" takes a resident back to: the first step with a required answer not given yet,
 * the check page when none is left, the status page once the application is no longer a draft.
 */
export function resumePath(detail: ApplicationDetail): string {
  const id = detail.application.applicationId;
  if (detail.application.status !== 'draft') return paths.application(id);
  const steps = formSteps(detail.definition, detail.application.answers);
  const index = steps.findIndex((step) => unanswered(detail, step));
  return index === -1 ? paths.applicationCheck(id) : paths.applicationStep(id, index + 1);
}

/** The link of a draft in the list: step 1, told to move on to where the resident stopped. */
export function continuePath(applicationId: string): string {
  return `${paths.applicationStep(applicationId, 1)}?${RESUME_PARAM}`;
}

export const RESUME_PARAM = 'resume';
