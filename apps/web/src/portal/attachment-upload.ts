import { type DetailedResult, sendRequest } from '../api-client';

/**
 * Sends one file as the request body itself (not base64 in JSON). The server checks the type
 * against the file's first bytes and the size against the attachment's limit.
 */
export function uploadAttachment(
  applicationId: string,
  attachmentId: string,
  file: File,
): Promise<DetailedResult<{ readonly documentId: string; readonly fileName: string }>> {
  const path = `/api/v1/me/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
  return sendRequest(path, {
    method: 'POST',
    // An unknown type is sent as such: the server answers 415, and the page says which types it takes.
    headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
}
