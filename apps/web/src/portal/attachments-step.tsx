import { type FormEvent, useRef, useState } from 'react';
import { ErrorSummary } from '../error-summary';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { ApplicationDocument } from '../procedures/application-view';
import type { AttachmentDefinition } from '../procedures/procedure-definition';
import { navigate, paths } from '../router';
import { removeAttachment } from './applications-api';
import { AttachmentField, type UploadedFile } from './attachment-field';
import { failureOf, type LoadFailure } from './failure';
import { attachmentFieldId } from './field-ids';
import { SaveFailureNotice } from './save-failure-notice';
import { StepActions } from './step-actions';
import { uploadChosenFiles } from './upload-files';
import { useBusy } from './use-busy';
import { useDocumentTitle } from './use-document-title';
import { useFocusOnReport } from './use-error-focus';

interface AttachmentsStepProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly attachments: readonly AttachmentDefinition[];
  readonly documents: readonly ApplicationDocument[];
  /** This step's number (1-based), for the way back after a login. */
  readonly stepNumber: number;
  readonly title: string;
}

/**
 * The files the procedure asks for, on a step of their own after the questions. Chosen files are
 * sent on "continue", one after the other; a missing required file is left to the check page (the
 * server lists it when the application is submitted).
 */
export function AttachmentsStep(props: AttachmentsStepProps) {
  const { text, locale, applicationId, attachments, documents, stepNumber, title } = props;
  const t = text.portal.attachments;
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [uploaded, setUploaded] = useState<readonly UploadedFile[]>(() =>
    documents.filter((d) => d.kind === 'attachment'),
  );
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [failure, setFailure] = useState<LoadFailure | null>(null);
  const [removedNotice, setRemovedNotice] = useState('');
  const [removing, setRemoving] = useState(false);
  const { busy, guard } = useBusy();
  const summary = useFocusOnReport();
  useDocumentTitle(text, title, Object.keys(errors).length > 0 || failure !== null);

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const outcome = await guard(() => uploadChosenFiles(text, locale, applicationId, attachments, inputs.current));
    if (!outcome) return;
    const { added, problems: found, stop } = outcome;
    setUploaded((current) => [...current, ...added]);
    setErrors(found);
    setFailure(stop);
    if (stop || Object.keys(found).length > 0) summary.report();
    else navigate(paths.applicationCheck(applicationId));
  };

  // The button goes with the file: focus moves to the file input of that attachment, and a live
  // region says what happened.
  const remove = async (file: UploadedFile) => {
    setRemoving(true);
    const result = await guard(() => removeAttachment(applicationId, file.documentId)).finally(() =>
      setRemoving(false),
    );
    if (!result) return;
    if (result.ok || result.code === 'DOCUMENT_NOT_FOUND') {
      setUploaded((current) => current.filter((f) => f.documentId !== file.documentId));
      setRemovedNotice(fill(t.removed, { file: file.fileName }));
      setFailure(null);
      if (file.attachmentId) inputs.current.get(file.attachmentId)?.focus();
    } else {
      setFailure(failureOf(result));
      summary.report();
    }
  };

  const problems = attachments.flatMap((a) => {
    const message = errors[a.id];
    return message ? [{ fieldId: attachmentFieldId(a.id), message }] : [];
  });
  return (
    <form className="question-form" noValidate onSubmit={submit}>
      {problems.length > 0 && <ErrorSummary title={t.errorSummaryTitle} items={problems} focusRef={summary.ref} />}
      {failure && (
        <div ref={summary.ref} tabIndex={-1}>
          <SaveFailureNotice
            text={text}
            failure={failure}
            applicationId={applicationId}
            returnTo={paths.applicationStep(applicationId, stepNumber)}
            onRetry={() => void submit()}
          />
        </div>
      )}
      <p className="question-form__hint">{t.intro}</p>
      <p className="visually-hidden" role="status">
        {removedNotice}
      </p>
      {attachments.map((attachment) => (
        <AttachmentField
          key={attachment.id}
          text={text}
          locale={locale}
          applicationId={applicationId}
          attachment={attachment}
          uploaded={uploaded.filter((file) => file.attachmentId === attachment.id)}
          error={errors[attachment.id]}
          onRemove={(file) => void remove(file)}
          busy={busy}
          inputRef={(input) => {
            if (input) inputs.current.set(attachment.id, input);
            else inputs.current.delete(attachment.id);
          }}
        />
      ))}
      <StepActions text={text} busy={busy} busyText={removing ? t.removing : t.uploading} />
    </form>
  );
}
