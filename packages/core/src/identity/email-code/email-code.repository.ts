import type { DB } from '@madoguchi/db';
import { type Kysely, sql, type Transaction } from 'kysely';

export async function findPersonByEmail(db: Kysely<DB>, lgCode: string, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('resident_email')
    .select('person_id')
    .where('lg_code', '=', lgCode)
    .where('email', '=', email)
    .executeTakeFirst();
  return row?.person_id ?? null;
}

/** One address per resident: a new one replaces the old and is unverified until a code sent to it is entered. */
export async function upsertResidentEmail(
  trx: Transaction<DB>,
  row: { lgCode: string; personId: string; email: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('resident_email')
    .values({ lg_code: row.lgCode, person_id: row.personId, email: row.email, verified_at: null, created_at: row.now })
    .onConflict((oc) =>
      oc.columns(['lg_code', 'person_id']).doUpdateSet({
        email: row.email,
        verified_at: sql`case when resident_email.email = excluded.email then resident_email.verified_at end`,
        created_at: sql`case when resident_email.email = excluded.email then resident_email.created_at else excluded.created_at end`,
      }),
    )
    .execute();
}

export async function markEmailVerified(trx: Transaction<DB>, lgCode: string, personId: string, now: Date) {
  await trx
    .updateTable('resident_email')
    .set({ verified_at: now })
    .where('lg_code', '=', lgCode)
    .where('person_id', '=', personId)
    .where('verified_at', 'is', null)
    .execute();
}
