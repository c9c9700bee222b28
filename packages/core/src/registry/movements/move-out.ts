import type { Actor } from '../../actor';
import type { ResidentRecord } from '../resident.types';
import { refuse } from '../resident-items.validation';
import { inMovementTransaction, type MovementResult, type MovementScope } from './commit-movement';
import { itemsOf, remainingAfter } from './household-rules';
import { lockMembers } from './lock-members';
import type { Relationships } from './movement.types';
import { checkDates } from './movement-dates';

export interface MoveOutInput {
  readonly lgCode: string;
  readonly householdId: string;
  /** Who moves out; the whole household when absent. */
  readonly personIds?: readonly string[];
  /** 国外転出 instead of 国内転出. */
  readonly abroad?: boolean;
  /** 転出予定先 */
  readonly plannedDestination: string;
  /** 転出予定年月日 (may be in the future: 転出届 is made before moving). */
  readonly plannedMoveOn: string;
  readonly notifiedOn: string;
  readonly remainingRelationships?: Relationships;
}

/** What the 転出証明書 carries (section 660), per person. */
export interface MoveOutCertificateData {
  readonly personId: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly birthDate: string;
  readonly sex: number;
  readonly relationship: string;
  readonly address: string;
  readonly addressDetail: string | null;
  readonly plannedDestination: string;
  readonly plannedMoveOn: string;
  readonly residentCode: string | null;
}

export interface MoveOutResult extends MovementResult {
  readonly certificate: readonly MoveOutCertificateData[];
}

/** 転出 (sections 640–670): removes the persons as of the planned move date and gives the 転出証明書 data. */
export async function recordMoveOut(db: MovementScope, actor: Actor, input: MoveOutInput): Promise<MoveOutResult> {
  checkDates(input.plannedMoveOn, input.notifiedOn, { effectiveMayBeFuture: true });
  if (!input.plannedDestination.trim()) {
    refuse('DESTINATION_REQUIRED', 'a move-out needs the planned destination (転出予定先)', {
      field: 'plannedDestination',
    });
  }
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    const members = await lockMembers(trx, input.lgCode, input.householdId);
    const leaverIds = input.personIds ?? members.map((m) => m.personId);
    const leavers = members.filter((m) => leaverIds.includes(m.personId));
    if (leavers.length !== new Set(leaverIds).size) {
      refuse('NOT_A_MEMBER', 'a person named is not a member of the household', { field: 'personIds' });
    }
    const stay = remainingAfter(members, leaverIds, input.remainingRelationships);
    const result = await commit(actor, {
      lgCode: input.lgCode,
      reasonCode: input.abroad ? 'move-out-abroad' : 'move-out',
      effectiveOn: input.plannedMoveOn,
      notifiedOn: input.notifiedOn,
      changes: leavers.map((m) => ({
        personId: m.personId,
        previous: m,
        items: {
          ...itemsOf(m),
          status: 'removed',
          removalReason: input.abroad ? '国外転出' : '転出',
          removedOn: input.plannedMoveOn,
          plannedDestination: input.plannedDestination,
          plannedMoveOn: input.plannedMoveOn,
        },
      })),
    });
    if (stay.length > 0) {
      await commit(actor, {
        lgCode: input.lgCode,
        reasonCode: 'household-head-change',
        effectiveOn: input.plannedMoveOn,
        notifiedOn: input.notifiedOn,
        changes: stay,
      });
    }
    return { ...result, certificate: leavers.map((m) => certificateData(m, input)) };
  });
}

function certificateData(m: ResidentRecord, input: MoveOutInput): MoveOutCertificateData {
  return {
    personId: m.personId,
    familyName: m.familyName,
    givenName: m.givenName,
    birthDate: m.birthDate,
    sex: m.sex,
    relationship: m.relationship,
    address: m.address,
    addressDetail: m.addressDetail,
    plannedDestination: input.plannedDestination,
    plannedMoveOn: input.plannedMoveOn,
    residentCode: m.residentCode,
  };
}
