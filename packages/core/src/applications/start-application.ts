import { randomUUID } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import type { AssuranceLevel } from '../identity/session/session.types';
import { getProcedure } from '../procedures/procedure-catalog';
import { todayInJapan } from '../registry/clock';
import { appendEvent, insertApplication } from './application.repository';
import type { Application, ApplicationChannel } from './application.types';
import { prefillFromRegister } from './prefill';

export interface StartApplicationInput {
  readonly lgCode: string;
  readonly procedureId: string;
  readonly applicantPersonId: string;
  readonly channel: ApplicationChannel;
  /** Online: the strength of the resident's login, checked against the procedure's minimum. */
  readonly assuranceLevel?: AssuranceLevel;
}

/**
 * Starts an application on the version of the procedure offered now, filled in from the register
 * (once only: nobody types what the municipality knows). Online, a login weaker than the procedure
 * needs is refused with STEP_UP_REQUIRED and the level it needs, before anything is read. The read of
 * the register and the new draft are one transaction with one audit row.
 */
export async function startApplication(db: Database, actor: Actor, input: StartApplicationInput): Promise<Application> {
  const procedure = await getProcedure(db, input.lgCode, input.procedureId);
  const definition = procedure.definition;
  if (input.channel === 'online' && (input.assuranceLevel ?? 0) < definition.minimumAssurance) {
    throw new AppError('STEP_UP_REQUIRED', 'this procedure needs a stronger login', {
      required: definition.minimumAssurance,
    });
  }
  return db.kysely.transaction().execute(async (trx) => {
    const prefilled = await prefillFromRegister(trx, input.lgCode, input.applicantPersonId, definition, todayInJapan());
    const application: Application = {
      lgCode: input.lgCode,
      applicationId: randomUUID(),
      procedureId: procedure.procedureId,
      procedureVersion: procedure.version,
      department: procedure.department,
      applicantPersonId: input.applicantPersonId,
      channel: input.channel,
      enteredBy: input.channel === 'counter' ? actor.id : null,
      status: 'draft',
      answers: prefilled.answers,
      lockedAnswers: prefilled.locked,
      receiptNo: null,
      assignedTo: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      submittedAt: null,
      dueOn: null,
      decidedAt: null,
      decisionId: null,
      notifiedAt: null,
    };
    await insertApplication(trx, application);
    await appendEvent(trx, input.lgCode, application.applicationId, {
      kind: 'created',
      statusAfter: 'draft',
      actorKind: actor.kind,
      actorId: actor.id,
      visibleToResident: true,
    });
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.start',
        purpose: definition.prefillPurpose,
        result: 'allowed',
        dataCategory: 'basic-resident-record',
        subjectPersonIds: [...new Set([input.applicantPersonId, ...prefilled.personIds])],
        details: {
          applicationId: application.applicationId,
          procedureId: procedure.procedureId,
          version: procedure.version,
          prefilled: Object.keys(prefilled.answers),
        },
      },
    ]);
    return application;
  });
}
