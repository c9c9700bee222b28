import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database, DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import { systemActor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { getTenant } from '../../tenants';
import { parseLgCode } from '../../tenants/lg-code';
import { assertChallengeUsable } from '../card';
import { insertChallenge, lockChallenge, recordChallengeAnswer } from '../challenge';
import { createSession, type IssuedSession } from '../session';
import { normalizeEmail } from './email-address';
import { findPersonByEmail, markEmailVerified } from './email-code.repository';
import { loginCodeMessage } from './email-code-message';
import type { Mailer } from './mailer';

export const EMAIL_CODE_LOGIN_ACTION = 'identity.email-code-login' as const;
export const EMAIL_CODE_TTL_MINUTES = 10;
/** Wrong answers one code allows: 5 guesses in a million. */
export const EMAIL_CODE_MAX_ATTEMPTS = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const hashCode = (code: string) => createHash('sha256').update(code).digest();

export interface StartedEmailCodeLogin {
  readonly challengeId: string;
  readonly expiresAt: Date;
  /** Settles when the e-mail is handed over; the HTTP answer does not wait, so its timing tells nothing. */
  readonly delivery: Promise<void>;
}

/**
 * Step one: a 6-digit code by e-mail. An address nobody registered gets a challenge too, for a code
 * nobody knows, so the answer and every later step look the same whether or not it is registered.
 */
export async function startEmailCodeLogin(
  db: Database,
  mailer: Mailer,
  input: { lgCode: string; email: string },
  now = new Date(),
): Promise<StartedEmailCodeLogin> {
  // An unknown municipality is told as such (the list is public), not left to fail on a foreign key.
  const { lgCode } = await getTenant(db, systemActor('email-code-login'), input.lgCode);
  const email = normalizeEmail(input.email);
  const personId = await findPersonByEmail(db.kysely, lgCode, email);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const challengeId = randomUUID();
  const expiresAt = new Date(now.getTime() + EMAIL_CODE_TTL_MINUTES * 60_000);
  await insertChallenge(db.kysely, {
    lgCode,
    challengeId,
    kind: 'email-code',
    challenge: hashCode(code).toString('hex'),
    subjectId: personId,
    expiresAt,
  });
  const delivery = personId ? mailer.send(loginCodeMessage(email, code, EMAIL_CODE_TTL_MINUTES)) : Promise.resolve();
  return { challengeId, expiresAt, delivery };
}

/**
 * Step two: the code. A wrong one counts against the challenge and the fifth spends it; a right one
 * spends it and starts a level-1 resident session. Every answer leaves an audit row, and a refusal
 * commits its row (and the count) before the error reaches the caller.
 */
export async function completeEmailCodeLogin(
  db: Database,
  input: { lgCode: string; challengeId: string; code: string },
  now = new Date(),
): Promise<IssuedSession> {
  const lgCode = parseLgCode(input.lgCode);
  if (!UUID.test(input.challengeId))
    throw new AppError('VALIDATION_FAILED', 'challengeId is not a challenge id', { field: 'challengeId' });
  if (!/^\d{6}$/.test(input.code)) throw new AppError('VALIDATION_FAILED', 'code must be 6 digits', { field: 'code' });
  const outcome = await db.kysely.transaction().execute(async (trx) => {
    let subject: string | null = null;
    try {
      const stored = await lockChallenge(trx, lgCode, input.challengeId, 'email-code');
      if (!stored) throw new AppError('CHALLENGE_EXPIRED', 'no such challenge: ask for a new code', {});
      subject = stored.subject_id;
      assertChallengeUsable({ expiresAt: stored.expires_at, usedAt: stored.used_at }, now);
      // Constant-time comparison of the hashes; a challenge for an unregistered address never matches.
      const right = timingSafeEqual(hashCode(input.code), Buffer.from(stored.challenge, 'hex')) && subject !== null;
      if (!right || subject === null) {
        const attempts = stored.attempts + 1;
        const spent = attempts >= EMAIL_CODE_MAX_ATTEMPTS;
        await recordChallengeAnswer(trx, lgCode, input.challengeId, { attempts, usedAt: spent ? now : null });
        throw new AppError('LOGIN_FAILED', 'the code is wrong', {
          attemptsLeft: EMAIL_CODE_MAX_ATTEMPTS - attempts,
        });
      }
      await recordChallengeAnswer(trx, lgCode, input.challengeId, { attempts: stored.attempts, usedAt: now });
      await markEmailVerified(trx, lgCode, subject, now);
      const issued = await createSession(
        trx,
        { lgCode, subjectKind: 'resident', subjectId: subject, method: 'email-code' },
        now,
      );
      await audit(trx, subject, 'allowed', {});
      return { issued };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await audit(trx, subject, 'denied', { code: error.code });
      return { refused: error };
    }
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.issued;

  async function audit(trx: Transaction<DB>, personId: string | null, result: 'allowed' | 'denied', details: object) {
    // Whoever answers wrongly is not proven to be anyone; the resident the code was for is the subject.
    const actor = {
      kind: 'resident' as const,
      id: result === 'allowed' && personId ? personId : 'unknown',
      purpose: 'authentication',
    };
    await appendAudit(trx, actor, [
      {
        lgCode,
        action: EMAIL_CODE_LOGIN_ACTION,
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
