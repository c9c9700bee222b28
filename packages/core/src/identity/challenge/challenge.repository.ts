import type { DB } from '@madoguchi/db';
import type { Kysely, Transaction } from 'kysely';

/**
 * One-time login challenges, for every login method (card, passkey, e-mail code): one store, so
 * the single-use rule is the same everywhere. The rule itself is `assertChallengeUsable`.
 */
export type ChallengeKind = DB['auth_challenge']['kind'];

export async function insertChallenge(
  db: Kysely<DB>,
  row: {
    lgCode: string;
    challengeId: string;
    kind: ChallengeKind;
    challenge: string;
    subjectId?: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('auth_challenge')
    .values({
      lg_code: row.lgCode,
      challenge_id: row.challengeId,
      kind: row.kind,
      challenge: row.challenge,
      subject_id: row.subjectId ?? null,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Locks the challenge row: two answers to one challenge are handled one after the other. */
export async function lockChallenge(trx: Transaction<DB>, lgCode: string, challengeId: string, kind: ChallengeKind) {
  return trx
    .selectFrom('auth_challenge')
    .select(['challenge', 'subject_id', 'attempts', 'expires_at', 'used_at'])
    .where('lg_code', '=', lgCode)
    .where('challenge_id', '=', challengeId)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
}

/** Spends the challenge (only the first answer counts). */
export async function markChallengeUsed(
  trx: Transaction<DB>,
  lgCode: string,
  challengeId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('auth_challenge')
    .set({ used_at: now })
    .where('lg_code', '=', lgCode)
    .where('challenge_id', '=', challengeId)
    .where('used_at', 'is', null)
    .execute();
}

/** Records an answer to a challenge that allows a few tries: the count, and `usedAt` once spent. */
export async function recordChallengeAnswer(
  trx: Transaction<DB>,
  lgCode: string,
  challengeId: string,
  change: { attempts: number; usedAt: Date | null },
): Promise<void> {
  await trx
    .updateTable('auth_challenge')
    .set({ attempts: change.attempts, used_at: change.usedAt })
    .where('lg_code', '=', lgCode)
    .where('challenge_id', '=', challengeId)
    .execute();
}
