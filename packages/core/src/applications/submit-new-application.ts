import { randomUUID } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { valueAt } from '../procedures/conditions';
import { getProcedure } from '../procedures/procedure-catalog';
import { addDays, todayInJapan } from '../registry/clock';
import { readForPrefill } from '../registry/residents';
import { insertSubmittedApplication } from './application.repository';
import { type AnswerProblem, pruneHiddenAnswers } from './form-logic';
import { prefillAnswers } from './prefill';
import type { StartApplicationInput } from './start-application';
import { assertSubmittable, recordSubmission } from './submission-rules';
import type { SubmittedApplication } from './submit-application';

export interface SubmitNewApplicationInput extends StartApplicationInput {
  /** Every answer the resident gives; answers from the register are filled in and need not be sent. */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly declaration: boolean;
}

/**
 * Start, answer and submit in one call and one transaction, for clients that hold the whole form
 * (a kiosk, another system, a resident app): what the register knows is filled in as in the portal,
 * the register's items cannot be overridden (LOCKED), and the checks are those of a submission.
 * A procedure with a required attachment cannot be submitted this way (attach to a draft instead).
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
  return db.kysely.transaction().execute(async (trx) => {
    const records = await readForPrefill(trx, input.lgCode, input.applicantPersonId, definition.prefillPurpose);
    if (!records) {
      throw new AppError('RESIDENT_NOT_FOUND', 'the applicant is not a resident of this municipality', {
        field: 'applicantPersonId',
      });
    }
    const today = todayInJapan();
    const prefilled = prefillAnswers(definition, records, today);
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
    const submittedAt = new Date();
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
    const receiptNo = await insertSubmittedApplication(trx, application, today.slice(0, 4), {
      actorKind: actor.kind,
      actorId: actor.id,
      data: { prefilled: Object.keys(prefilled.answers) },
    });
    await recordSubmission(trx, actor, procedure, application, receiptNo, prefilled.personIds);
    return { applicationId, receiptNo, submittedAt, dueOn };
  });
}
