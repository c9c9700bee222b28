import { type FormEvent, useId, useRef, useState } from 'react';
import { ErrorSummary } from '../error-summary';
import type { Locale, Messages } from '../messages';
import type { AttachmentDefinition } from '../procedures/procedure-definition';
import { paths } from '../router';
import { AttachmentField } from './attachment-field';
import type { LoadFailure } from './failure';
import { attachmentFieldId } from './field-ids';
import { LoadFailureNotice } from './load-failure-notice';
import { uploadChosenFiles } from './upload-files';
import { useBusy } from './use-busy';
import { useFocusOnReport } from './use-error-focus';

interface AdditionalFilesProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly attachments: readonly AttachmentDefinition[];
  readonly onUploaded: () => void;
}

/**
 * While the department asks for more information, files can be added to the application too
 * (the server accepts them then); they appear under the documents once sent.
 */
export function AdditionalFiles({ text, locale, applicationId, attachments, onUploaded }: AdditionalFilesProps) {
  const t = text.portal.status;
  const headingId = useId();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [failure, setFailure] = useState<LoadFailure | null>(null);
  const [sent, setSent] = useState(false);
  const { busy, guard } = useBusy();
  const summary = useFocusOnReport();

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSent(false);
    const outcome = await guard(() => uploadChosenFiles(text, locale, applicationId, attachments, inputs.current));
    if (!outcome) return;
    setProblems(outcome.problems);
    setFailure(outcome.stop);
    if (outcome.stop || Object.keys(outcome.problems).length > 0) summary.report();
    if (outcome.added.length > 0) {
      setSent(true);
      onUploaded();
    }
  };

  const items = attachments.flatMap((a) => {
    const message = problems[a.id];
    return message ? [{ fieldId: attachmentFieldId(a.id), message }] : [];
  });
  return (
    <section className="application-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.addFilesHeading}</h2>
      <p>{t.addFilesIntro}</p>
      <form noValidate onSubmit={submit}>
        {items.length > 0 && (
          <ErrorSummary title={text.portal.attachments.errorSummaryTitle} items={items} focusRef={summary.ref} />
        )}
        {failure && (
          <div ref={summary.ref} tabIndex={-1}>
            <LoadFailureNotice
              text={text}
              failure={failure}
              returnTo={paths.application(applicationId)}
              onRetry={() => void submit()}
              errorMessage={t.addFilesFailed}
            />
          </div>
        )}
        {attachments.map((attachment) => (
          <AttachmentField
            key={attachment.id}
            text={text}
            locale={locale}
            applicationId={applicationId}
            attachment={attachment}
            uploaded={[]}
            error={problems[attachment.id]}
            inputRef={(input) => {
              if (input) inputs.current.set(attachment.id, input);
              else inputs.current.delete(attachment.id);
            }}
          />
        ))}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy}>
            {t.addFilesSend}
          </button>
          <p className="form-actions__status" role="status">
            {busy ? text.portal.attachments.uploading : sent ? t.addFilesSent : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
