import { useEffect, useRef, useState } from 'react';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { ApplicationStatusBody } from './application-status-body';
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

/** 申請の状況: the status, the history, documents, replies to the department, and withdrawal. */
export function ApplicationStatusPage({ text, locale, applicationId }: Props) {
  const { state, reload } = useApplication(applicationId);
  // Said after an action that changes the page (withdrawn): focused, so it is read out.
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);
  const detail = state.status === 'loaded' ? state.data : null;
  const name = detail ? localized(detail.definition.names, locale) : null;
  useDocumentTitle(
    text,
    name ? fill(text.portal.titles.withProcedure, { page: text.portal.titles.application, procedure: name }) : null,
  );
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  return (
    <div className="page page--narrow">
      <p className="page__caption">{text.portal.titles.application}</p>
      <h1 className="page__heading" tabIndex={-1}>
        {name ?? text.portal.titles.application}
      </h1>
      {message && (
        <p className="notice notice--success" role="status" tabIndex={-1} ref={messageRef}>
          {message}
        </p>
      )}
      {state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {state.status === 'failed' && (
        <LoadFailureNotice
          text={text}
          failure={state.failure}
          returnTo={paths.application(applicationId)}
          onRetry={reload}
        />
      )}
      {detail && (
        <ApplicationStatusBody
          text={text}
          locale={locale}
          detail={detail}
          onChanged={(next) => {
            if (next) setMessage(next);
            reload();
          }}
        />
      )}
    </div>
  );
}
