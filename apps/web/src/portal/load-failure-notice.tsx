import { fill } from '../format';
import { Link } from '../link';
import type { Messages } from '../messages';
import { paths } from '../router';
import { assuranceLevelOf } from './assurance';
import type { LoadFailure } from './failure';
import { LoginNotice } from './login-notice';

interface LoadFailureNoticeProps {
  readonly text: Messages;
  readonly failure: LoadFailure;
  /** The page to come back to after logging in. */
  readonly returnTo: string;
  readonly onRetry: () => void;
  /** What failed, when it was not loading (say, saving). */
  readonly errorMessage?: string;
}

/** What to do when a page's data could not be shown: log in, log in more strongly, or try again. */
export function LoadFailureNotice({ text, failure, returnTo, onRetry, errorMessage }: LoadFailureNoticeProps) {
  const t = text.portal.common;
  switch (failure.kind) {
    case 'signed-out':
      return (
        <LoginNotice
          text={text}
          title={t.signedOutTitle}
          body={failure.expired ? t.sessionExpired : t.signedOut}
          returnTo={returnTo}
        />
      );
    case 'step-up': {
      const level = assuranceLevelOf(failure.required);
      return (
        <LoginNotice
          text={text}
          title={t.loginNeeded[level]}
          body={fill(t.stepUp, { method: t.loginMethods[level] })}
          returnTo={returnTo}
        />
      );
    }
    case 'not-found':
      return (
        <div className="notice">
          <p>{t.notFound}</p>
          <p>
            <Link to={paths.applications}>{t.toApplications}</Link>
          </p>
        </div>
      );
    case 'error':
      return (
        <div className="inline-alert" role="alert">
          <p>{errorMessage ?? t.loadError}</p>
          <p className="error-summary__code">
            {text.login.errorCodeLabel}
            <code>{failure.code}</code>
          </p>
          <button type="button" className="button" onClick={onRetry}>
            {t.retry}
          </button>
        </div>
      );
  }
}
