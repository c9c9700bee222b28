import type { DB } from '@madoguchi/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { HashableRecord } from './audit-hash';

export interface ChainHead {
  readonly seq: number;
  readonly hash: Buffer;
}

export interface StoredAuditRecord extends HashableRecord {
  readonly prevHash: Buffer;
  readonly hash: Buffer;
}

/**
 * Takes the municipality's chain head with a row lock held to the end of the transaction,
 * creating it at the genesis value the first time. Concurrent appends queue here, so seq
 * has no gaps and each row's prev_hash is the hash committed before it.
 */
export async function lockChainHead(trx: Transaction<DB>, lgCode: string, genesis: Buffer): Promise<ChainHead> {
  await trx
    .insertInto('audit_chain_head')
    .values({ lg_code: lgCode, seq: 0, hash: genesis })
    .onConflict((conflict) => conflict.column('lg_code').doNothing())
    .execute();
  const head = await trx
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('lg_code', '=', lgCode)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { seq: head.seq, hash: Buffer.from(head.hash) };
}

/**
 * How PostgreSQL prints each row's details (as jsonb) and subject list (as text[]): the hash
 * covers those texts, so that the database can verify a chain without this code.
 */
export async function printedForms(
  trx: Transaction<DB>,
  rows: ReadonlyArray<{ details: string; subjects: readonly string[] }>,
): Promise<Array<{ detailsText: string; subjectsText: string }>> {
  const result = await sql<{ d: string; s: string }>`
    select (e->>'d')::jsonb::text as d, array(select json_array_elements_text(e->'s'))::text as s
    from json_array_elements(${JSON.stringify(rows.map((r) => ({ d: r.details, s: r.subjects })))}::json)
      with ordinality as u(e, o)
    order by o`.execute(trx);
  return result.rows.map((row) => ({ detailsText: row.d, subjectsText: row.s }));
}

/**
 * One statement per batch, whatever its size: the rows travel as one JSON document that
 * `json_to_recordset` turns back into rows (far cheaper than a parameter per value, and than
 * the driver's array encoding).
 */
export async function insertAuditRecords(trx: Transaction<DB>, records: readonly StoredAuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = JSON.stringify(
    records.map((r) => ({
      l: r.lgCode,
      s: r.seq,
      t: r.occurredAt.toISOString(),
      k: r.actorKind,
      a: r.actorId,
      b: r.onBehalfOf,
      m: r.terminalId,
      z: r.zone,
      d: r.department,
      p: r.purpose,
      x: r.action,
      c: r.dataCategory,
      u: r.subjectsText,
      r: r.result,
      j: r.detailsText,
      h0: r.prevHash.toString('hex'),
      h1: r.hash.toString('hex'),
    })),
  );
  await sql`
    insert into audit_log (lg_code, seq, occurred_at, actor_kind, actor_id, on_behalf_of, terminal_id, zone, department,
      purpose, action, data_category, subject_person_ids, result, details, prev_hash, hash)
    select l, s, t, k, a, b, m, z, d, p, x, c, u::text[], r, j::jsonb, decode(h0, 'hex'), decode(h1, 'hex')
    from json_to_recordset(${rows}::json) as x(l text, s bigint, t timestamptz, k text, a text, b text, m text, z text,
      d text, p text, x text, c text, u text, r text, j text, h0 text, h1 text)`.execute(trx);
}

export async function updateChainHead(trx: Transaction<DB>, lgCode: string, head: ChainHead): Promise<void> {
  await trx
    .updateTable('audit_chain_head')
    .set({ seq: head.seq, hash: head.hash })
    .where('lg_code', '=', lgCode)
    .execute();
}

export async function findChainHead(db: Kysely<DB>, lgCode: string): Promise<ChainHead | null> {
  const row = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('lg_code', '=', lgCode)
    .executeTakeFirst();
  return row ? { seq: row.seq, hash: Buffer.from(row.hash) } : null;
}

/** One page of the chain after `afterSeq`, in order (keyset pagination on the primary key). */
export async function findAuditRecords(
  db: Kysely<DB>,
  lgCode: string,
  afterSeq: number,
  limit: number,
): Promise<StoredAuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select([
      'lg_code',
      'seq',
      'occurred_at',
      'actor_kind',
      'actor_id',
      'on_behalf_of',
      'terminal_id',
      'zone',
      'department',
      'purpose',
      'action',
      'data_category',
      'subject_person_ids',
      'result',
      sql<string>`details::text`.as('details_text'),
      sql<string>`subject_person_ids::text`.as('subjects_text'),
      'prev_hash',
      'hash',
    ])
    .where('lg_code', '=', lgCode)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    lgCode: row.lg_code,
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    onBehalfOf: row.on_behalf_of,
    terminalId: row.terminal_id,
    zone: row.zone,
    department: row.department,
    purpose: row.purpose,
    action: row.action,
    dataCategory: row.data_category,
    subjectPersonIds: row.subject_person_ids,
    result: row.result,
    detailsText: row.details_text,
    subjectsText: row.subjects_text,
    prevHash: Buffer.from(row.prev_hash),
    hash: Buffer.from(row.hash),
  }));
}
