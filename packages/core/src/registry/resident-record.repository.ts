import type { DB } from '@madoguchi/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { fromRow, toRow } from './record-row';
import type { ResidentRecord } from './resident.types';

type Executor = Kysely<DB> | Transaction<DB>;

/** Reserves `count` serials of a counter; returns the first. Row-locked, so concurrent callers get disjoint ranges. */
export async function reserveSerials(
  trx: Transaction<DB>,
  lgCode: string,
  name: 'person' | 'household' | 'certificate',
  count: number,
): Promise<number> {
  const row = await trx
    .insertInto('registry_counter')
    .values({ lg_code: lgCode, name, last_value: count })
    .onConflict((oc) =>
      oc.columns(['lg_code', 'name']).doUpdateSet({ last_value: sql`registry_counter.last_value + ${count}` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value - count + 1;
}

export async function findCurrent(db: Executor, lgCode: string, personId: string): Promise<ResidentRecord | null> {
  const row = await db
    .selectFrom('resident_record')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('person_id', '=', personId)
    .where('is_current', '=', true)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Current versions of the persons, locked until the transaction ends (two clerks cannot both move one person). */
export async function lockCurrent(
  trx: Transaction<DB>,
  lgCode: string,
  personIds: readonly string[],
): Promise<ResidentRecord[]> {
  if (personIds.length === 0) return [];
  const rows = await trx
    .selectFrom('resident_record')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('person_id', 'in', personIds)
    .where('is_current', '=', true)
    .orderBy('person_id')
    .forUpdate()
    .execute();
  return rows.map(fromRow);
}

/** Members of a household on the register now (removed persons excluded), in household order, locked. */
export async function lockHousehold(
  trx: Transaction<DB>,
  lgCode: string,
  householdId: string,
): Promise<ResidentRecord[]> {
  const rows = await householdQuery(trx, lgCode, householdId).forUpdate().execute();
  return rows.map(fromRow);
}

export async function findHouseholdMembers(
  db: Executor,
  lgCode: string,
  householdId: string,
): Promise<ResidentRecord[]> {
  const rows = await householdQuery(db, lgCode, householdId).execute();
  return rows.map(fromRow);
}

function householdQuery(db: Executor, lgCode: string, householdId: string) {
  return db
    .selectFrom('resident_record')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('household_id', '=', householdId)
    .where('is_current', '=', true)
    .where('status', '=', 'resident')
    .orderBy('household_order')
    .orderBy('person_id');
}

/** Writes new versions: the persons' current versions lose the mark, the new ones get it. */
export async function appendVersions(trx: Transaction<DB>, records: readonly ResidentRecord[]): Promise<void> {
  if (records.length === 0) return;
  const lgCode = records[0]?.lgCode as string;
  const updated = records.filter((r) => r.version > 1).map((r) => r.personId);
  if (updated.length > 0) {
    await trx
      .updateTable('resident_record')
      .set({ is_current: false })
      .where('lg_code', '=', lgCode)
      .where('person_id', 'in', updated)
      .where('is_current', '=', true)
      .execute();
  }
  await trx.insertInto('resident_record').values(records.map(toRow)).execute();
}

export async function findHistory(db: Executor, lgCode: string, personId: string): Promise<ResidentRecord[]> {
  const rows = await db
    .selectFrom('resident_record')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('person_id', '=', personId)
    .orderBy('version')
    .execute();
  return rows.map(fromRow);
}

export async function findMovementVersions(
  db: Executor,
  lgCode: string,
  movementId: string,
): Promise<ResidentRecord[]> {
  const rows = await db
    .selectFrom('resident_record')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('movement_id', '=', movementId)
    .orderBy('person_id')
    .execute();
  return rows.map(fromRow);
}

/** Number of 世帯主 among the members on the register of each household given that has members. */
export async function headCounts(
  db: Executor,
  lgCode: string,
  householdIds: readonly string[],
): Promise<{ householdId: string; heads: number }[]> {
  if (householdIds.length === 0) return [];
  const rows = await db
    .selectFrom('resident_record')
    .select(['household_id', sql<number>`(count(*) filter (where relationship = '世帯主'))::int`.as('heads')])
    .where('lg_code', '=', lgCode)
    .where('household_id', 'in', householdIds)
    .where('is_current', '=', true)
    .where('status', '=', 'resident')
    .groupBy('household_id')
    .execute();
  return rows.map((r) => ({ householdId: r.household_id, heads: r.heads }));
}
