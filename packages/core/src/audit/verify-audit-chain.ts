import type { KeyObject } from 'node:crypto';
import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import { findChainHead } from './audit.repository';
import { type Checkpoint, checkpointSignatureValid, findCheckpoints } from './audit-checkpoint';
import { genesisHash } from './audit-hash';
import { findAuditPublicKeys, keyIdOf } from './audit-keys';
import { type BadPosition, bad } from './audit-problems';
import { type ChainScan, findHashesAt, scanChain } from './audit-scan.repository';
import { recomputeChain } from './recompute-audit-chain';
import { sealAuditLog } from './seal-audit-log';

export interface AuditVerification {
  readonly lgCode: string;
  readonly ok: boolean;
  readonly rows: number;
  readonly lastSeq: number;
  readonly checkpoints: number;
  /** Where the chain first goes wrong: the position and what is wrong there. */
  readonly firstBad?: BadPosition;
  /** Checkpoints were checked against keys read from the database itself (weaker). */
  readonly keysFromDatabase: boolean;
  /** database: the server hashed the rows in one scan; recompute: this process did, row by row. */
  readonly mode: 'database' | 'recompute';
}

export interface VerifyOptions {
  /** Trusted public keys; without them the keys recorded in the database are used. */
  readonly publicKeys?: readonly KeyObject[];
  /** Recompute every hash here instead of in the database (slower; trusts only the rows). */
  readonly recompute?: boolean;
  readonly onProgress?: (seq: number, lastSeq: number) => void;
}

/**
 * Checks a municipality's chain: every row's hash, its link to the row before, no gap in seq,
 * the head, and every signed checkpoint. Detects a row changed, removed, inserted or appended
 * outside appendAudit, the tail cut off with the head, and history rewritten wholesale with
 * recomputed hashes (a signed checkpoint no longer matches).
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  lgCode: string,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  // Rows committed but not yet chained are chained first: verification covers everything written.
  await sealAuditLog(db, lgCode);
  const checkpoints = await findCheckpoints(db, lgCode);
  const keys = options.publicKeys
    ? new Map(options.publicKeys.map((k) => [keyIdOf(k), k]))
    : await findAuditPublicKeys(db, lgCode);
  const scan = await scanChain(db, lgCode, genesisHash(lgCode));
  const { rows, lastSeq, lastHash } = scan;
  const report = (firstBad?: BadPosition): AuditVerification => ({
    lgCode,
    ok: firstBad === undefined,
    rows,
    lastSeq,
    checkpoints: checkpoints.length,
    keysFromDatabase: options.publicKeys === undefined,
    mode: options.recompute ? 'recompute' : 'database',
    ...(firstBad ? { firstBad } : {}),
  });

  const chainProblem = options.recompute ? await recomputeChain(db, lgCode, options.onProgress) : firstProblem(scan);
  if (chainProblem) return report(chainProblem);
  options.onProgress?.(lastSeq, lastSeq);

  const hashes = await findHashesAt(
    db,
    lgCode,
    checkpoints.map((c) => c.seq),
  );
  for (const checkpoint of checkpoints) {
    const hash = hashes.get(checkpoint.seq);
    if (!hash) {
      return report(
        bad(
          lastSeq + 1,
          'row-missing',
          `rows from ${lastSeq + 1} are missing: a checkpoint covers row ${checkpoint.seq}`,
        ),
      );
    }
    if (!hash.equals(checkpoint.hash)) {
      return report(
        bad(
          checkpoint.seq,
          'checkpoint-mismatch',
          `the chain up to row ${checkpoint.seq} differs from the checkpoint signed at ${checkpoint.signedAt.toISOString()}`,
        ),
      );
    }
  }
  const head = await findChainHead(db, lgCode);
  if (head && (head.seq !== lastSeq || (lastHash !== null && !head.hash.equals(lastHash)))) {
    return report(
      bad(
        Math.min(head.seq, lastSeq) + 1,
        'head-mismatch',
        `the chain ends at row ${lastSeq} but its head says ${head.seq}`,
      ),
    );
  }
  return report(checkSignatures(checkpoints, keys));
}

/** The lowest position at which the database found something wrong. */
function firstProblem(scan: ChainScan): BadPosition | undefined {
  const found: BadPosition[] = [];
  if (scan.firstGap) {
    const { seq, expected } = scan.firstGap;
    found.push(bad(expected, 'row-missing', `row ${expected} is missing (the next row found is ${seq})`));
  }
  if (scan.firstBadLink !== null) {
    found.push(
      bad(
        scan.firstBadLink,
        'prev-hash-mismatch',
        `row ${scan.firstBadLink} does not follow row ${scan.firstBadLink - 1}`,
      ),
    );
  }
  if (scan.firstBadHash !== null) {
    found.push(bad(scan.firstBadHash, 'hash-mismatch', `row ${scan.firstBadHash} was changed after it was written`));
  }
  return found.sort((a, b) => a.seq - b.seq)[0];
}

function checkSignatures(checkpoints: readonly Checkpoint[], keys: Map<string, KeyObject>): BadPosition | undefined {
  for (const checkpoint of checkpoints) {
    const key = keys.get(checkpoint.keyId);
    if (!key) {
      return bad(
        checkpoint.seq,
        'checkpoint-key-unknown',
        `the checkpoint at row ${checkpoint.seq} was signed by key ${checkpoint.keyId}, which is not trusted`,
      );
    }
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
