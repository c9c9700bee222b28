import type { DB } from '@madoguchi/db';
import type { Kysely, Transaction } from 'kysely';

export interface StaffAccountRecord {
  readonly lgCode: string;
  readonly staffId: string;
  readonly passwordHash: string;
  readonly totpSecret: string | null;
  readonly totpLastStep: number | null;
  readonly roles: readonly string[];
  readonly departments: readonly string[];
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
  readonly disabledAt: Date | null;
}

export interface NewStaffAccount {
  readonly lgCode: string;
  readonly staffId: string;
  readonly loginName: string;
  readonly passwordHash: string;
  readonly totpSecret: string;
  readonly roles: readonly string[];
  readonly departments: readonly string[];
}

/** Inserts the account; false when its staff id or login name is taken in the municipality. */
export async function insertStaffAccount(db: Kysely<DB>, account: NewStaffAccount): Promise<boolean> {
  const row = await db
    .insertInto('staff_account')
    .values({
      lg_code: account.lgCode,
      staff_id: account.staffId,
      login_name: account.loginName,
      password_hash: account.passwordHash,
      totp_secret: account.totpSecret,
      roles: [...account.roles],
      departments: [...account.departments],
    })
    // No conflict target: either unique key (staff id or login name) makes it a no-op.
    .onConflict((conflict) => conflict.doNothing())
    .returning('staff_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of the two unique keys an account already holds, to say what to change. */
export async function findStaffAccountConflict(
  db: Kysely<DB>,
  lgCode: string,
  staffId: string,
  loginName: string,
): Promise<'staffId' | 'loginName' | null> {
  const row = await db
    .selectFrom('staff_account')
    .select(['staff_id'])
    .where('lg_code', '=', lgCode)
    .where((eb) => eb.or([eb('staff_id', '=', staffId), eb('login_name', '=', loginName)]))
    .orderBy('staff_id')
    .executeTakeFirst();
  if (!row) return null;
  return row.staff_id === staffId ? 'staffId' : 'loginName';
}

/**
 * Reads the account with a row lock held to the end of the transaction: concurrent login
 * attempts on one account queue here, so none reads a failure count another is about to
 * raise, and one TOTP code cannot be used by two logins at once.
 */
export async function lockStaffAccountByLoginName(
  trx: Transaction<DB>,
  lgCode: string,
  loginName: string,
): Promise<StaffAccountRecord | null> {
  const row = await trx
    .selectFrom('staff_account')
    .select([
      'lg_code',
      'staff_id',
      'password_hash',
      'totp_secret',
      'totp_last_step',
      'roles',
      'departments',
      'failed_attempts',
      'locked_until',
      'disabled_at',
    ])
    .where('lg_code', '=', lgCode)
    .where('login_name', '=', loginName)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  return {
    lgCode: row.lg_code,
    staffId: row.staff_id,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step,
    roles: row.roles,
    departments: row.departments,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    disabledAt: row.disabled_at,
  };
}

export async function recordFailedLogin(
  trx: Transaction<DB>,
  lgCode: string,
  staffId: string,
  update: { failedAttempts: number; lockedUntil: Date | null },
): Promise<void> {
  await trx
    .updateTable('staff_account')
    .set({ failed_attempts: update.failedAttempts, locked_until: update.lockedUntil })
    .where('lg_code', '=', lgCode)
    .where('staff_id', '=', staffId)
    .execute();
}

/** Resets the failure count and spends the TOTP step, so the same code is never accepted twice. */
export async function recordSuccessfulLogin(
  trx: Transaction<DB>,
  lgCode: string,
  staffId: string,
  totpStep: number,
): Promise<void> {
  await trx
    .updateTable('staff_account')
    .set({ failed_attempts: 0, locked_until: null, totp_last_step: totpStep })
    .where('lg_code', '=', lgCode)
    .where('staff_id', '=', staffId)
    .execute();
}
