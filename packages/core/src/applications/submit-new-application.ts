import { randomUUID } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import type { Actor } from '../actor';
import { auditRowsCte } from '../audit/append-audit';
import { AppError } from '../errors';
import { outboxEventCtes } from '../events/outbox';
import { valueAt } from '../procedures/conditions';
import { getProcedure } from '../procedures/procedure-catalog';
import { addDays, todayInJapan } from '../registry/clock';
import { insertSubmittedApplication } from './application.repository';
import { type AnswerProblem, pruneHiddenAnswers } from './form-logic';
import type { IdentityDocument } from './identity-documents';
import { prefillFromRegister } from './prefill';
import type { StartApplicationInput } from './start-application';
import { assertSubmittable } from './submission-rules';
import type { SubmittedApplication } from './submit-application';

export interface SubmitNewApplicationInput extends StartApplicationInput {
  /** Every answer the resident gives; answers from the register are filled in and need not be sent. */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly declaration: boolean;
  /** At the counter: the document staff saw to confirm the applicant is the person (本人確認). */
  readonly identityDocument?: IdentityDocument;
}

/**
 * Start, answer and submit in one call, for clients that hold the whole form (a kiosk, another
 * system, a resident app): what the register knows is filled in as in the portal, the register's
 * items cannot be overridden (LOCKED), and the checks are those of a submission. A procedure with a
 * required attachment cannot be submitted this way (attach to a draft instead).
 *
 * The register is read, then everything is written in one statement — the application, its event,
 * the outbox event and the audit row naming every person read — which is atomic by itself: the
 * busiest write of the service is one round trip (docs/adr/0012). Nothing read leaves the server
 * unless that statement commits (the answer holds only the receipt).
 */
export async function submitNewApplication(
  db: Database,
  actor: Actor,
  input: SubmitNewApplicationInput,
): Promise<SubmittedApplication> {
  if (input.declaration !== true) {
    throw new AppError('DECLARATION_REQUIRED', 'confirm the declaration to submit', { field: 'declaration' });
  }
  const procedure = await getProcedure(db, input.lgCode, input.procedureId);
  const definition = procedure.definition;
  if (input.channel === 'online' && (input.assuranceLevel ?? 0) < definition.minimumAssurance) {
    throw new AppError('STEP_UP_REQUIRED', 'this procedure needs a stronger login', {
      required: definition.minimumAssurance,
    });
  }
  const submittedAt = new Date();
  const today = todayInJapan(submittedAt);
  const prefilled = await prefillFromRegister(db.kysely, input.lgCode, input.applicantPersonId, definition, today);
  const merged: Record<string, unknown> = { ...prefilled.answers, ...input.answers };
  const locked: AnswerProblem[] = prefilled.locked
    .filter((path) => JSON.stringify(valueAt(merged, path)) !== JSON.stringify(valueAt(prefilled.answers, path)))
    .map((path) => ({
      field: path,
      code: 'LOCKED',
      message: `${path} is the register's entry and cannot be changed here`,
    }));
  if (locked.length > 0) {
    throw new AppError('ANSWERS_INVALID', `${locked.length} answer(s) are not valid`, { problems: locked });
  }
  const answers = pruneHiddenAnswers(definition, merged);
  assertSubmittable(input.lgCode, procedure, answers, new Set());
  const applicationId = randomUUID();
  const counter = input.identityDocument ? { identityDocument: input.identityDocument } : {};
  const dueOn = addDays(today, definition.processingDays);
  const application = {
    lgCode: input.lgCode,
    applicationId,
    procedureId: procedure.procedureId,
    procedureVersion: procedure.version,
    department: procedure.department,
    applicantPersonId: input.applicantPersonId,
    channel: input.channel,
    enteredBy: input.channel === 'counter' ? actor.id : null,
    answers,
    lockedAnswers: prefilled.locked,
    assignedTo: null,
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
    dueOn,
    decidedAt: null,
    decisionId: null,
    notifiedAt: null,
  };
  const receiptNo = await insertSubmittedApplication(
    db.kysely,
    application,
    today.slice(0, 4),
    { actorKind: actor.kind, actorId: actor.id, data: { prefilled: Object.keys(prefilled.answers), ...counter } },
    (receipt) => [
      outboxEventCtes('outbox', {
        lgCode: input.lgCode,
        type: 'jp.madoguchi.application.submitted',
        subject: applicationId,
        data: sql`jsonb_build_object(
          'applicationId', ${applicationId}::text, 'procedureId', ${procedure.procedureId}::text,
          'procedureVersion', ${procedure.version}::int, 'department', ${procedure.department}::text,
          'receiptNo', ${receipt}, 'status', 'submitted', 'channel', ${input.channel}::text)`,
      }),
      auditRowsCte(
        'audit',
        actor,
        [
          {
            lgCode: input.lgCode,
            action: 'application.submit',
            purpose: definition.prefillPurpose,
            result: 'allowed',
            dataCategory: 'basic-resident-record',
            subjectPersonIds: [input.applicantPersonId, ...prefilled.personIds],
            details: {
              applicationId,
              procedureId: procedure.procedureId,
              channel: input.channel,
              prefilled: Object.keys(prefilled.answers),
              ...counter,
            },
            occurredAt: submittedAt,
          },
        ],
        sql`jsonb_build_object('receiptNo', ${receipt})`,
      ),
    ],
  );
  return { applicationId, receiptNo, submittedAt, dueOn };
}
