import { useState } from 'react';
import { fill } from '../format';
import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { AnswerSummary } from './answer-summary';
import { DeclarationForm } from './declaration-form';
import { formSteps } from './form-steps';
import { LoadFailureNotice } from './load-failure-notice';
import { LoadingMessage } from './loading-message';
import { localized } from './localized';
import { useApplication } from './use-application';
import { useDocumentTitle } from './use-document-title';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
}

/** 申請内容の確認: every answer with a way back to change it, the declaration, and the submit. */
export function CheckAnswersPage({ text, locale, applicationId }: Props) {
  const t = text.portal.check;
  const { state, reload } = useApplication(applicationId);
  const [problemsShown, setProblemsShown] = useState(false);
  const detail = state.status === 'loaded' ? state.data : null;
  const steps = detail ? formSteps(detail.definition, detail.application.answers) : [];
  const name = detail ? localized(detail.definition.names, locale) : null;
  const title = name
    ? fill(text.portal.titles.withProcedure, { page: text.portal.titles.check, procedure: name })
    : null;
  useDocumentTitle(text, title, problemsShown);
  const back = steps.length > 0 ? paths.applicationStep(applicationId, steps.length) : null;
  return (
    <div className="page page--narrow">
      {back && (
        <Link className="back-link" to={back}>
          {text.portal.form.back}
        </Link>
      )}
      {name && <p className="page__caption">{name}</p>}
      <h1 className="page__heading" tabIndex={-1}>
        {text.portal.titles.check}
      </h1>
      {state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {state.status === 'failed' && (
        <LoadFailureNotice
          text={text}
          failure={state.failure}
          returnTo={paths.applicationCheck(applicationId)}
          onRetry={reload}
        />
      )}
      {detail && detail.application.status !== 'draft' && (
        <div className="notice">
          <p>{text.portal.form.notDraft}</p>
          <p>
            <Link to={paths.application(applicationId)}>{text.portal.form.toStatus}</Link>
          </p>
        </div>
      )}
      {detail && detail.application.status === 'draft' && (
        <>
          <p className="page__lead">{t.intro}</p>
          <AnswerSummary text={text} locale={locale} detail={detail} steps={steps} />
          <DeclarationForm text={text} locale={locale} detail={detail} steps={steps} onProblems={setProblemsShown} />
        </>
      )}
    </div>
  );
}
