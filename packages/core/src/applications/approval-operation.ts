import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { valueAt } from '../procedures/conditions';
import type { ProcedureDefinition } from '../procedures/procedure-definition.types';
import { todayInJapan } from '../registry/clock';
import { type Relationships, recordMoveOut, recordRelocation } from '../registry/movements';
import { findCurrent } from '../registry/resident-record.repository';
import type { Application } from './application.types';
import { setAt } from './prefill';

/**
 * What staff learnt from the resident (by phone, at the counter) that no form asks: the 続柄 after
 * part of a household moves. The registry checks them (one 世帯主, only the persons concerned).
 */
export interface HouseholdRelationships {
  /** Members moving without the rest form a new household: their 続柄. */
  readonly newHousehold?: Relationships;
  /** The 世帯主 moves and others stay: the 続柄 of those who stay. */
  readonly remaining?: Relationships;
}

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

function notForThisApproval(what: string): never {
  throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
    problems: [{ field: 'householdRelationships', message: `${what} do not apply to this approval` }],
  });
}

/**
 * Carries out the registry operation an approval names (an approved 転居届 records the relocation),
 * in the decision's transaction: both happen or neither. The registry's own checks apply; a refusal
 * (a move date still ahead, members who would form a new household without their 続柄) fails the
 * decision with the registry's error. Staff then ask the resident and approve again with
 * `household`, the 続柄 the form does not ask.
 */
export async function runApprovalOperation(
  trx: Transaction<DB>,
  actor: Actor,
  definition: ProcedureDefinition,
  application: Application,
  household: HouseholdRelationships = {},
): Promise<ApprovalOperationResult | null> {
  if (!definition.onApproval) {
    if (household.newHousehold || household.remaining) notForThisApproval('relationships');
    return null;
  }
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
      const result = await recordRelocation(trx, actor, {
        ...base,
        ...input,
        newHouseholdRelationships: household.newHousehold,
        remainingRelationships: household.remaining,
      } as Parameters<typeof recordRelocation>[2]);
      return {
        operation: 'recordRelocation',
        movementId: result.movementId,
        householdsWithoutHead: result.householdsWithoutHead ?? [],
      };
    }
    case 'recordMoveOut': {
      // Those moving out leave the register: only those who stay get a 続柄.
      if (household.newHousehold) notForThisApproval('relationships of a new household');
      const result = await recordMoveOut(trx, actor, {
        ...base,
        ...input,
        remainingRelationships: household.remaining,
      } as Parameters<typeof recordMoveOut>[2]);
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
