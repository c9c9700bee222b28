import { type FormEvent, useId, useState } from 'react';
import { ErrorSummary } from '../error-summary';
import { FormField } from '../form-field';
import type { Messages } from '../messages';
import { paths } from '../router';
import { sendMessage } from './applications-api';
import { failureOf, type LoadFailure } from './failure';
import { LoadFailureNotice } from './load-failure-notice';
import { useBusy } from './use-busy';
import { useFocusOnReport } from './use-error-focus';

interface ReplyFormProps {
  readonly text: Messages;
  readonly applicationId: string;
  /** The department asked for information: the form answers that request. */
  readonly requested: boolean;
  readonly onSent: () => void;
}

export const REPLY_FIELD_ID = 'reply-body';

/** A message to the department about the application (an answer to a request for information). */
export function ReplyForm({ text, applicationId, requested, onSent }: ReplyFormProps) {
  const t = text.portal.status;
  const headingId = useId();
  const [body, setBody] = useState('');
  const { busy, guard } = useBusy();
  const [sent, setSent] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<LoadFailure | null>(null);
  const summary = useFocusOnReport();

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSent(false);
    const result = await guard(() => sendMessage(applicationId, body));
    if (!result) return;
    setInvalid(!result.ok && result.code === 'VALIDATION_FAILED');
    setFailure(!result.ok && result.code !== 'VALIDATION_FAILED' ? failureOf(result) : null);
    if (!result.ok) {
      summary.report();
      return;
    }
    setBody('');
    setSent(true);
    onSent();
  };

  return (
    <section className="application-section reply-form" aria-labelledby={headingId}>
      <h2 id={headingId}>{requested ? t.replyHeadingRequested : t.replyHeading}</h2>
      <form noValidate onSubmit={submit}>
        {invalid && (
          <ErrorSummary
            title={text.portal.form.errorSummaryTitle}
            items={[{ fieldId: REPLY_FIELD_ID, message: t.replyRequired }]}
            focusRef={summary.ref}
          />
        )}
        {failure && (
          <div ref={summary.ref} tabIndex={-1}>
            <LoadFailureNotice
              text={text}
              failure={failure}
              returnTo={paths.application(applicationId)}
              onRetry={() => void submit()}
              errorMessage={t.replyFailed}
            />
          </div>
        )}
        <FormField
          id={REPLY_FIELD_ID}
          label={t.replyLabel}
          hint={t.replyHint}
          error={invalid ? t.replyRequired : undefined}
          errorPrefix={text.errorPrefix}
        >
          {(control) => (
            <textarea
              {...control}
              className="form-field__textarea"
              rows={6}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {t.replySend}
          </button>
          <p className="form-actions__status" role="status">
            {busy ? t.replySending : sent ? t.replySent : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
