import { randomBytes } from 'node:crypto';
import type { Database, DB } from '@madoguchi/db';
import { generateRegistrationOptions } from '@simplewebauthn/server';
import type { Transaction } from 'kysely';
import { AppError } from '../../errors';
import { parseLgCode } from '../../tenants/lg-code';
import { assertChallengeUsable } from '../card';
import { insertChallenge, lockChallenge, markChallengeUsed } from '../challenge';
import { insertCredential, listCredentialIds, lockCredential } from './passkey.repository';
import {
  PASSKEY_REGISTER_ACTION,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegisteredPasskey,
  type RegistrationResponseJSON,
  type ResidentRef,
  type WebAuthnConfig,
} from './passkey.types';
import { auditPasskey } from './passkey-audit';
import { challengeIdOf, newPasskeyChallenge, PASSKEY_CHALLENGE_TTL_MS } from './passkey-challenge';
import { verifyNewCredential } from './passkey-verify';

/**
 * Step one of adding a passkey, for a resident already logged in at level 2 or more. The user
 * handle is random and the names shown are the service's, so the authenticator stores nothing
 * about the person; credentials the resident already has are excluded, so one device is not
 * registered twice.
 */
export async function startPasskeyRegistration(
  db: Database,
  config: WebAuthnConfig,
  resident: ResidentRef,
  now = new Date(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const lgCode = parseLgCode(resident.lgCode);
  const existing = await listCredentialIds(db.kysely, lgCode, resident.personId);
  const { challengeId, bytes } = newPasskeyChallenge();
  const label = `${config.rpName} (${lgCode})`;
  const options = await generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userName: label,
    userDisplayName: label,
    userID: new Uint8Array(randomBytes(32)),
    challenge: bytes,
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credential_id, transports: c.transports })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  });
  await insertChallenge(db.kysely, {
    lgCode,
    challengeId,
    kind: 'passkey-registration',
    challenge: options.challenge,
    subjectId: resident.personId,
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
  });
  return options;
}

/**
 * Step two: the authenticator's new credential. The challenge must have been issued to the same
 * resident and is spent by the first answer; accepted or refused, the attempt is audited, and a
 * refusal commits its audit row before the error reaches the caller.
 */
export async function completePasskeyRegistration(
  db: Database,
  config: WebAuthnConfig,
  resident: ResidentRef,
  response: RegistrationResponseJSON,
  now = new Date(),
): Promise<RegisteredPasskey> {
  const lgCode = parseLgCode(resident.lgCode);
  const { personId } = resident;
  const challengeId = challengeIdOf(response?.response?.clientDataJSON);
  const outcome = await db.kysely.transaction().execute(async (trx) => {
    try {
      const stored = await lockChallenge(trx, lgCode, challengeId, 'passkey-registration');
      if (!stored || stored.subject_id !== personId)
        throw new AppError('CHALLENGE_EXPIRED', 'no such challenge: ask for a new one', {});
      assertChallengeUsable({ expiresAt: stored.expires_at, usedAt: stored.used_at }, now);
      await markChallengeUsed(trx, lgCode, challengeId, now);
      const credential = await verifyNewCredential(config, response, stored.challenge);
      if (await lockCredential(trx, lgCode, credential.id))
        throw new AppError('VALIDATION_FAILED', 'this passkey is already registered', { field: 'response.id' });
      await insertCredential(trx, {
        lgCode,
        credentialId: credential.id,
        personId,
        publicKey: credential.publicKey,
        signCount: credential.counter,
        transports: credential.transports ?? [],
        createdAt: now,
      });
      await audit(trx, 'allowed', { credentialId: credential.id });
      return { registered: { credentialId: credential.id, createdAt: now } };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await audit(trx, 'denied', { code: error.code });
      return { refused: error };
    }
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.registered;

  function audit(trx: Transaction<DB>, result: 'allowed' | 'denied', details: Record<string, unknown>) {
    const purpose = 'passkey-registration';
    const event = { lgCode, action: PASSKEY_REGISTER_ACTION, purpose, actorId: personId, personId, now };
    return auditPasskey(trx, { ...event, result, details });
  }
}
