import { randomUUID } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { parseLgCode } from '../../tenants/lg-code';
import { findTenant } from '../../tenants/tenants.repository';
import {
  assertChallengeUsable,
  challengeExpiresAt,
  createChallenge,
  type TrustStore,
  verifyCardSignature,
} from '../card';
import { insertChallenge, lockChallenge, markChallengeUsed } from '../challenge';
import { createSession, type IssuedSession } from '../session';
import { findBoundPerson, insertBinding } from './card-login.repository';

export interface CardChallenge {
  readonly challengeId: string;
  readonly challenge: string;
  readonly expiresAt: Date;
}

export interface CompleteCardLoginInput {
  readonly lgCode: string;
  readonly challengeId: string;
  readonly certificatePem: string;
  /** base64url RSASSA-PKCS1-v1_5 SHA-256 signature over the challenge. */
  readonly signature: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Step one: a single-use challenge, valid for five minutes. */
export async function startCardLogin(
  db: Database,
  input: { lgCode: string },
  now = new Date(),
): Promise<CardChallenge> {
  const lgCode = parseLgCode(input.lgCode);
  if (!(await findTenant(db.kysely, lgCode))) {
    throw new AppError('TENANT_NOT_FOUND', `municipality ${lgCode} is not served here`, { lgCode });
  }
  const challenge = { challengeId: randomUUID(), challenge: createChallenge(), expiresAt: challengeExpiresAt(now) };
  await insertChallenge(db.kysely, { lgCode, kind: 'card-login', ...challenge });
  return challenge;
}

/**
 * Step two: the card's answer. The challenge is spent by the first answer, right or wrong.
 * Success starts a level-3 resident session; every attempt leaves an audit row, and a refusal
 * commits its row before the error reaches the caller.
 */
export async function completeCardLogin(
  db: Database,
  trustStore: TrustStore,
  input: CompleteCardLoginInput,
  now = new Date(),
): Promise<IssuedSession> {
  const lgCode = parseLgCode(input.lgCode);
  if (!UUID.test(input.challengeId)) {
    throw new AppError('VALIDATION_FAILED', 'challengeId is not a challenge id', { field: 'challengeId' });
  }
  const outcome = await db.kysely.transaction().execute(async (trx) => {
    let personId: string | null = null;
    let serialHex: string | null = null;
    try {
      const stored = await lockChallenge(trx, lgCode, input.challengeId, 'card-login');
      if (!stored) throw new AppError('CHALLENGE_EXPIRED', 'no such challenge: ask for a new one', {});
      assertChallengeUsable({ expiresAt: stored.expires_at, usedAt: stored.used_at }, now);
      await markChallengeUsed(trx, lgCode, input.challengeId, now);
      const card = await verifyCardSignature(
        trustStore,
        { certificatePem: input.certificatePem, challenge: stored.challenge, signature: input.signature },
        now,
      );
      serialHex = card.serialHex;
      personId = await findBoundPerson(trx, lgCode, card.issuer, card.serialHex);
      if (!personId) throw new AppError('CARD_UNKNOWN', 'this card is not registered with the municipality', {});
      const issued = await createSession(
        trx,
        { lgCode, subjectKind: 'resident', subjectId: personId, method: 'card' },
        now,
      );
      await audit(trx, personId, 'allowed', { serialHex });
      return { issued };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await audit(trx, personId, 'denied', { code: error.code, ...(serialHex ? { serialHex } : {}) });
      return { refused: error };
    }
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.issued;

  async function audit(
    trx: Parameters<typeof appendAudit>[0],
    personId: string | null,
    result: 'allowed' | 'denied',
    details: object,
  ) {
    const actor: Actor = { kind: 'resident', id: personId ?? 'unknown', purpose: 'authentication' };
    await appendAudit(trx, actor, [
      {
        lgCode,
        action: 'identity.card-login',
        purpose: 'authentication',
        result,
        subjectPersonIds: personId ? [personId] : [],
        dataCategory: 'login',
        details: details as Record<string, unknown>,
        occurredAt: now,
      },
    ]);
  }
}

/** Records which resident a card belongs to (the registry item for the certificate serial). */
export async function bindCard(
  db: Database,
  actor: Actor,
  input: { lgCode: string; issuer: string; serialHex: string; personId: string },
): Promise<void> {
  const lgCode = parseLgCode(input.lgCode);
  const serialHex = input.serialHex.toLowerCase();
  if (!/^[0-9a-f]{1,64}$/.test(serialHex))
    throw new AppError('VALIDATION_FAILED', 'serialHex must be hexadecimal', { field: 'serialHex' });
  await db.kysely.transaction().execute(async (trx) => {
    await insertBinding(trx, { lgCode, issuer: input.issuer, serialHex, personId: input.personId });
    await appendAudit(trx, actor, [
      {
        lgCode,
        action: 'identity.card.bind',
        purpose: 'card-registration',
        result: 'allowed',
        subjectPersonIds: [input.personId],
        dataCategory: 'card-certificate',
        details: { serialHex },
      },
    ]);
  });
}
