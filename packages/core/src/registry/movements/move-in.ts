import type { Database, DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../../actor';
import { AppError } from '../../errors';
import { registryIdFromSerial } from '../ids';
import { searchKeys } from '../record-row';
import { assertNoProblems, itemProblems, refuse } from '../resident-items.validation';
import { lockCurrent, lockHousehold, reserveSerials } from '../resident-record.repository';
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
  /**
   * New persons whose name, sex and birth date match a removed record (section 600): the clerk should
   * check whether they are returning residents (then cancel and enter them with returningPersonId).
   */
  readonly possibleReturning: readonly { readonly personId: string; readonly removedPersonIds: readonly string[] }[];
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
    const ordered = [...input.persons].sort(
      (a, b) => Number(b.relationship === HEAD) - Number(a.relationship === HEAD),
    );
    // 再転入 (section 600): a person whose removed record is named keeps their 宛名番号.
    const returning = await lockCurrent(
      trx,
      input.lgCode,
      ordered.flatMap((p) => (p.returningPersonId ? [p.returningPersonId] : [])),
    );
    const newcomers = ordered.filter((p) => !p.returningPersonId).length;
    const first = newcomers > 0 ? await reserveSerials(trx, input.lgCode, 'person', newcomers) : 0;
    let serial = first;
    const changes: MovementChange[] = ordered.map((person, i) => {
      const previous = person.returningPersonId
        ? (returning.find((r) => r.personId === person.returningPersonId) ?? null)
        : null;
      if (person.returningPersonId && previous?.status !== 'removed') {
        refuse('NOT_REMOVED', 'a returning person must have a removed record (除票) here', {
          field: `persons[${input.persons.indexOf(person)}].returningPersonId`,
        });
      }
      return {
        personId: previous ? previous.personId : registryIdFromSerial(serial++),
        previous,
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
      };
    });
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
    const possibleReturning = await removedLookalikes(trx, input.lgCode, changes);
    return { ...result, householdId, personIds: changes.map((c) => c.personId), lateNotification, possibleReturning };
  });
}

async function removedLookalikes(
  trx: Transaction<DB>,
  lgCode: string,
  changes: readonly MovementChange[],
): Promise<MoveInResult['possibleReturning']> {
  const found: { personId: string; removedPersonIds: string[] }[] = [];
  for (const change of changes) {
    if (change.previous) continue;
    const rows = await trx
      .selectFrom('resident_record')
      .select('person_id')
      .where('lg_code', '=', lgCode)
      .where('is_current', '=', true)
      .where('status', '=', 'removed')
      .where('name_key', '=', searchKeys(change.items).name_key)
      .where('birth_date', '=', change.items.birthDate)
      .where('sex', '=', change.items.sex)
      .execute();
    if (rows.length > 0) found.push({ personId: change.personId, removedPersonIds: rows.map((r) => r.person_id) });
  }
  return found;
}
