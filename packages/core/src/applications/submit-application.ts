import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { addDays, todayInJapan } from '../registry/clock';
import { appendEvent, findDocuments, nextReceiptNo, updateApplication } from './application.repository';
import { loadForViewer, lockApplication, requireStatus, type Viewer } from './application-access';
import { pruneHiddenAnswers } from './form-logic';
import { assertSubmittable, recordSubmission } from './submission-rules';

export interface SubmitApplicationInput {
  readonly lgCode: string;
  readonly applicationId: string;
  /** The applicant confirmed the declaration (申請内容に相違ありません). */
  readonly declaration: boolean;
}

export interface SubmittedApplication {
  readonly applicationId: string;
  readonly receiptNo: string;
  readonly submittedAt: Date;
  readonly dueOn: string;
}

/**
 * Submits a draft: the answers of pages that do not apply are dropped, the rest must satisfy the
 * schema (ANSWERS_INVALID lists every problem) and each required attachment must be there. Then, in
 * one transaction: a 受付番号, the target date, the history event, the audit row and the outbox event.
 * The PDF copy is made when first asked for (a pure function of what is stored here).
 */
export async function submitApplication(
  db: Database,
  actor: Actor,
  input: SubmitApplicationInput,
  viewer: Viewer,
): Promise<SubmittedApplication> {
  if (input.declaration !== true) {
    throw new AppError('DECLARATION_REQUIRED', 'confirm the declaration to submit', { field: 'declaration' });
  }
  const { procedure } = await loadForViewer(db, actor, input, viewer, 'procedure.case.handle');
  const definition = procedure.definition;
  return db.kysely.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, input.lgCode, input.applicationId);
    requireStatus(application, ['draft'], 'submit');
    const answers = pruneHiddenAnswers(definition, application.answers);
    const attached = new Set((await findDocuments(trx, input.lgCode, input.applicationId)).map((d) => d.attachmentId));
    assertSubmittable(input.lgCode, procedure, answers, attached);
    const submittedAt = new Date();
    const today = todayInJapan(submittedAt);
    const receiptNo = await nextReceiptNo(trx, today);
    const dueOn = addDays(today, definition.processingDays);
    await updateApplication(trx, input.lgCode, input.applicationId, {
      status: 'submitted',
      answers,
      receiptNo,
      submittedAt,
      dueOn,
    });
    await appendEvent(trx, input.lgCode, input.applicationId, {
      kind: 'submitted',
      statusAfter: 'submitted',
      actorKind: actor.kind,
      actorId: actor.id,
      visibleToResident: true,
      data: { receiptNo },
    });
    await recordSubmission(trx, actor, procedure, application, receiptNo);
    return { applicationId: input.applicationId, receiptNo, submittedAt, dueOn };
  });
}
