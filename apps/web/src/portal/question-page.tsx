import { useRef, useState } from 'react';
import { fill } from '../format';
import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import type { Answers } from '../procedures/application-view';
import { paths } from '../router';
import { formSteps } from './form-steps';
import { LoadFailureNotice } from './load-failure-notice';
import { LoadingMessage } from './loading-message';
import { localized } from './localized';
import { StepBody } from './step-body';
import { stepHeading } from './step-heading';
import { answersWithUnsavedItems } from './unsaved-answers';
import { useApplication } from './use-application';
import { useDocumentTitle } from './use-document-title';
import { useResume } from './use-resume';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly step: number;
}

/**
 * /applications/{id}/steps/{n}: the n-th step of the form, worked out from the procedure version
 * the application was started on and the answers so far (form-steps.ts).
 */
export function QuestionPage({ text, locale, applicationId, step }: Props) {
  const { state, reload, replace } = useApplication(applicationId);
  // A new revision starts the step's form afresh (after its item was removed and the next moved up).
  const [revision, setRevision] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = state.status === 'loaded' ? state.data : null;
  const answers = detail ? answersWithUnsavedItems(detail) : {};
  const steps = detail ? formSteps(detail.definition, answers) : [];
  const current = steps[step - 1];
  const name = detail ? localized(detail.definition.names, locale) : null;
  const title = current ? stepHeading(text, locale, current) : null;
  useResume(detail);
  // A step's form sets the title itself (with 「エラー：」 when it shows problems).
  useDocumentTitle(text, detail && (!current || detail.application.status !== 'draft') ? name : null);

  const stay = (saved: Answers) => {
    if (!detail) return;
    replace({ ...detail, application: { ...detail.application, answers: saved } });
    setRevision((n) => n + 1);
    setAnnouncement(text.portal.form.itemRemoved);
    heading.current?.focus();
  };
  const back =
    step > 1
      ? paths.applicationStep(applicationId, step - 1)
      : detail && paths.procedure(detail.application.procedureId);
  return (
    <div className="page page--narrow">
      {back && (
        <Link className="back-link" to={back}>
          {text.portal.form.back}
        </Link>
      )}
      {name && <p className="page__caption">{name}</p>}
      <h1 className="page__heading" tabIndex={-1} ref={heading}>
        {title ?? text.portal.titles.step}
      </h1>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {state.status === 'failed' && (
        <LoadFailureNotice
          text={text}
          failure={state.failure}
          returnTo={paths.applicationStep(applicationId, step)}
          onRetry={reload}
        />
      )}
      {detail && (
        <StepBody
          key={revision}
          text={text}
          locale={locale}
          detail={detail}
          answers={answers}
          steps={steps}
          step={step}
          title={fill(text.portal.titles.withProcedure, { page: title ?? '', procedure: name ?? '' })}
          onStay={stay}
        />
      )}
    </div>
  );
}
