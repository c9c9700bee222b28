import type { Database, DB } from '@madoguchi/db';
import { generateAuthenticationOptions } from '@simplewebauthn/server';
import type { Transaction } from 'kysely';
import { systemActor } from '../../actor';
import { AppError } from '../../errors';
import { getTenant } from '../../tenants';
import { parseLgCode } from '../../tenants/lg-code';
import { assertChallengeUsable } from '../card';
import { insertChallenge, lockChallenge, markChallengeUsed } from '../challenge';
import { createSession, type IssuedSession } from '../session';
import { lockCredential, recordCredentialUse } from './passkey.repository';
import {
  type AuthenticationResponseJSON,
  PASSKEY_LOGIN_ACTION,
  type PublicKeyCredentialRequestOptionsJSON,
  type WebAuthnConfig,
} from './passkey.types';
import { auditPasskey } from './passkey-audit';
import { isChallengeId, newPasskeyChallenge, PASSKEY_CHALLENGE_TTL_MS } from './passkey-challenge';
import { passkeyLoginFailed, verifyAssertion } from './passkey-verify';

export interface PasskeyLoginOptions extends PublicKeyCredentialRequestOptionsJSON {
  /** Sent back with the answer. */
  readonly challengeId: string;
}

export interface CompletePasskeyLoginInput {
  readonly lgCode: string;
  readonly challengeId: string;
  readonly response: AuthenticationResponseJSON;
}

/**
 * Step one of a passkey login. Nobody is named yet: allowCredentials stays empty so the
 * authenticator offers its discoverable credentials for this site, and the answer says whose it is.
 */
export async function startPasskeyLogin(
  db: Database,
  config: WebAuthnConfig,
  input: { lgCode: string },
  now = new Date(),
): Promise<PasskeyLoginOptions> {
  // An unknown municipality is told as such (the list is public), not left to fail on a foreign key.
  const { lgCode } = await getTenant(db, systemActor('passkey-login'), input.lgCode);
  const { challengeId, bytes } = newPasskeyChallenge();
  const options = await generateAuthenticationOptions({
    rpID: config.rpId,
    allowCredentials: [],
    challenge: bytes,
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    userVerification: 'required',
  });
  await insertChallenge(db.kysely, {
    lgCode,
    challengeId,
    kind: 'passkey-login',
    challenge: options.challenge,
    subjectId: null,
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
  });
  return { ...options, challengeId };
}

/**
 * Step two: the authenticator's signature. The challenge is spent by the first answer, right or
 * wrong. Success records the new signature counter and starts a level-2 resident session; every
 * attempt leaves an audit row, and a refusal commits its row before the error reaches the caller.
 */
export async function completePasskeyLogin(
  db: Database,
  config: WebAuthnConfig,
  input: CompletePasskeyLoginInput,
  now = new Date(),
): Promise<IssuedSession> {
  const lgCode = parseLgCode(input.lgCode);
  if (!isChallengeId(input.challengeId))
    throw new AppError('VALIDATION_FAILED', 'challengeId is not a challenge id', { field: 'challengeId' });
  const outcome = await db.kysely.transaction().execute(async (trx) => {
    let personId: string | null = null;
    let reason: string | undefined;
    try {
      const stored = await lockChallenge(trx, lgCode, input.challengeId, 'passkey-login');
      if (!stored) throw new AppError('CHALLENGE_EXPIRED', 'no such challenge: ask for a new one', {});
      assertChallengeUsable({ expiresAt: stored.expires_at, usedAt: stored.used_at }, now);
      await markChallengeUsed(trx, lgCode, input.challengeId, now);
      const credentialId = typeof input.response?.id === 'string' ? input.response.id : '';
      const credential = credentialId ? await lockCredential(trx, lgCode, credentialId) : undefined;
      reason = 'unknown-credential';
      if (!credential) throw passkeyLoginFailed();
      personId = credential.person_id;
      reason = 'verification-failed';
      const newCounter = await verifyAssertion(config, input.response, stored.challenge, {
        id: credential.credential_id,
        publicKey: new Uint8Array(credential.public_key),
        counter: Number(credential.sign_count),
        transports: credential.transports,
      });
      await recordCredentialUse(trx, lgCode, credential.credential_id, newCounter, now);
      const issued = await createSession(
        trx,
        { lgCode, subjectKind: 'resident', subjectId: personId, method: 'passkey' },
        now,
      );
      await audit(trx, personId, 'allowed', { credentialId: credential.credential_id });
      return { issued };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await audit(trx, personId, 'denied', { code: error.code, ...(error.code === 'LOGIN_FAILED' ? { reason } : {}) });
      return { refused: error };
    }
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.issued;

  function audit(
    trx: Transaction<DB>,
    personId: string | null,
    result: 'allowed' | 'denied',
    details: Record<string, unknown>,
  ) {
    // Until the signature checks out nobody is proven: the actor stays unknown.
    const actorId = result === 'allowed' && personId ? personId : 'unknown';
    const purpose = 'authentication';
    return auditPasskey(trx, {
      lgCode,
      action: PASSKEY_LOGIN_ACTION,
      purpose,
      result,
      actorId,
      personId,
      details,
      now,
    });
  }
}
