import type { Database, DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { StaffPrincipal } from '../access/access.types';
import type { Actor } from '../actor';
import { type AuditAction, appendAudit } from '../audit';
import { type EventType, recordOutboxEvent } from '../events/outbox';
import { appendEvent, updateApplication } from './application.repository';
import type { Application, ApplicationEventKind, ApplicationStatus } from './application.types';
import { OPEN_STATUSES } from './application.types';
import { type LoadedApplication, loadForViewer, lockApplication, requireStatus } from './application-access';
import { checkMessage } from './resident-actions';

interface CaseInput {
  readonly lgCode: string;
  readonly applicationId: string;
}

/**
 * One staff step on a case in one transaction: the permission is checked for the case's department
 * and sensitivity, the row is locked, the status checked, then the step writes its event, its audit
 * row and (when others should hear of it) an outbox event.
 */
async function caseStep<T>(
  db: Database,
  actor: Actor,
  input: CaseInput,
  principal: StaffPrincipal,
  step: {
    readonly permission: 'procedure.case.handle' | 'procedure.case.decide';
    readonly what: string;
    readonly allowed: readonly ApplicationStatus[];
    readonly action: AuditAction;
    readonly run: (trx: Transaction<DB>, application: Application, loaded: LoadedApplication) => Promise<T>;
  },
): Promise<T> {
  const loaded = await loadForViewer(db, actor, input, { kind: 'staff', principal }, step.permission);
  return db.kysely.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, input.lgCode, input.applicationId);
    requireStatus(application, step.allowed, step.what);
    const result = await step.run(trx, application, loaded);
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: step.action,
        purpose: 'case-handling',
        result: 'allowed',
        subjectPersonIds: [application.applicantPersonId],
        details: { applicationId: input.applicationId, procedureId: application.procedureId },
      },
    ]);
    return result;
  });
}

async function writeEvent(
  trx: Transaction<DB>,
  actor: Actor,
  application: Application,
  event: { kind: ApplicationEventKind; status: ApplicationStatus; visible: boolean; body?: string; outbox?: EventType },
): Promise<void> {
  if (event.status !== application.status) {
    await updateApplication(trx, application.lgCode, application.applicationId, { status: event.status });
  }
  await appendEvent(trx, application.lgCode, application.applicationId, {
    kind: event.kind,
    statusAfter: event.status,
    actorKind: actor.kind,
    actorId: actor.id,
    visibleToResident: event.visible,
    body: event.body ?? null,
  });
  if (event.outbox) {
    await recordOutboxEvent(trx, {
      lgCode: application.lgCode,
      type: event.outbox,
      subject: application.applicationId,
      data: { applicationId: application.applicationId, procedureId: application.procedureId, status: event.status },
    });
  }
}

/** Takes a case (or gives it to a colleague, or back to the pool with null); a new case goes in review. */
export async function assignCase(
  db: Database,
  actor: Actor,
  input: CaseInput & { readonly assignee: string | null },
  principal: StaffPrincipal,
): Promise<{ readonly status: ApplicationStatus; readonly assignedTo: string | null }> {
  return caseStep(db, actor, input, principal, {
    permission: 'procedure.case.handle',
    what: 'assign',
    allowed: OPEN_STATUSES,
    action: 'application.case.assign',
    run: async (trx, application) => {
      const status = application.status === 'submitted' ? 'in-review' : application.status;
      await updateApplication(trx, input.lgCode, input.applicationId, { assignedTo: input.assignee });
      await writeEvent(trx, actor, application, {
        kind: 'assigned',
        status,
        visible: false,
        body: input.assignee ?? undefined,
        outbox: 'jp.madoguchi.application.assigned',
      });
      return { status, assignedTo: input.assignee };
    },
  });
}

/** Asks the resident for more information; they see the request in the portal and answer there. */
export async function requestInformation(
  db: Database,
  actor: Actor,
  input: CaseInput & { readonly body: string },
  principal: StaffPrincipal,
): Promise<{ readonly status: ApplicationStatus }> {
  const body = checkMessage(input.body);
  return caseStep(db, actor, input, principal, {
    permission: 'procedure.case.handle',
    what: 'request information',
    allowed: OPEN_STATUSES,
    action: 'application.case.request-information',
    run: async (trx, application) => {
      await writeEvent(trx, actor, application, {
        kind: 'information-requested',
        status: 'information-requested',
        visible: true,
        body,
        outbox: 'jp.madoguchi.application.information-requested',
      });
      return { status: 'information-requested' as const };
    },
  });
}

/** A message to the resident (visible in the portal), or an internal note (never shown to them). */
export async function writeToCase(
  db: Database,
  actor: Actor,
  input: CaseInput & { readonly body: string; readonly internal: boolean },
  principal: StaffPrincipal,
): Promise<{ readonly status: ApplicationStatus }> {
  const body = checkMessage(input.body);
  return caseStep(db, actor, input, principal, {
    permission: 'procedure.case.handle',
    what: input.internal ? 'add a note' : 'send a message',
    allowed: input.internal
      ? [...OPEN_STATUSES, 'approved', 'rejected', 'withdrawn']
      : [...OPEN_STATUSES, 'approved', 'rejected'],
    action: input.internal ? 'application.case.note' : 'application.case.message',
    run: async (trx, application) => {
      await writeEvent(trx, actor, application, {
        kind: input.internal ? 'note' : 'message',
        status: application.status,
        visible: !input.internal,
        body,
      });
      return { status: application.status };
    },
  });
}

export { caseStep };
