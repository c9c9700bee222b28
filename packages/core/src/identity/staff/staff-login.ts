import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../../actor';
import { type AuditResult, appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { hashPassword, verifyPassword } from './password';
import {
  lockStaffAccountByLoginName,
  recordFailedLogin,
  recordSuccessfulLogin,
  type StaffAccountRecord,
} from './staff.repository';
import { type AuthenticatedStaff, LOCK_DURATION_MS, MAX_FAILED_ATTEMPTS } from './staff.types';
import { ACCOUNT_NAME_PATTERN } from './staff-input';
import { verifyTotp } from './totp';

export const STAFF_LOGIN_ACTION = 'identity.staff.login' as const;
const PURPOSE = 'authentication';
/** One message for a wrong name, password or code: a guesser learns nothing from it. */
export const LOGIN_FAILED_MESSAGE = 'the login name, password or one-time code is wrong';

export interface LoginAttempt {
  readonly lgCode: string;
  /** Already normalised; never written to the audit log (it may be a mistyped password). */
  readonly loginName: string;
  readonly password: string;
  readonly totpCode: string;
  readonly now: Date;
}

export type LoginOutcome =
  | { readonly kind: 'allowed'; readonly staff: AuthenticatedStaff }
  | { readonly kind: 'denied'; readonly error: AppError };

/** Why an attempt was refused, for investigators; the caller only ever sees LOGIN_FAILED or ACCOUNT_LOCKED. */
type DenialReason =
  | 'unknown-login'
  | 'disabled'
  | 'locked'
  | 'wrong-password'
  | 'no-second-factor'
  | 'wrong-totp'
  | 'totp-reused';

export function loginActor(staffId: string | null): Actor {
  return { kind: 'staff', id: staffId ?? 'unknown', purpose: PURPOSE };
}

let dummyHash: Promise<string> | undefined;

/**
 * Unknown login names still cost one password verification, with the same parameters as
 * real hashes, so response time does not tell which names exist.
 */
async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('madoguchi timing equaliser, matches nothing');
  await verifyPassword(await dummyHash, password);
}

function loginFailed(): AppError {
  return new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
}

function accountLocked(lockedUntil: Date): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    `this account is locked after ${MAX_FAILED_ATTEMPTS} failed logins until ${lockedUntil.toISOString()}: try again then or ask an administrator`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

async function audit(
  trx: Transaction<DB>,
  attempt: LoginAttempt,
  staffId: string | null,
  result: AuditResult,
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(trx, loginActor(staffId), [
    { lgCode: attempt.lgCode, action: STAFF_LOGIN_ACTION, purpose: PURPOSE, result, details, occurredAt: attempt.now },
  ]);
}

async function deny(
  trx: Transaction<DB>,
  attempt: LoginAttempt,
  staffId: string | null,
  details: { reason: DenialReason } & Record<string, unknown>,
  error: AppError = loginFailed(),
): Promise<LoginOutcome> {
  await audit(trx, attempt, staffId, 'denied', details);
  return { kind: 'denied', error };
}

/**
 * One login attempt inside a transaction. It returns a refusal instead of throwing it, so
 * the caller commits the audit row and the failure count first: a thrown error would roll
 * them back.
 */
export async function attemptLogin(trx: Transaction<DB>, attempt: LoginAttempt): Promise<LoginOutcome> {
  const account = ACCOUNT_NAME_PATTERN.test(attempt.loginName)
    ? await lockStaffAccountByLoginName(trx, attempt.lgCode, attempt.loginName)
    : null;
  if (!account) {
    await spendVerificationTime(attempt.password);
    return deny(trx, attempt, null, { reason: 'unknown-login' });
  }
  if (account.disabledAt) {
    await spendVerificationTime(attempt.password);
    return deny(trx, attempt, account.staffId, { reason: 'disabled' });
  }
  // During a lock even the right password is refused, without being checked or counted.
  if (account.lockedUntil && account.lockedUntil > attempt.now) {
    const lockedUntil = account.lockedUntil;
    return deny(
      trx,
      attempt,
      account.staffId,
      { reason: 'locked', lockedUntil: lockedUntil.toISOString() },
      accountLocked(lockedUntil),
    );
  }
  const checked = await checkFactors(account, attempt);
  if (typeof checked === 'string') return fail(trx, attempt, account, checked);
  // Recorded under the row lock: a second login racing on the same code waits, then sees it spent.
  await recordSuccessfulLogin(trx, account.lgCode, account.staffId, checked.step);
  await audit(trx, attempt, account.staffId, 'allowed', { method: 'password-totp' });
  return {
    kind: 'allowed',
    staff: { staffId: account.staffId, roles: account.roles, departments: account.departments },
  };
}

/** The accepted TOTP step, or why the password or code was refused. */
async function checkFactors(
  account: StaffAccountRecord,
  attempt: LoginAttempt,
): Promise<DenialReason | { step: number }> {
  if (!(await verifyPassword(account.passwordHash, attempt.password))) return 'wrong-password';
  // TOTP is the only second factor so far; an account without one cannot log in by password.
  if (!account.totpSecret) return 'no-second-factor';
  const step = verifyTotp(account.totpSecret, attempt.totpCode, attempt.now, {
    lastAcceptedStep: account.totpLastStep,
  });
  if (step !== null) return { step };
  return verifyTotp(account.totpSecret, attempt.totpCode, attempt.now) === null ? 'wrong-totp' : 'totp-reused';
}

/**
 * Counts a failure; the fifth in a row locks the account. The count is not reset by the
 * lock, so after it ends each further failure locks again until a login succeeds: a
 * guesser gets one try per lock period.
 */
async function fail(
  trx: Transaction<DB>,
  attempt: LoginAttempt,
  account: StaffAccountRecord,
  reason: DenialReason,
): Promise<LoginOutcome> {
  const failedAttempts = account.failedAttempts + 1;
  const lockedUntil = failedAttempts >= MAX_FAILED_ATTEMPTS ? new Date(attempt.now.getTime() + LOCK_DURATION_MS) : null;
  await recordFailedLogin(trx, account.lgCode, account.staffId, { failedAttempts, lockedUntil });
  const details = { reason, failedAttempts, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) };
  return deny(trx, attempt, account.staffId, details, lockedUntil ? accountLocked(lockedUntil) : loginFailed());
}
