import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { registryIdFromSerial } from '../ids';
import { assertNoProblems, itemProblems, refuse } from '../resident-items.validation';
import { reserveSerials } from '../resident-record.repository';
import { inMovementTransaction, type MovementResult } from './commit-movement';
import { itemsOf, remainingAfter } from './household-rules';
import { lockMembers, lockResidents } from './lock-members';
import { HEAD, type NewPersonInput, type Relationships } from './movement.types';
import { checkDates } from './movement-dates';
import { newPersonItems } from './new-person';

export interface BirthInput {
  readonly lgCode: string;
  readonly householdId: string;
  readonly child: NewPersonInput;
  readonly notifiedOn: string;
}

/** 出生 (section 810): the child enters the household on its birth date, at the household's address. */
export async function recordBirth(
  db: Database,
  actor: Actor,
  input: BirthInput,
): Promise<MovementResult & { personId: string }> {
  const { today } = checkDates(input.child.birthDate, input.notifiedOn);
  if (input.child.relationship === HEAD) {
    refuse('HOUSEHOLD_HEAD', 'a newborn joins a household; it cannot be its 世帯主', { field: 'child.relationship' });
  }
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    const members = await lockMembers(trx, input.lgCode, input.householdId);
    const head = members[0];
    if (!head) throw new Error('unreachable: lockMembers returns members');
    const personId = registryIdFromSerial(await reserveSerials(trx, input.lgCode, 'person', 1));
    const items = newPersonItems(
      input.child,
      head,
      { householdId: input.householdId, householdOrder: Math.max(...members.map((m) => m.householdOrder)) + 1 },
      { becameResidentOn: input.child.birthDate, addressSince: input.child.birthDate, previousAddress: null },
    );
    assertNoProblems(itemProblems(items, 'child.', today));
    const result = await commit(actor, {
      lgCode: input.lgCode,
      reasonCode: 'birth',
      effectiveOn: input.child.birthDate,
      notifiedOn: input.notifiedOn,
      changes: [{ personId, previous: null, items }],
    });
    return { ...result, personId };
  });
}

export interface DeathInput {
  readonly lgCode: string;
  readonly personId: string;
  readonly diedOn: string;
  readonly notifiedOn: string;
  /** When the 世帯主 died and others remain: their 続柄 with a new 世帯主 (section 490). */
  readonly remainingRelationships?: Relationships;
}

/** 死亡 (section 820): removes the record as of the date of death. */
export async function recordDeath(db: Database, actor: Actor, input: DeathInput): Promise<MovementResult> {
  checkDates(input.diedOn, input.notifiedOn);
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    const [person] = await lockResidents(trx, input.lgCode, [input.personId]);
    if (!person) throw new Error('unreachable: lockResidents checks the person');
    if (input.diedOn < person.birthDate)
      refuse('DATE_ORDER', 'the date of death is before the birth date', { field: 'diedOn' });
    const members = await lockMembers(trx, input.lgCode, person.householdId);
    const stay = remainingAfter(members, [person.personId], input.remainingRelationships);
    const result = await commit(actor, {
      lgCode: input.lgCode,
      reasonCode: 'death',
      effectiveOn: input.diedOn,
      notifiedOn: input.notifiedOn,
      changes: [
        {
          personId: person.personId,
          previous: person,
          items: { ...itemsOf(person), status: 'removed', removalReason: '死亡', removedOn: input.diedOn },
        },
      ],
    });
    if (stay.length > 0) {
      await commit(actor, {
        lgCode: input.lgCode,
        reasonCode: 'household-head-change',
        effectiveOn: input.diedOn,
        notifiedOn: input.notifiedOn,
        changes: stay,
      });
    }
    return result;
  });
}
