import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import { findAuditRecords } from './audit.repository';
import { canonicalRecord, chainHash, genesisHash } from './audit-hash';
import { type BadPosition, bad } from './audit-problems';

const BATCH = 5_000;

/**
 * Recomputes the chain in this process, page by page, trusting nothing of the database but
 * the rows it returns (not its hash functions). The slower, independent check.
 */
export async function recomputeChain(
  db: Kysely<DB>,
  lgCode: string,
  onProgress?: (seq: number, lastSeq: number) => void,
): Promise<BadPosition | undefined> {
  let running = genesisHash(lgCode);
  let expected = 1;
  for (;;) {
    const batch = await findAuditRecords(db, lgCode, expected - 1, BATCH);
    for (const record of batch) {
      if (record.seq !== expected) {
        return bad(expected, 'row-missing', `row ${expected} is missing (the next row found is ${record.seq})`);
      }
      if (!record.prevHash.equals(running))
        return bad(record.seq, 'prev-hash-mismatch', `row ${record.seq} does not follow row ${record.seq - 1}`);
      running = chainHash(running, canonicalRecord(record));
      if (!running.equals(record.hash))
        return bad(record.seq, 'hash-mismatch', `row ${record.seq} was changed after it was written`);
      expected += 1;
    }
    onProgress?.(expected - 1, expected - 1);
    if (batch.length < BATCH) return undefined;
  }
}
