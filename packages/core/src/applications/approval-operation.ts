import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { valueAt } from '../procedures/conditions';
import type { ProcedureDefinition } from '../procedures/procedure-definition.types';
import { todayInJapan } from '../registry/clock';
import { recordMoveOut, recordRelocation } from '../registry/movements';
import { findCurrent } from '../registry/resident-record.repository';
import type { Application } from './application.types';
import { setAt } from './prefill';

export interface ApprovalOperationResult {
  readonly operation: string;
  readonly movementId: string;
  readonly householdsWithoutHead: readonly string[];
}

/** The operation's input from the answers, by the definition's field map; arrays of members become ids. */
function operationInput(definition: ProcedureDefinition, answers: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [target, source] of Object.entries(definition.onApproval?.fields ?? {})) {
    let value = valueAt(answers, source);
    if (target === 'personIds' && Array.isArray(value)) {
      value = value.map((v) => (typeof v === 'string' ? v : (v as { personId?: string }).personId));
      if ((value as unknown[]).some((id) => typeof id !== 'string')) {
        throw new AppError(
          'MOVEMENT_REFUSED',
          'a person in the application is not on the register: handle it at the counter',
          {
            field: source,
          },
        );
      }
    }
    // A yes/no question answers a flag of the registry (国外転出: abroad).
    if (value === 'yes' || value === 'no') value = value === 'yes';
    if (value !== undefined && value !== null && value !== '') setAt(input, target, value);
  }
  return input;
}

/**
 * Carries out the registry operation an approval names (an approved 転居届 records the relocation),
 * in the decision's transaction: both happen or neither. The registry's own checks apply; a refusal
 * (a move date still ahead, members who would form a new household without their 続柄) fails the
 * decision with the registry's error, and staff handle the case at the counter.
 */
export async function runApprovalOperation(
  trx: Transaction<DB>,
  actor: Actor,
  definition: ProcedureDefinition,
  application: Application,
): Promise<ApprovalOperationResult | null> {
  if (!definition.onApproval) return null;
  const applicant = await findCurrent(trx, application.lgCode, application.applicantPersonId);
  if (applicant?.status !== 'resident') {
    throw new AppError('MOVEMENT_REFUSED', 'the applicant is no longer a resident: the registry cannot be changed', {
      field: 'applicantPersonId',
    });
  }
  const input = operationInput(definition, application.answers);
  const notifiedOn = todayInJapan(application.submittedAt ?? new Date());
  const base = { lgCode: application.lgCode, householdId: applicant.householdId, notifiedOn };
  switch (definition.onApproval.operation) {
    case 'recordRelocation': {
      const result = await recordRelocation(trx, actor, { ...base, ...input } as Parameters<
        typeof recordRelocation
      >[2]);
      return {
        operation: 'recordRelocation',
        movementId: result.movementId,
        householdsWithoutHead: result.householdsWithoutHead ?? [],
      };
    }
    case 'recordMoveOut': {
      const result = await recordMoveOut(trx, actor, { ...base, ...input } as Parameters<typeof recordMoveOut>[2]);
      return {
        operation: 'recordMoveOut',
        movementId: result.movementId,
        householdsWithoutHead: result.householdsWithoutHead ?? [],
      };
    }
    default: {
      const unknown: never = definition.onApproval.operation;
      throw new RangeError(`unknown registry operation ${String(unknown)}`);
    }
  }
}
