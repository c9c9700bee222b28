import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { AppError } from '../../errors';
import { registryIdFromSerial } from '../ids';
import { assertNoProblems, itemProblems, refuse } from '../resident-items.validation';
import { lockHousehold, reserveSerials } from '../resident-record.repository';
import { inMovementTransaction, type MovementChange, type MovementResult } from './commit-movement';
import { type AddressInput, HEAD, type NewPersonInput } from './movement.types';
import { checkDates } from './movement-dates';
import { newPersonItems } from './new-person';

export interface MoveInInput {
  readonly lgCode: string;
  /** 国外転入等 (from abroad) instead of 国内転入. */
  readonly fromAbroad?: boolean;
  readonly effectiveOn: string;
  readonly notifiedOn: string;
  /** 転入前住所 (for a move from abroad: the country). */
  readonly previousAddress: string | null;
  readonly destination: AddressInput;
  /** Join a household already on the register at that address instead of forming a new one. */
  readonly joinHouseholdId?: string;
  readonly persons: readonly NewPersonInput[];
}

export interface MoveInResult extends MovementResult {
  readonly householdId: string;
  readonly personIds: readonly string[];
  readonly lateNotification: boolean;
}

/** 転入 (sections 590–620): enters the persons with new 宛名番号, in a new or an existing household. */
export async function recordMoveIn(db: Database, actor: Actor, input: MoveInInput): Promise<MoveInResult> {
  const { today, lateNotification } = checkDates(input.effectiveOn, input.notifiedOn);
  if (input.persons.length === 0) refuse('NO_PERSONS', 'a move-in needs at least one person', { field: 'persons' });
  if (!input.fromAbroad && !input.previousAddress?.trim()) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'previousAddress', message: 'is required for a move from within Japan' }],
    });
  }
  const heads = input.persons.filter((p) => p.relationship === HEAD).length;
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    let householdId: string;
    let firstOrder = 1;
    let at = input.destination;
    if (input.joinHouseholdId) {
      const members = await lockHousehold(trx, input.lgCode, input.joinHouseholdId);
      const head = members.find((m) => m.relationship === HEAD);
      if (!head)
        throw new AppError('HOUSEHOLD_NOT_FOUND', 'no household with that number is on the register', {
          field: 'joinHouseholdId',
        });
      if (heads > 0)
        refuse('HOUSEHOLD_HEAD', 'the household has a 世帯主 already; joining persons cannot be 世帯主', {
          field: 'persons',
        });
      householdId = input.joinHouseholdId;
      firstOrder = Math.max(...members.map((m) => m.householdOrder)) + 1;
      at = { postalCode: head.postalCode, address: head.address, addressDetail: head.addressDetail };
    } else {
      if (heads !== 1)
        refuse('HOUSEHOLD_HEAD', `a new household needs exactly one 世帯主 (found ${heads})`, { field: 'persons' });
      householdId = registryIdFromSerial(await reserveSerials(trx, input.lgCode, 'household', 1));
    }
    const first = await reserveSerials(trx, input.lgCode, 'person', input.persons.length);
    const ordered = [...input.persons].sort(
      (a, b) => Number(b.relationship === HEAD) - Number(a.relationship === HEAD),
    );
    const changes: MovementChange[] = ordered.map((person, i) => ({
      personId: registryIdFromSerial(first + i),
      previous: null,
      items: newPersonItems(
        person,
        at,
        { householdId, householdOrder: firstOrder + i },
        {
          becameResidentOn: input.effectiveOn,
          addressSince: input.effectiveOn,
          previousAddress: input.previousAddress,
        },
      ),
    }));
    assertNoProblems(
      changes.flatMap((c, i) =>
        itemProblems(c.items, `persons[${input.persons.indexOf(ordered[i] as NewPersonInput)}].`, today),
      ),
    );
    const result = await commit(actor, {
      lgCode: input.lgCode,
      reasonCode: input.fromAbroad ? 'move-in-from-abroad' : 'move-in',
      effectiveOn: input.effectiveOn,
      notifiedOn: input.notifiedOn,
      changes,
    });
    return { ...result, householdId, personIds: changes.map((c) => c.personId), lateNotification };
  });
}
