import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { recordOutboxEvent } from '../events/outbox';
import { conditionHolds } from '../procedures/conditions';
import type { StoredProcedureVersion } from '../procedures/procedure.repository';
import type { Application } from './application.types';
import { type AnswerProblem, answerProblems } from './form-logic';

/**
 * What a submission must satisfy: the answers (hidden pages already dropped) against the schema, and
 * every required attachment that applies to them. Throws ANSWERS_INVALID with every problem.
 */
export function assertSubmittable(
  lgCode: string,
  procedure: StoredProcedureVersion,
  answers: Record<string, unknown>,
  attachedIds: ReadonlySet<string | null>,
): void {
  const definition = procedure.definition;
  const key = `${lgCode}/${procedure.procedureId}/${procedure.version}`;
  const problems: AnswerProblem[] = answerProblems(key, definition, answers);
  for (const attachment of definition.attachments) {
    const applies = !attachment.showIf || conditionHolds(attachment.showIf, answers);
    if (applies && attachment.required && !attachedIds.has(attachment.id)) {
      const field = `attachments.${attachment.id}`;
      problems.push({ field, code: 'REQUIRED', message: `${field} is required` });
    }
  }
  if (problems.length > 0) {
    throw new AppError('ANSWERS_INVALID', `${problems.length} answer(s) are missing or not valid`, { problems });
  }
}

/**
 * The writes every submission ends with, the audit append last: it takes the municipality's chain
 * lock, which is then held only until the commit right after (every submission queues on it).
 */
export async function recordSubmission(
  trx: Transaction<DB>,
  actor: Actor,
  procedure: StoredProcedureVersion,
  application: Pick<Application, 'lgCode' | 'applicationId' | 'department' | 'applicantPersonId' | 'channel'>,
  receiptNo: string,
  /** Others whose register data went into the answers (filled in by this call). */
  readPersonIds: readonly string[] = [],
): Promise<void> {
  await recordOutboxEvent(trx, {
    lgCode: application.lgCode,
    type: 'jp.madoguchi.application.submitted',
    subject: application.applicationId,
    data: {
      applicationId: application.applicationId,
      procedureId: procedure.procedureId,
      procedureVersion: procedure.version,
      department: application.department,
      receiptNo,
      status: 'submitted',
      channel: application.channel,
    },
  });
  await appendAudit(trx, actor, [
    {
      lgCode: application.lgCode,
      action: 'application.submit',
      purpose: procedure.definition.prefillPurpose,
      result: 'allowed',
      subjectPersonIds: [...new Set([application.applicantPersonId, ...readPersonIds])],
      details: { applicationId: application.applicationId, procedureId: procedure.procedureId, receiptNo },
    },
  ]);
}
