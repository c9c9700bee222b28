import { useState } from 'react';
import { fill } from '../format';
import type { Messages } from '../messages';
import { navigate, paths } from '../router';
import type { SessionInfo } from '../session-api';
import { startApplication } from './applications-api';
import { assuranceLevelOf } from './assurance';
import { failureOf, type LoadFailure } from './failure';
import { LoadFailureNotice } from './load-failure-notice';
import { LoginNotice } from './login-notice';
import { TextWithLink } from './text-with-link';
import { useBusy } from './use-busy';
import { useFocusOnReport } from './use-error-focus';

interface StartApplicationProps {
  readonly text: Messages;
  readonly procedureId: string;
  readonly minimumAssurance: number;
  readonly session: SessionInfo | null;
}

/**
 * The way in: the login first if there is none (or it is too weak), else a button that starts an
 * application (filled in from the register) and opens its first question.
 */
export function StartApplication({ text, procedureId, minimumAssurance, session }: StartApplicationProps) {
  const t = text.portal.start;
  const level = assuranceLevelOf(minimumAssurance);
  const returnTo = paths.procedure(procedureId);
  const { busy: starting, guard } = useBusy();
  const [failure, setFailure] = useState<LoadFailure | null>(null);
  const alert = useFocusOnReport();

  const start = async () => {
    const result = await guard(() => startApplication(procedureId));
    if (!result) return;
    if (result.ok) {
      navigate(paths.applicationStep(result.data.applicationId, 1));
      return;
    }
    setFailure(failureOf(result));
    alert.report();
  };

  const continueHint = (
    <p className="procedure-start__continue">
      <TextWithLink template={t.continueHint} to={paths.applications} linkText={text.portal.navApplications} />
    </p>
  );

  if (!session) {
    return (
      <>
        <LoginNotice
          text={text}
          title={t.signedOutTitle}
          body={fill(t.signedOut, { method: text.portal.common.loginMethods[level] })}
          returnTo={returnTo}
        />
        {continueHint}
      </>
    );
  }
  if (session.assuranceLevel < level) {
    const body = fill(text.portal.common.stepUp, { method: text.portal.common.loginMethods[level] });
    return <LoginNotice text={text} title={text.portal.common.loginNeeded[level]} body={body} returnTo={returnTo} />;
  }
  return (
    <div className="procedure-start">
      {failure && (
        <div ref={alert.ref} tabIndex={-1}>
          <LoadFailureNotice text={text} failure={failure} returnTo={returnTo} onRetry={start} />
        </div>
      )}
      <button type="button" className="button button--primary button--start" aria-disabled={starting} onClick={start}>
        {t.startButton}
      </button>
      <p className="procedure-start__status" role="status">
        {starting ? t.starting : ''}
      </p>
      {continueHint}
    </div>
  );
}
