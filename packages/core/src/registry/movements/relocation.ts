import type { Actor } from '../../actor';
import { registryIdFromSerial } from '../ids';
import { assertNoProblems, itemProblems, refuse } from '../resident-items.validation';
import { reserveSerials } from '../resident-record.repository';
import { inMovementTransaction, type MovementResult, type MovementScope } from './commit-movement';
import { checkRelationships, itemsOf, remainingAfter, reorder } from './household-rules';
import { lockMembers } from './lock-members';
import type { AddressInput, Relationships } from './movement.types';
import { checkDates } from './movement-dates';

export interface RelocationInput {
  readonly lgCode: string;
  readonly householdId: string;
  /** Who moves; the whole household when absent. */
  readonly personIds?: readonly string[];
  readonly destination: AddressInput;
  readonly effectiveOn: string;
  readonly notifiedOn: string;
  /** When only some members move, they form a new household: their 続柄 (one 世帯主). */
  readonly newHouseholdRelationships?: Relationships;
  /** When the 世帯主 moves and others stay: the 続柄 of those who stay (one 世帯主). */
  readonly remainingRelationships?: Relationships;
}

export interface RelocationResult extends MovementResult {
  readonly householdId: string;
  readonly lateNotification: boolean;
}

/** 転居 (sections 630, 720): a move within the municipality, of a household or of some of its members. */
export async function recordRelocation(
  db: MovementScope,
  actor: Actor,
  input: RelocationInput,
): Promise<RelocationResult> {
  const { today, lateNotification } = checkDates(input.effectiveOn, input.notifiedOn);
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    const members = await lockMembers(trx, input.lgCode, input.householdId);
    const moverIds = input.personIds ?? members.map((m) => m.personId);
    const movers = members.filter((m) => moverIds.includes(m.personId));
    if (movers.length !== new Set(moverIds).size) {
      refuse('NOT_A_MEMBER', 'a person named is not a member of the household', { field: 'personIds' });
    }
    const head = members[0];
    if (
      head &&
      head.address === input.destination.address &&
      (head.addressDetail ?? null) === (input.destination.addressDetail ?? null)
    ) {
      refuse('SAME_ADDRESS', 'the new address is the current address (section 630): use a correction instead', {
        field: 'destination',
      });
    }
    const whole = movers.length === members.length;
    let householdId = input.householdId;
    let moved = movers.map((m) => ({ personId: m.personId, previous: m, items: itemsOf(m) }));
    if (!whole) {
      if (!input.newHouseholdRelationships) {
        refuse('RELATIONSHIP_REQUIRED', 'members moving without the rest form a new household: give their 続柄', {
          field: 'newHouseholdRelationships',
        });
      }
      checkRelationships(moverIds, input.newHouseholdRelationships, 'newHouseholdRelationships');
      householdId = registryIdFromSerial(await reserveSerials(trx, input.lgCode, 'household', 1));
      moved = reorder(movers, input.newHouseholdRelationships, householdId);
    }
    const changes = moved.map((change) => ({
      ...change,
      items: {
        ...change.items,
        postalCode: input.destination.postalCode ?? null,
        address: input.destination.address,
        addressDetail: input.destination.addressDetail ?? null,
        addressSince: input.effectiveOn,
        previousAddress: change.previous.address,
      },
    }));
    assertNoProblems(changes.flatMap((c) => itemProblems(c.items, '', today)));
    const result = await commit(actor, {
      lgCode: input.lgCode,
      reasonCode: 'relocation',
      effectiveOn: input.effectiveOn,
      notifiedOn: input.notifiedOn,
      changes,
    });
    const stay = whole ? [] : remainingAfter(members, moverIds, input.remainingRelationships);
    if (stay.length > 0) {
      await commit(actor, {
        lgCode: input.lgCode,
        reasonCode: 'household-head-change',
        effectiveOn: input.effectiveOn,
        notifiedOn: input.notifiedOn,
        changes: stay,
      });
    }
    return { ...result, householdId, lateNotification };
  });
}
