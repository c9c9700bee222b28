import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import type { OidcAudience } from './oidc-login.types';

export async function insertPendingLogin(
  db: Kysely<DB>,
  row: { lgCode: string; state: string; provider: string; pending: object; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('oidc_pending_login')
    .values({
      lg_code: row.lgCode,
      state: row.state,
      provider: row.provider,
      pending: JSON.stringify(row.pending),
      created_at: row.createdAt,
    })
    .execute();
}

/**
 * Deletes the pending login and returns it: the delete is what makes a state single-use, since two
 * callbacks racing on one state cannot both get the row back.
 */
export async function takePendingLogin(db: Kysely<DB>, lgCode: string, state: string) {
  return db
    .deleteFrom('oidc_pending_login')
    .where('lg_code', '=', lgCode)
    .where('state', '=', state)
    .returning(['provider', 'pending', 'created_at'])
    .executeTakeFirst();
}

/** Removes logins started before `cutoff`: they can no longer be completed. */
export async function deletePendingLoginsBefore(db: Kysely<DB>, lgCode: string, cutoff: Date): Promise<void> {
  await db.deleteFrom('oidc_pending_login').where('lg_code', '=', lgCode).where('created_at', '<', cutoff).execute();
}

export async function findBinding(
  db: Kysely<DB>,
  lgCode: string,
  issuer: string,
  subject: string,
): Promise<{ subjectKind: OidcAudience; subjectId: string } | null> {
  const row = await db
    .selectFrom('oidc_binding')
    .select(['subject_kind', 'subject_id'])
    .where('lg_code', '=', lgCode)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row ? { subjectKind: row.subject_kind, subjectId: row.subject_id } : null;
}

/** Whether the staff account exists and is not disabled: an IdP account outlives a revoked local one. */
export async function isActiveStaff(db: Kysely<DB>, lgCode: string, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff_account')
    .select('staff_id')
    .where('lg_code', '=', lgCode)
    .where('staff_id', '=', staffId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the binding; false when that account at that issuer is already bound. */
export async function insertBinding(
  db: Kysely<DB>,
  row: { lgCode: string; issuer: string; subject: string; subjectKind: OidcAudience; subjectId: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('oidc_binding')
    .values({
      lg_code: row.lgCode,
      issuer: row.issuer,
      subject: row.subject,
      subject_kind: row.subjectKind,
      subject_id: row.subjectId,
    })
    .onConflict((conflict) => conflict.columns(['lg_code', 'issuer', 'subject']).doNothing())
    .returning('subject_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
