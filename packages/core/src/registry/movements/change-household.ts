import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { registryIdFromSerial } from '../ids';
import { refuse } from '../resident-items.validation';
import { reserveSerials } from '../resident-record.repository';
import { inMovementTransaction, type MovementResult } from './commit-movement';
import { checkRelationships, remainingAfter, reorder } from './household-rules';
import { lockMembers } from './lock-members';
import { HEAD, type Relationships } from './movement.types';
import { checkDates } from './movement-dates';

export type ChangeHouseholdInput =
  | {
      /** 世帯分離: members leave to form a household of their own at the same address. */
      readonly kind: 'split';
      readonly lgCode: string;
      readonly householdId: string;
      readonly personIds: readonly string[];
      readonly relationships: Relationships;
      readonly remainingRelationships?: Relationships;
      readonly effectiveOn: string;
      readonly notifiedOn: string;
    }
  | {
      /** 世帯合併: every member of one household joins another at the same address. */
      readonly kind: 'merge';
      readonly lgCode: string;
      readonly householdId: string;
      readonly intoHouseholdId: string;
      /** 続柄 of every member of the merged household, old and new (one 世帯主). */
      readonly relationships: Relationships;
      readonly effectiveOn: string;
      readonly notifiedOn: string;
    }
  | {
      /** 世帯主変更 (sections 720, 730): a new head and the 続柄 of every member seen from them. */
      readonly kind: 'head-change';
      readonly lgCode: string;
      readonly householdId: string;
      readonly relationships: Relationships;
      readonly effectiveOn: string;
      readonly notifiedOn: string;
    };

export async function changeHousehold(
  db: Database,
  actor: Actor,
  input: ChangeHouseholdInput,
): Promise<MovementResult & { householdId: string }> {
  checkDates(input.effectiveOn, input.notifiedOn);
  const stamp = { lgCode: input.lgCode, effectiveOn: input.effectiveOn, notifiedOn: input.notifiedOn };
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    const members = await lockMembers(trx, input.lgCode, input.householdId);
    if (input.kind === 'head-change') {
      checkRelationships(
        members.map((m) => m.personId),
        input.relationships,
        'relationships',
      );
      if (members.find((m) => m.relationship === HEAD)?.personId === headOf(input.relationships)) {
        refuse('SAME_HEAD', 'the person named is already the 世帯主', { field: 'relationships' });
      }
      const changes = reorder(members, input.relationships, input.householdId);
      const result = await commit(actor, { ...stamp, reasonCode: 'household-head-change', changes });
      return { ...result, householdId: input.householdId };
    }
    if (input.kind === 'split') {
      const movers = members.filter((m) => input.personIds.includes(m.personId));
      if (movers.length !== new Set(input.personIds).size) {
        refuse('NOT_A_MEMBER', 'a person named is not a member of the household', { field: 'personIds' });
      }
      if (movers.length === members.length) {
        refuse('SPLIT_ALL', 'a split must leave at least one member in the household', { field: 'personIds' });
      }
      checkRelationships(input.personIds, input.relationships, 'relationships');
      const householdId = registryIdFromSerial(await reserveSerials(trx, input.lgCode, 'household', 1));
      const result = await commit(actor, {
        ...stamp,
        reasonCode: 'household-split',
        changes: reorder(movers, input.relationships, householdId),
      });
      const stay = remainingAfter(members, input.personIds, input.remainingRelationships);
      if (stay.length > 0) {
        await commit(actor, { ...stamp, reasonCode: 'household-head-change', changes: stay });
      }
      return { ...result, householdId };
    }
    if (input.intoHouseholdId === input.householdId) {
      refuse('SAME_HOUSEHOLD', 'a household cannot merge into itself', { field: 'intoHouseholdId' });
    }
    const into = await lockMembers(trx, input.lgCode, input.intoHouseholdId);
    const host = into[0];
    const guest = members[0];
    if (host && guest && (host.address !== guest.address || host.addressDetail !== guest.addressDetail)) {
      refuse('DIFFERENT_ADDRESS', 'households at different addresses cannot merge: record a relocation first', {
        field: 'intoHouseholdId',
      });
    }
    const all = [...into, ...members];
    checkRelationships(
      all.map((m) => m.personId),
      input.relationships,
      'relationships',
    );
    const result = await commit(actor, {
      ...stamp,
      reasonCode: 'household-merge',
      changes: reorder(all, input.relationships, input.intoHouseholdId),
    });
    return { ...result, householdId: input.intoHouseholdId };
  });
}

function headOf(relationships: Relationships): string | undefined {
  return Object.entries(relationships).find(([, r]) => r === HEAD)?.[0];
}
