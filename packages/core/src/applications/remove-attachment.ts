import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { loadForViewer, lockApplication, requireStatus, type Viewer } from './application-access';

/**
 * Takes back a file attached to a draft (the wrong photo, the wrong page). Once the application is
 * submitted, what was given is part of the case and stays (APPLICATION_STATE); the database refuses
 * it too. Generated documents (the copy of the submission, notices) are never removed.
 */
export async function removeAttachment(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly applicationId: string; readonly documentId: string },
  viewer: Viewer,
): Promise<{ readonly removed: string }> {
  const { procedure } = await loadForViewer(db, actor, input, viewer, 'procedure.case.handle');
  return db.kysely.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, input.lgCode, input.applicationId);
    requireStatus(application, ['draft'], 'remove an attachment');
    const removed = await trx
      .deleteFrom('application_document')
      .where('lg_code', '=', input.lgCode)
      .where('application_id', '=', input.applicationId)
      .where('document_id', '=', input.documentId)
      .where('kind', '=', 'attachment')
      .returning(['attachment_id', 'byte_size'])
      .executeTakeFirst();
    if (!removed) {
      throw new AppError('DOCUMENT_NOT_FOUND', 'this application has no such attachment', { field: 'documentId' });
    }
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.attachment.remove',
        purpose: procedure.definition.prefillPurpose,
        result: 'allowed',
        subjectPersonIds: [application.applicantPersonId],
        details: {
          applicationId: input.applicationId,
          attachmentId: removed.attachment_id ?? '',
          bytes: removed.byte_size,
        },
      },
    ]);
    return { removed: input.documentId };
  });
}
