import type { Database } from '@madoguchi/db';
import type { StaffPrincipal } from '../access/access.types';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { recordOutboxEvent } from '../events/outbox';
import { findCurrent } from '../registry/resident-record.repository';
import { appendEvent, findEvents, updateApplication } from './application.repository';
import type { ApplicationStatus } from './application.types';
import { OPEN_STATUSES } from './application.types';
import { type ApprovalOperationResult, type HouseholdRelationships, runApprovalOperation } from './approval-operation';
import { caseStep } from './case-actions';
import { checkMessage } from './resident-actions';

export interface DecideCaseInput {
  readonly lgCode: string;
  readonly applicationId: string;
  /** One of the procedure's decisions (approve, reject, …). */
  readonly decisionId: string;
  /** Required by decisions that refuse: it goes into the notice (行政手続法第8条). */
  readonly reason?: string;
  /**
   * Also notify the resident now: the decision and its notice appear in the portal, with a message.
   * Without it the decision is recorded for the department only, to be notified later.
   */
  readonly notify: boolean;
  /**
   * For an approval that moves part of a household: the 続柄 the resident told staff (the form does
   * not ask them); without them the registry refuses such a move (RELATIONSHIP_REQUIRED).
   */
  readonly householdRelationships?: HouseholdRelationships;
}

export interface DecideCaseResult {
  readonly status: ApplicationStatus;
  readonly decisionId: string;
  readonly notified: boolean;
  readonly registry: ApprovalOperationResult | null;
}

/**
 * Decides a case in one transaction: the decision, the registry operation its procedure names for an
 * approval (an approved 転居届 records the relocation), the history event, the audit row and the
 * outbox event — all of them, or none when any fails (the registry's refusal comes back as is).
 */
export async function decideCase(
  db: Database,
  actor: Actor,
  input: DecideCaseInput,
  principal: StaffPrincipal,
): Promise<DecideCaseResult> {
  const reason =
    input.reason === undefined || input.reason.trim() === '' ? undefined : checkMessage(input.reason, 'reason');
  return caseStep(db, actor, input, principal, {
    permission: 'procedure.case.decide',
    what: 'decide',
    allowed: OPEN_STATUSES,
    action: 'application.case.decide',
    run: async (trx, application, loaded) => {
      const definition = loaded.procedure.definition;
      const decision = definition.decisions.find((d) => d.id === input.decisionId);
      if (!decision) {
        throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
          problems: [
            {
              field: 'decisionId',
              message: `is not a decision of this procedure (${definition.decisions.map((d) => d.id).join(', ')})`,
            },
          ],
        });
      }
      if (decision.requiresReason && !reason) {
        throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
          problems: [{ field: 'reason', message: 'is required for this decision: the notice must say why' }],
        });
      }
      if (decision.outcome !== 'approved' && input.householdRelationships) {
        throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
          problems: [{ field: 'householdRelationships', message: 'apply only to an approval' }],
        });
      }
      const registry =
        decision.outcome === 'approved'
          ? await runApprovalOperation(trx, actor, definition, application, input.householdRelationships)
          : null;
      const applicant = await findCurrent(trx, input.lgCode, application.applicantPersonId);
      const addressee = applicant ? `${applicant.familyName} ${applicant.givenName}` : undefined;
      const status = decision.outcome;
      const now = new Date();
      await updateApplication(trx, input.lgCode, input.applicationId, {
        status,
        decidedAt: now,
        decisionId: decision.id,
        ...(input.notify ? { notifiedAt: now } : {}),
      });
      await appendEvent(trx, input.lgCode, input.applicationId, {
        kind: 'decided',
        statusAfter: status,
        actorKind: actor.kind,
        actorId: actor.id,
        visibleToResident: input.notify,
        body: reason ?? null,
        data: {
          decisionId: decision.id,
          outcome: decision.outcome,
          ...(reason ? { reason } : {}),
          ...(addressee ? { addressee } : {}),
          ...(registry ? { movementId: registry.movementId, operation: registry.operation } : {}),
        },
      });
      await recordOutboxEvent(trx, {
        lgCode: input.lgCode,
        type: 'jp.madoguchi.application.decided',
        subject: input.applicationId,
        data: {
          applicationId: input.applicationId,
          procedureId: application.procedureId,
          status,
          decisionId: decision.id,
          notified: input.notify,
        },
      });
      return { status, decisionId: decision.id, notified: input.notify, registry };
    },
  });
}

/** Tells the resident a decision taken earlier without notice: it and its notice appear in the portal. */
export async function notifyDecision(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly applicationId: string },
  principal: StaffPrincipal,
): Promise<{ readonly status: ApplicationStatus; readonly notified: true }> {
  return caseStep(db, actor, input, principal, {
    permission: 'procedure.case.decide',
    what: 'notify the decision',
    allowed: ['approved', 'rejected'],
    action: 'application.case.notify',
    run: async (trx, application) => {
      if (application.notifiedAt !== null) {
        throw new AppError('APPLICATION_STATE', 'the decision was notified already', { status: application.status });
      }
      const decided = (await findEvents(trx, input.lgCode, input.applicationId, false)).findLast(
        (e) => e.kind === 'decided',
      );
      await updateApplication(trx, input.lgCode, input.applicationId, { notifiedAt: new Date() });
      await appendEvent(trx, input.lgCode, input.applicationId, {
        kind: 'notified',
        statusAfter: application.status,
        actorKind: actor.kind,
        actorId: actor.id,
        visibleToResident: true,
        body: decided?.body ?? null,
        data: decided?.data ?? {},
      });
      return { status: application.status, notified: true as const };
    },
  });
}
