import type { KeyObject } from 'node:crypto';
import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import { findAuditRecords, findChainHead } from './audit.repository';
import { type Checkpoint, checkpointSignatureValid, findCheckpoints } from './audit-checkpoint';
import { canonicalRecord, chainHash, genesisHash } from './audit-hash';
import { findAuditPublicKeys, keyIdOf } from './audit-keys';

export type AuditProblem =
  | 'row-missing'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'head-mismatch'
  | 'checkpoint-mismatch'
  | 'checkpoint-signature-invalid'
  | 'checkpoint-key-unknown';

export interface AuditVerification {
  readonly lgCode: string;
  readonly ok: boolean;
  readonly rows: number;
  readonly lastSeq: number;
  readonly checkpoints: number;
  /** Where the chain first goes wrong: the position and what is wrong there. */
  readonly firstBad?: { readonly seq: number; readonly problem: AuditProblem; readonly message: string };
  /** Checkpoints were checked against keys read from the database itself (weaker). */
  readonly keysFromDatabase: boolean;
}

export interface VerifyOptions {
  /** Trusted public keys; without them the keys recorded in the database are used. */
  readonly publicKeys?: readonly KeyObject[];
  readonly batchSize?: number;
  readonly onProgress?: (seq: number, lastSeq: number) => void;
}

/**
 * Recomputes a municipality's chain from the first row, and checks the head and every signed
 * checkpoint. Detects a row changed (hash), removed (a gap in seq, or a prev_hash that no longer
 * matches), or added outside appendAudit (its hash or prev_hash does not fit), and history
 * rewritten wholesale (a signed checkpoint no longer matches).
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  lgCode: string,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const head = await findChainHead(db, lgCode);
  const checkpoints = await findCheckpoints(db, lgCode);
  const keys = await trustedKeys(db, lgCode, options.publicKeys);
  const expectedAt = new Map(checkpoints.map((c) => [c.seq, c]));
  const result = (rows: number, lastSeq: number, firstBad?: AuditVerification['firstBad']): AuditVerification => ({
    lgCode,
    ok: firstBad === undefined,
    rows,
    lastSeq,
    checkpoints: checkpoints.length,
    keysFromDatabase: options.publicKeys === undefined,
    ...(firstBad ? { firstBad } : {}),
  });

  const signatureProblem = checkSignatures(checkpoints, keys);
  let running = genesisHash(lgCode);
  let expected = 1;
  let rows = 0;
  const batchSize = options.batchSize ?? 5_000;
  for (;;) {
    const batch = await findAuditRecords(db, lgCode, expected - 1, batchSize);
    for (const record of batch) {
      if (record.seq !== expected) {
        return result(
          rows,
          expected - 1,
          bad(expected, 'row-missing', `row ${expected} is missing (the next row found is ${record.seq})`),
        );
      }
      if (!record.prevHash.equals(running)) {
        return result(
          rows,
          expected - 1,
          bad(record.seq, 'prev-hash-mismatch', `row ${record.seq} does not follow row ${record.seq - 1}`),
        );
      }
      running = chainHash(running, canonicalRecord(record));
      if (!running.equals(record.hash)) {
        return result(
          rows,
          expected - 1,
          bad(record.seq, 'hash-mismatch', `row ${record.seq} was changed after it was written`),
        );
      }
      const checkpoint = expectedAt.get(record.seq);
      if (checkpoint && !checkpoint.hash.equals(running)) {
        return result(
          rows,
          record.seq,
          bad(
            record.seq,
            'checkpoint-mismatch',
            `the chain up to row ${record.seq} differs from the checkpoint signed at ${checkpoint.signedAt.toISOString()}`,
          ),
        );
      }
      rows += 1;
      expected += 1;
    }
    options.onProgress?.(expected - 1, head?.seq ?? expected - 1);
    if (batch.length < batchSize) break;
  }
  const lastSeq = expected - 1;
  const lastCheckpoint = checkpoints.at(-1);
  if (lastCheckpoint && lastCheckpoint.seq > lastSeq) {
    return result(
      rows,
      lastSeq,
      bad(
        lastSeq + 1,
        'row-missing',
        `rows from ${lastSeq + 1} are missing: a checkpoint covers row ${lastCheckpoint.seq}`,
      ),
    );
  }
  if (head && (head.seq !== lastSeq || !head.hash.equals(running))) {
    return result(
      rows,
      lastSeq,
      bad(
        Math.min(head.seq, lastSeq) + 1,
        'head-mismatch',
        `the chain ends at row ${lastSeq} but its head says ${head.seq}`,
      ),
    );
  }
  if (signatureProblem) return result(rows, lastSeq, signatureProblem);
  return result(rows, lastSeq);
}

function bad(seq: number, problem: AuditProblem, message: string) {
  return { seq, problem, message };
}

async function trustedKeys(
  db: Kysely<DB>,
  lgCode: string,
  given?: readonly KeyObject[],
): Promise<Map<string, KeyObject>> {
  if (!given) return findAuditPublicKeys(db, lgCode);
  return new Map(given.map((key) => [keyIdOf(key), key]));
}

function checkSignatures(
  checkpoints: readonly Checkpoint[],
  keys: Map<string, KeyObject>,
): AuditVerification['firstBad'] {
  for (const checkpoint of checkpoints) {
    const key = keys.get(checkpoint.keyId);
    if (!key)
      return bad(
        checkpoint.seq,
        'checkpoint-key-unknown',
        `the checkpoint at row ${checkpoint.seq} was signed by key ${checkpoint.keyId}, which is not trusted`,
      );
    if (!checkpointSignatureValid(checkpoint, key)) {
      return bad(
        checkpoint.seq,
        'checkpoint-signature-invalid',
        `the checkpoint at row ${checkpoint.seq} has an invalid signature`,
      );
    }
  }
  return undefined;
}
