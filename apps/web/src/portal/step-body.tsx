import { fill } from '../format';
import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import type { Answers, ApplicationDetail } from '../procedures/application-view';
import { paths } from '../router';
import { AttachmentsStep } from './attachments-step';
import type { FormStep } from './form-steps';
import { QuestionStep } from './question-step';

interface StepBodyProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly detail: ApplicationDetail;
  readonly answers: Answers;
  readonly steps: readonly FormStep[];
  readonly step: number;
  /** The document title of this step. */
  readonly title: string;
  readonly onStay: (answers: Answers) => void;
}

/** What a step's page shows: its form, or why there is none (submitted, or no such step). */
export function StepBody({ text, locale, detail, answers, steps, step, title, onStay }: StepBodyProps) {
  const t = text.portal.form;
  const { application, definition } = detail;
  const id = application.applicationId;
  const current = steps[step - 1];
  if (application.status !== 'draft') {
    return (
      <div className="notice">
        <p>{t.notDraft}</p>
        <p>
          <Link to={paths.application(id)}>{t.toStatus}</Link>
        </p>
      </div>
    );
  }
  if (!current) {
    return (
      <div className="notice">
        <p>{fill(t.noSuchStep, { count: steps.length })}</p>
        <p>
          <Link to={paths.applicationStep(id, 1)}>{t.toFirstStep}</Link>
        </p>
      </div>
    );
  }
  if (current.kind === 'attachments') {
    return (
      <AttachmentsStep
        text={text}
        locale={locale}
        applicationId={id}
        attachments={current.attachments}
        documents={detail.documents}
        stepNumber={step}
        title={title}
      />
    );
  }
  return (
    <QuestionStep
      text={text}
      locale={locale}
      applicationId={id}
      definition={definition}
      answers={answers}
      locked={application.lockedAnswers}
      steps={steps}
      index={step - 1}
      step={current}
      title={title}
      onStay={onStay}
    />
  );
}
