import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { getTenant, parseLgCode } from '../../tenants';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { findStaffAccountConflict, insertStaffAccount } from './staff.repository';
import type {
  AuthenticatedStaff,
  AuthenticateStaffInput,
  CreatedStaffAccount,
  CreateStaffAccountInput,
} from './staff.types';
import { TOTP_ISSUER } from './staff.types';
import { normalizeLoginName, parseAccountName, parseLabels } from './staff-input';
import { attemptLogin, loginActor } from './staff-login';
import { createTotpSecret, totpUri } from './totp';

/**
 * Creates a local staff account with a password and a new TOTP secret. Refuses bad ids,
 * weak passwords and a staff id or login name already used in the municipality
 * (VALIDATION_FAILED, `details.field` says which). The creation is audited.
 */
export async function createStaffAccount(
  db: Database,
  actor: Actor,
  input: CreateStaffAccountInput,
): Promise<CreatedStaffAccount> {
  const lgCode = parseLgCode(input.lgCode);
  const staffId = parseAccountName(input.staffId, 'staffId');
  const loginName = parseAccountName(normalizeLoginName(input.loginName), 'loginName');
  const roles = parseLabels(input.roles, 'roles');
  const departments = parseLabels(input.departments, 'departments');
  checkPasswordPolicy(input.password, { loginName });
  await getTenant(db, actor, lgCode);
  // Hashed before the transaction opens, so no lock is held for the ~0.1 s it takes.
  const passwordHash = await hashPassword(input.password);
  const totpSecret = createTotpSecret();
  await db.kysely.transaction().execute(async (trx) => {
    const account = { lgCode, staffId, loginName, passwordHash, totpSecret, roles, departments };
    if (!(await insertStaffAccount(trx, account))) {
      const field = (await findStaffAccountConflict(trx, lgCode, staffId, loginName)) ?? 'loginName';
      const what = field === 'staffId' ? `staff id ${staffId}` : `login name ${loginName}`;
      throw new AppError('VALIDATION_FAILED', `${what} is already used in municipality ${lgCode}: choose another`, {
        field,
      });
    }
    await appendAudit(trx, actor, [
      {
        lgCode,
        action: 'identity.staff.create',
        purpose: actor.purpose ?? 'account-administration',
        result: 'allowed',
        details: { staffId, roles, departments },
      },
    ]);
  });
  return { staffId, totpSecret, totpUri: totpUri(totpSecret, { issuer: TOTP_ISSUER, label: loginName }) };
}

/**
 * Checks a staff login (password and TOTP code). Refuses with LOGIN_FAILED, one message for
 * every wrong input, or ACCOUNT_LOCKED after repeated failures. Each attempt is audited in
 * the transaction that updates the failure count; a refusal commits both before it is
 * thrown, so a guesser cannot undo either by failing.
 */
export async function authenticateStaff(db: Database, input: AuthenticateStaffInput): Promise<AuthenticatedStaff> {
  const lgCode = parseLgCode(input.lgCode);
  // Audit rows need the municipality, so an unknown one is refused before any attempt.
  await getTenant(db, loginActor(null), lgCode);
  const attempt = {
    lgCode,
    loginName: normalizeLoginName(input.loginName),
    password: input.password,
    totpCode: input.totpCode,
    now: input.now ?? new Date(),
  };
  const outcome = await db.kysely.transaction().execute((trx) => attemptLogin(trx, attempt));
  if (outcome.kind === 'denied') throw outcome.error;
  return outcome.staff;
}
