import type { Database } from '@madoguchi/db';
import { AppError } from '../../errors';
import { completeOidcLogin, PENDING_OIDC_LOGIN_TTL_MS, type PendingOidcLogin, startOidcLogin } from '../oidc';
import { type AssuranceLevel, createSession, type IssuedSession } from '../session';
import {
  deletePendingLoginsBefore,
  findBinding,
  insertPendingLogin,
  isActiveStaff,
  takePendingLogin,
} from './oidc-login.repository';
import type { FinishOidcLoginInput, OidcProvider, OidcProviderSetting, OidcTerminal } from './oidc-login.types';
import { auditOidcLogin, auditOidcRefusal, type OidcAttempt, publicOidcRefusal } from './oidc-login-audit';

function refused(reason: string, message: string): AppError {
  return new AppError('OIDC_LOGIN_FAILED', message, { reason });
}

/** Staff sessions carry the zone of their terminal: from a terminal in no zone there is no staff session. */
function assertTerminal(setting: OidcProviderSetting, terminal: OidcTerminal | null): void {
  if (setting.audience === 'staff' && !terminal) {
    throw new AppError('ACCESS_DENIED', 'this terminal is not in a configured network zone', { reason: 'no-zone' });
  }
}

/**
 * Step one: where to send the browser. The state, nonce and PKCE verifier stay in the database; the browser
 * carries only the state, inside the authorization URL. Logins abandoned for longer than 10 minutes are removed.
 */
export async function beginOidcLogin(
  db: Database,
  { setting, client }: OidcProvider,
  input: { terminal: OidcTerminal | null },
  now = new Date(),
): Promise<{ authorizationUrl: string }> {
  assertTerminal(setting, input.terminal);
  const { authorizationUrl, pending } = await startOidcLogin(client, { now });
  await deletePendingLoginsBefore(db.kysely, setting.lgCode, new Date(now.getTime() - PENDING_OIDC_LOGIN_TTL_MS));
  await insertPendingLogin(db.kysely, {
    lgCode: setting.lgCode,
    state: pending.state,
    provider: setting.id,
    pending,
    createdAt: now,
  });
  return { authorizationUrl };
}

/** The stored pending login, or null when the row is not one (written by another version, or tampered with). */
function parsePending(value: Record<string, unknown>): PendingOidcLogin | null {
  const { state, nonce, codeVerifier, requestedAcr, createdAt } = value;
  const strings = [state, nonce, codeVerifier, createdAt].every((v) => typeof v === 'string');
  if (!strings || !Array.isArray(requestedAcr)) return null;
  return value as unknown as PendingOidcLogin;
}

function assuranceOf(setting: OidcProviderSetting, acr: string | undefined): AssuranceLevel {
  // hasOwn: an acr such as "constructor" must not find something on the object's prototype.
  return acr !== undefined && Object.hasOwn(setting.acrLevels, acr) ? (setting.acrLevels[acr] ?? 1) : 1;
}

/**
 * Step two, the provider's redirect back: spends the pending login (single use, even when refused), lets the
 * library exchange the code and validate the ID token, maps (issuer, sub) to the bound resident or staff
 * member and starts a session. Every callback is audited; a refusal is audited before it is thrown, and
 * thrown with only the details a browser may see.
 */
export async function finishOidcLogin(
  db: Database,
  { setting, client }: OidcProvider,
  input: FinishOidcLoginInput,
  now = new Date(),
): Promise<IssuedSession> {
  const attempt: OidcAttempt = { setting, terminal: input.terminal, now };
  try {
    const state = input.callbackUrl.searchParams.get('state');
    // Taken outside any longer transaction: the delete commits at once, so the code exchange below holds no lock.
    const taken = state ? await takePendingLogin(db.kysely, setting.lgCode, state) : undefined;
    const pending = taken && taken.provider === setting.id ? parsePending(taken.pending) : null;
    if (!pending) {
      throw refused('unknown-state', 'this login was already completed or was never started here: start it again');
    }
    assertTerminal(setting, input.terminal);
    const result = await completeOidcLogin(client, {
      callbackUrl: input.callbackUrl,
      pending,
      ...(setting.minimumAcr !== undefined ? { minimumAcr: setting.minimumAcr } : {}),
      ...(setting.acrOrder ? { acrOrder: setting.acrOrder } : {}),
      now,
    });
    attempt.subject = result.subject;
    return await db.kysely.transaction().execute(async (trx) => {
      const binding = await findBinding(trx, setting.lgCode, result.issuer, result.subject);
      if (!binding) throw refused('unknown-account', 'this account is not registered with the municipality');
      attempt.subjectId = binding.subjectId;
      // A resident's account bound at a staff IdP (or the reverse) is refused, not silently given another session.
      if (binding.subjectKind !== setting.audience) {
        throw refused('wrong-audience', `this provider logs in ${setting.audience} accounts only`);
      }
      if (binding.subjectKind === 'staff' && !(await isActiveStaff(trx, setting.lgCode, binding.subjectId))) {
        throw refused('account-disabled', 'this staff account is disabled: ask an administrator');
      }
      const assuranceLevel = assuranceOf(setting, result.acr);
      const issued = await createSession(
        trx,
        {
          lgCode: setting.lgCode,
          subjectKind: binding.subjectKind,
          subjectId: binding.subjectId,
          method: 'oidc',
          assuranceLevel,
          ...(binding.subjectKind === 'staff' && input.terminal
            ? { zone: input.terminal.zone, idleTimeoutSeconds: input.terminal.idleTimeoutSeconds }
            : {}),
        },
        now,
      );
      await auditOidcLogin(trx, attempt, 'allowed', { assuranceLevel, ...(result.acr ? { acr: result.acr } : {}) });
      return issued;
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await auditOidcRefusal(db, attempt, error);
    throw publicOidcRefusal(error);
  }
}
