import { Link } from '../link';
import type { Messages } from '../messages';
import { paths } from '../router';
import type { LoadFailure } from './failure';
import { LoadFailureNotice } from './load-failure-notice';

interface SaveFailureNoticeProps {
  readonly text: Messages;
  readonly failure: LoadFailure;
  readonly applicationId: string;
  readonly returnTo: string;
  readonly onRetry: () => void;
}

/** A save or submit the server refused for a reason other than the answers. */
export function SaveFailureNotice({ text, failure, applicationId, returnTo, onRetry }: SaveFailureNoticeProps) {
  if (failure.kind === 'error' && failure.code === 'APPLICATION_STATE') {
    // Submitted or withdrawn meanwhile (say, in another tab): nothing here can change it any more.
    return (
      <div className="notice" role="alert">
        <p>{text.portal.form.notDraft}</p>
        <p>
          <Link to={paths.application(applicationId)}>{text.portal.form.toStatus}</Link>
        </p>
      </div>
    );
  }
  return (
    <LoadFailureNotice
      text={text}
      failure={failure}
      returnTo={returnTo}
      onRetry={onRetry}
      errorMessage={text.portal.form.saveFailed}
    />
  );
}
