import { fill } from '../format';
import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { ReceiptNumber } from './confirmation-panel';
import { LoadFailureNotice } from './load-failure-notice';
import { LoadingMessage } from './loading-message';
import { localized } from './localized';
import { NextSteps } from './next-steps';
import { useApplication } from './use-application';
import { useDocumentTitle } from './use-document-title';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
}

/** 申請を受け付けました: the receipt number, what happens next, the PDF copy. */
export function ConfirmationPage({ text, locale, applicationId }: Props) {
  const t = text.portal.done;
  const { state, reload } = useApplication(applicationId);
  const detail = state.status === 'loaded' ? state.data : null;
  const application = detail?.application;
  const submitted = application && application.status !== 'draft' && application.receiptNo !== null;
  const name = detail ? localized(detail.definition.names, locale) : null;
  useDocumentTitle(
    text,
    name && submitted
      ? fill(text.portal.titles.withProcedure, { page: text.portal.titles.done, procedure: name })
      : null,
  );
  return (
    <div className="page page--narrow">
      <div className={submitted ? 'confirmation-panel' : 'confirmation-pending'}>
        <h1 className="page__heading confirmation-panel__title" tabIndex={-1}>
          {application && !submitted ? t.notSubmittedTitle : text.portal.titles.done}
        </h1>
        {name && <p className="confirmation-panel__procedure">{name}</p>}
        {submitted && application.receiptNo && <ReceiptNumber text={text} receiptNo={application.receiptNo} />}
      </div>
      {state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {state.status === 'failed' && (
        <LoadFailureNotice
          text={text}
          failure={state.failure}
          returnTo={paths.applicationDone(applicationId)}
          onRetry={reload}
        />
      )}
      {application && !submitted && (
        // A draft still to be sent, or one withdrawn before it was: either way no receipt to show.
        <div className="notice">
          <p>{application.status === 'draft' ? t.notSubmitted : text.portal.form.notDraft}</p>
          <p>
            {application.status === 'draft' ? (
              <Link to={paths.applicationCheck(applicationId)}>{t.toCheck}</Link>
            ) : (
              <Link to={paths.application(applicationId)}>{text.portal.form.toStatus}</Link>
            )}
          </p>
        </div>
      )}
      {application && submitted && <NextSteps text={text} locale={locale} application={application} />}
    </div>
  );
}
