import type { DB } from '@madoguchi/db';
import type { Kysely, Transaction } from 'kysely';

export async function listCredentialIds(db: Kysely<DB>, lgCode: string, personId: string) {
  return db
    .selectFrom('passkey_credential')
    .select(['credential_id', 'transports'])
    .where('lg_code', '=', lgCode)
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
}

/** Locked, so two logins with one credential update its counter one after the other. */
export async function lockCredential(trx: Transaction<DB>, lgCode: string, credentialId: string) {
  return trx
    .selectFrom('passkey_credential')
    .select(['credential_id', 'person_id', 'public_key', 'sign_count', 'transports'])
    .where('lg_code', '=', lgCode)
    .where('credential_id', '=', credentialId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertCredential(
  trx: Transaction<DB>,
  row: {
    lgCode: string;
    credentialId: string;
    personId: string;
    publicKey: Uint8Array;
    signCount: number;
    transports: string[];
    createdAt: Date;
  },
): Promise<void> {
  await trx
    .insertInto('passkey_credential')
    .values({
      lg_code: row.lgCode,
      credential_id: row.credentialId,
      person_id: row.personId,
      public_key: row.publicKey,
      sign_count: row.signCount,
      transports: row.transports,
      created_at: row.createdAt,
    })
    .execute();
}

export async function recordCredentialUse(
  trx: Transaction<DB>,
  lgCode: string,
  credentialId: string,
  signCount: number,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('passkey_credential')
    .set({ sign_count: signCount, last_used_at: now })
    .where('lg_code', '=', lgCode)
    .where('credential_id', '=', credentialId)
    .execute();
}
