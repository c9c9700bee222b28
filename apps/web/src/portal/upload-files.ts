import type { Locale, Messages } from '../messages';
import type { AttachmentDefinition } from '../procedures/procedure-definition';
import type { UploadedFile } from './attachment-field';
import { attachmentFormats } from './attachment-format';
import { uploadAttachment } from './attachment-upload';
import { failureOf, type LoadFailure } from './failure';
import { localized } from './localized';
import { stopsUploads, uploadProblem } from './upload-problem';

export interface UploadOutcome {
  readonly added: readonly UploadedFile[];
  /** Problems with a file, by attachment id. */
  readonly problems: Readonly<Record<string, string>>;
  /** A refusal that is not about a file (the login, the status): the rest is not sent. */
  readonly stop: LoadFailure | null;
}

/** Sends the file chosen for each attachment, one after the other; a sent file's input is cleared. */
export async function uploadChosenFiles(
  text: Messages,
  locale: Locale,
  applicationId: string,
  attachments: readonly AttachmentDefinition[],
  inputs: ReadonlyMap<string, HTMLInputElement>,
): Promise<UploadOutcome> {
  const added: UploadedFile[] = [];
  const problems: Record<string, string> = {};
  for (const attachment of attachments) {
    const input = inputs.get(attachment.id);
    const file = input?.files?.[0];
    if (!input || !file) continue;
    const result = await uploadAttachment(applicationId, attachment.id, file);
    if (result.ok) {
      added.push({ attachmentId: attachment.id, ...result.data });
      input.value = '';
    } else if (stopsUploads(result)) {
      return { added, problems, stop: failureOf(result) };
    } else {
      const label = localized(attachment.label, locale);
      problems[attachment.id] = uploadProblem(text, result, label, attachmentFormats(text, attachment));
    }
  }
  return { added, problems, stop: null };
}
