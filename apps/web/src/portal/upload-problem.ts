import type { DetailedFailure } from '../api-client';
import { fill } from '../format';
import type { Messages } from '../messages';

/** Why a file was refused, with the files the attachment takes. */
export function uploadProblem(text: Messages, failure: DetailedFailure, label: string, formats: string): string {
  const t = text.portal.attachments;
  if (failure.status === 415) return fill(t.wrongType, { label, formats });
  if (failure.status === 413) return fill(t.tooLarge, { label, formats });
  if (failure.code === 'ATTACHMENT_INVALID') return fill(t.invalidFile, { label, formats });
  return fill(t.uploadFailed, { label });
}

/** Refusals that are not about the file: the login, or the application no longer a draft. */
export function stopsUploads(failure: DetailedFailure): boolean {
  return failure.status === 401 || failure.code === 'APPLICATION_STATE' || failure.status === 404;
}
