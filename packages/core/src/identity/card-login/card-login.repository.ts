import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';

export async function findBoundPerson(
  db: Kysely<DB>,
  lgCode: string,
  issuer: string,
  serialHex: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('card_binding')
    .select('person_id')
    .where('lg_code', '=', lgCode)
    .where('issuer', '=', issuer)
    .where('serial_hex', '=', serialHex)
    .where('unbound_at', 'is', null)
    .executeTakeFirst();
  return row?.person_id ?? null;
}

export async function insertBinding(
  db: Kysely<DB>,
  row: { lgCode: string; issuer: string; serialHex: string; personId: string },
): Promise<void> {
  await db
    .insertInto('card_binding')
    .values({ lg_code: row.lgCode, issuer: row.issuer, serial_hex: row.serialHex, person_id: row.personId })
    .execute();
}
