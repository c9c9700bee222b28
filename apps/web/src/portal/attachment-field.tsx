import { FormField } from '../form-field';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { AttachmentDefinition } from '../procedures/procedure-definition';
import { documentUrl } from './applications-api';
import { attachmentFormats } from './attachment-format';
import { attachmentFieldId } from './field-ids';
import { localized } from './localized';

export interface UploadedFile {
  readonly attachmentId: string | null;
  readonly documentId: string;
  readonly fileName: string;
}

interface AttachmentFieldProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly attachment: AttachmentDefinition;
  readonly uploaded: readonly UploadedFile[];
  readonly error: string | undefined;
  readonly inputRef: (input: HTMLInputElement | null) => void;
  /** Takes back a file (drafts only); no button without it. */
  readonly onRemove?: (file: UploadedFile) => void;
  readonly busy?: boolean;
}

/** One attachment: the files already sent for it, and a file input for (another) one. */
export function AttachmentField(props: AttachmentFieldProps) {
  const { text, locale, applicationId, attachment, uploaded, error, inputRef, onRemove, busy } = props;
  const t = text.portal.attachments;
  const name = localized(attachment.label, locale);
  const label = attachment.required ? name : fill(text.portal.form.optional, { label: name });
  const hint = [attachment.hint ? localized(attachment.hint, locale) : '', attachmentFormats(text, attachment)]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="attachment-field">
      <FormField
        id={attachmentFieldId(attachment.id)}
        label={label}
        hint={hint}
        error={error}
        errorPrefix={text.errorPrefix}
      >
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            className="form-field__file"
            type="file"
            accept={attachment.accept.join(',')}
          />
        )}
      </FormField>
      {uploaded.length > 0 && (
        <div className="attachment-field__uploaded">
          <p className="attachment-field__uploaded-title">{fill(t.uploadedTitle, { label: name })}</p>
          <ul>
            {uploaded.map((file) => (
              <li key={file.documentId} className="attachment-field__file">
                <a href={documentUrl(applicationId, file.documentId)}>{file.fileName}</a>
                {onRemove && (
                  <button
                    type="button"
                    className="button attachment-field__remove"
                    aria-disabled={busy}
                    onClick={() => {
                      if (!busy) onRemove(file);
                    }}
                  >
                    {t.remove}
                    <span className="visually-hidden"> {file.fileName}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="form-field__hint">{t.uploadAnother}</p>
        </div>
      )}
    </div>
  );
}
