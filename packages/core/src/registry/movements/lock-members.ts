import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import { AppError } from '../../errors';
import type { ResidentRecord } from '../resident.types';
import { lockCurrent, lockHousehold } from '../resident-record.repository';

/** The persons' current versions, locked; each must be on the register (not removed). */
export async function lockResidents(
  trx: Transaction<DB>,
  lgCode: string,
  personIds: readonly string[],
): Promise<ResidentRecord[]> {
  const found = await lockCurrent(trx, lgCode, [...new Set(personIds)]);
  const onRegister = found.filter((r) => r.status === 'resident');
  if (onRegister.length !== new Set(personIds).size) {
    throw new AppError('RESIDENT_NOT_FOUND', 'a person named is not on the register (unknown or removed)', {
      field: 'personIds',
    });
  }
  return onRegister;
}

/** A household's members, locked; refuses an unknown household. */
export async function lockMembers(
  trx: Transaction<DB>,
  lgCode: string,
  householdId: string,
): Promise<ResidentRecord[]> {
  const members = await lockHousehold(trx, lgCode, householdId);
  if (members.length === 0) {
    throw new AppError('HOUSEHOLD_NOT_FOUND', 'no household with that number is on the register', {
      field: 'householdId',
    });
  }
  return members;
}
