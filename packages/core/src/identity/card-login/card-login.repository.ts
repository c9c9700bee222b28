import type { DB } from '@madoguchi/db';
import type { Kysely, Transaction } from 'kysely';

export async function insertChallenge(
  db: Kysely<DB>,
  row: { lgCode: string; challengeId: string; challenge: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_challenge')
    .values({
      lg_code: row.lgCode,
      challenge_id: row.challengeId,
      kind: 'card-login',
      challenge: row.challenge,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Locks the challenge row, so two answers to one challenge cannot both pass. */
export async function lockChallenge(trx: Transaction<DB>, lgCode: string, challengeId: string) {
  return trx
    .selectFrom('auth_challenge')
    .select(['challenge', 'expires_at', 'used_at'])
    .where('lg_code', '=', lgCode)
    .where('challenge_id', '=', challengeId)
    .where('kind', '=', 'card-login')
    .forUpdate()
    .executeTakeFirst();
}

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

export async function findBoundPerson(
  db: Kysely<DB>,
  lgCode: string,
  issuer: string,
  serialHex: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('card_binding')
    .select('person_id')
    .where('lg_code', '=', lgCode)
    .where('issuer', '=', issuer)
    .where('serial_hex', '=', serialHex)
    .where('unbound_at', 'is', null)
    .executeTakeFirst();
  return row?.person_id ?? null;
}

export async function insertBinding(
  db: Kysely<DB>,
  row: { lgCode: string; issuer: string; serialHex: string; personId: string },
): Promise<void> {
  await db
    .insertInto('card_binding')
    .values({ lg_code: row.lgCode, issuer: row.issuer, serial_hex: row.serialHex, person_id: row.personId })
    .execute();
}
