import type { DB } from '@madoguchi/db';
import { type Kysely, sql } from 'kysely';

export interface ChainScan {
  readonly rows: number;
  readonly lastSeq: number;
  readonly lastHash: Buffer | null;
  /** The first row whose hash is not SHA-256(prev_hash || canonical encoding). */
  readonly firstBadHash: number | null;
  /** The first row whose seq does not follow the one before (the position expected), if any. */
  readonly firstGap: { readonly seq: number; readonly expected: number } | null;
  /** The first row whose prev_hash is not the previous row's hash. */
  readonly firstBadLink: number | null;
}

/**
 * The database checks every row: its hash, in one scan that PostgreSQL may run in parallel;
 * then, in a second scan without hashing, each row's seq and prev_hash against the row before.
 */
export async function scanChain(db: Kysely<DB>, lgCode: string, genesis: Buffer): Promise<ChainScan> {
  const totals = await sql<{ rows: number; last_seq: number | null; bad_hash: number | null }>`
    select count(*)::int as rows, max(seq) as last_seq,
      min(seq) filter (where hash <> pg_catalog.sha256(prev_hash || audit_canonical(a))) as bad_hash
    from audit_log a where lg_code = ${lgCode}`.execute(db);
  const links = await sql<{ seq: number; seq_ok: boolean; link_ok: boolean; expected: number }>`
    select seq, seq_ok, link_ok, expected from (
      select seq,
        seq = coalesce(lag(seq) over w, 0) + 1 as seq_ok,
        coalesce(lag(seq) over w, 0) + 1 as expected,
        prev_hash = coalesce(lag(hash) over w, ${genesis}::bytea) as link_ok
      from audit_log where lg_code = ${lgCode}
      window w as (order by seq)
    ) checked
    where not (seq_ok and link_ok)
    order by seq limit 2`.execute(db);
  const lastSeq = totals.rows[0]?.last_seq ?? 0;
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('lg_code', '=', lgCode)
    .where('seq', '=', lastSeq)
    .executeTakeFirst();
  const gap = links.rows.find((row) => !row.seq_ok);
  const badLink = links.rows.find((row) => row.seq_ok && !row.link_ok);
  return {
    rows: totals.rows[0]?.rows ?? 0,
    lastSeq,
    lastHash: last ? Buffer.from(last.hash) : null,
    firstBadHash: totals.rows[0]?.bad_hash ?? null,
    firstGap: gap ? { seq: gap.seq, expected: gap.expected } : null,
    firstBadLink: badLink?.seq ?? null,
  };
}

export async function findHashesAt(
  db: Kysely<DB>,
  lgCode: string,
  seqs: readonly number[],
): Promise<Map<number, Buffer>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('lg_code', '=', lgCode)
    .where('seq', 'in', [...seqs])
    .execute();
  return new Map(rows.map((row) => [row.seq, Buffer.from(row.hash)]));
}
