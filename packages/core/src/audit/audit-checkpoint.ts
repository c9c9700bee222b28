import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import { findChainHead } from './audit.repository';
import { registerAuditKey } from './audit-keys';

export interface Checkpoint {
  readonly lgCode: string;
  readonly seq: number;
  readonly hash: Buffer;
  readonly signedAt: Date;
  readonly keyId: string;
  readonly signature: Buffer;
}

/** What a checkpoint signs: "municipality X's chain had hash H at position N, at time T". */
export function checkpointStatement(checkpoint: Omit<Checkpoint, 'signature' | 'keyId'>): Buffer {
  return Buffer.from(
    JSON.stringify([
      'madoguchi-audit-checkpoint-v1',
      checkpoint.lgCode,
      checkpoint.seq,
      checkpoint.hash.toString('hex'),
      checkpoint.signedAt.toISOString(),
    ]),
  );
}

export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  return verify(null, checkpointStatement(checkpoint), publicKey, checkpoint.signature);
}

/**
 * Signs the current head of the chain. Run it periodically (`madoguchi audit checkpoint`):
 * rewriting history before a checkpoint needs the private key, which the database never sees.
 * Returns null when there is nothing new to sign.
 */
export async function createCheckpoint(
  db: Kysely<DB>,
  lgCode: string,
  privateKey: KeyObject,
): Promise<Checkpoint | null> {
  const head = await findChainHead(db, lgCode);
  if (!head || head.seq === 0) return null;
  const last = await db
    .selectFrom('audit_checkpoint')
    .select('seq')
    .where('lg_code', '=', lgCode)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && last.seq >= head.seq) return null;
  const keyId = await registerAuditKey(db, lgCode, createPublicKey(privateKey));
  const unsigned = { lgCode, seq: head.seq, hash: head.hash, signedAt: new Date() };
  const checkpoint = { ...unsigned, keyId, signature: sign(null, checkpointStatement(unsigned), privateKey) };
  await db
    .insertInto('audit_checkpoint')
    .values({
      lg_code: lgCode,
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      signed_at: checkpoint.signedAt,
      key_id: keyId,
      signature: checkpoint.signature,
    })
    .execute();
  return checkpoint;
}

export async function findCheckpoints(db: Kysely<DB>, lgCode: string): Promise<Checkpoint[]> {
  const rows = await db
    .selectFrom('audit_checkpoint')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    lgCode: row.lg_code,
    seq: row.seq,
    hash: Buffer.from(row.hash),
    signedAt: row.signed_at,
    keyId: row.key_id,
    signature: Buffer.from(row.signature),
  }));
}
