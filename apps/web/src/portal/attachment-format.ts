import { fill } from '../format';
import type { Messages } from '../messages';
import type { AttachmentDefinition } from '../procedures/procedure-definition';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/pdf': 'PDF',
};

/** 「JPEG・PNG・PDF（5MB まで）」: the files an attachment takes, in words. */
export function attachmentFormats(text: Messages, attachment: AttachmentDefinition): string {
  const t = text.portal.attachments;
  const types = attachment.accept.map((type) => TYPE_NAMES[type] ?? type).join(t.typeSeparator);
  // The server counts in decimal megabytes (5 MB = 5,000,000 bytes).
  const megabytes = Math.floor((attachment.maxBytes / 1_000_000) * 10) / 10;
  return fill(t.formats, { types, size: megabytes });
}
