import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../error-summary';
import type { Locale, Messages } from '../messages';
import type { ApplicationDetail } from '../procedures/application-view';
import { navigate, paths } from '../router';
import type { AnswerProblem } from './application-types';
import { problemsOf, submitApplication } from './applications-api';
import { failureOf, type LoadFailure } from './failure';
import { forgetApplication } from './form-memory';
import type { FormStep } from './form-steps';
import { localized } from './localized';
import { locateProblem } from './problem-locator';
import { ProblemSummary } from './problem-summary';
import { SaveFailureNotice } from './save-failure-notice';
import { useBusy } from './use-busy';
import { useFocusOnReport } from './use-error-focus';

interface DeclarationFormProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly detail: ApplicationDetail;
  readonly steps: readonly FormStep[];
  readonly onProblems: (shown: boolean) => void;
}

const DECLARATION_ID = 'declaration';

type Refusal =
  | { readonly kind: 'declaration' }
  | { readonly kind: 'answers'; readonly problems: readonly AnswerProblem[] }
  | { readonly kind: 'failed'; readonly failure: LoadFailure };

/** The procedure's declaration, the box that confirms it, and the submit (申請する). */
export function DeclarationForm({ text, locale, detail, steps, onProblems }: DeclarationFormProps) {
  const t = text.portal.check;
  const id = detail.application.applicationId;
  const [agreed, setAgreed] = useState(false);
  const { busy, guard } = useBusy();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const summary = useFocusOnReport();

  const refuse = (next: Refusal) => {
    setRefusal(next);
    onProblems(true);
    summary.report();
  };
  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    // The server decides whether the box must be ticked: the page sends what it holds.
    const result = await guard(() => submitApplication(id, agreed));
    if (!result) return;
    if (result.ok) {
      forgetApplication(id);
      navigate(paths.applicationDone(id), { replace: true });
      return;
    }
    const problems = problemsOf(result);
    if (result.code === 'DECLARATION_REQUIRED') refuse({ kind: 'declaration' });
    else if (problems.length > 0) refuse({ kind: 'answers', problems });
    else refuse({ kind: 'failed', failure: failureOf(result) });
  };

  const declarationError = refusal?.kind === 'declaration' ? t.declarationRequired : undefined;
  return (
    <form className="declaration-form" noValidate onSubmit={submit}>
      {refusal?.kind === 'declaration' && (
        <ErrorSummary
          title={t.errorSummaryTitle}
          items={[{ fieldId: DECLARATION_ID, message: t.declarationRequired }]}
          focusRef={summary.ref}
        />
      )}
      {refusal?.kind === 'answers' && (
        <ProblemSummary
          title={t.problemsTitle}
          applicationId={id}
          onPage={[]}
          elsewhere={refusal.problems.map((p) => locateProblem(text, locale, detail.definition, steps, p, true))}
          focusRef={summary.ref}
        />
      )}
      {refusal?.kind === 'failed' && (
        <div ref={summary.ref} tabIndex={-1}>
          <SaveFailureNotice
            text={text}
            failure={refusal.failure}
            applicationId={id}
            returnTo={paths.applicationCheck(id)}
            onRetry={() => void submit()}
          />
        </div>
      )}
      <section className="declaration" aria-labelledby="declaration-heading">
        <h2 id="declaration-heading">{t.declarationHeading}</h2>
        <p className="declaration__text">{localized(detail.definition.declaration, locale)}</p>
        <div className={declarationError ? 'form-field form-field--error' : 'form-field'}>
          {declarationError && (
            <p id={`${DECLARATION_ID}-error`} className="form-field__error">
              <span className="visually-hidden">{text.errorPrefix}</span>
              {declarationError}
            </p>
          )}
          <div className="choice">
            <input
              id={DECLARATION_ID}
              className="choice__input"
              type="checkbox"
              checked={agreed}
              aria-invalid={Boolean(declarationError)}
              aria-describedby={declarationError ? `${DECLARATION_ID}-error` : undefined}
              onChange={(event) => setAgreed(event.target.checked)}
            />
            <label className="choice__label" htmlFor={DECLARATION_ID}>
              {t.declarationConfirm}
            </label>
          </div>
        </div>
      </section>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {t.submit}
        </button>
        <p className="form-actions__status" role="status">
          {busy ? t.submitting : ''}
        </p>
      </div>
    </form>
  );
}
