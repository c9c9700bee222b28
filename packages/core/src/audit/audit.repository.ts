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
 * In one statement: takes the municipality's chain head with a row lock held to the end of the
 * transaction (creating it at the genesis value the first time), and asks PostgreSQL how it prints
 * each row's details (jsonb) and subject list (text[]) — the hash covers those texts, so that the
 * database can verify a chain without this code. Concurrent appends queue on the lock, so seq has
 * no gaps and each row's prev_hash is the hash committed before it. (One round trip, not three:
 * every read of personal data appends a row, so this is on the path of every search.)
 */
export async function lockChainHeadAndPrint(
  trx: Transaction<DB>,
  lgCode: string,
  genesis: Buffer,
  rows: ReadonlyArray<{ details: string; subjects: readonly string[] }>,
): Promise<{ head: ChainHead; printed: Array<{ detailsText: string; subjectsText: string }> }> {
  const result = await sql<{ seq: number; hash: Uint8Array; forms: Array<{ d: string; s: string }> }>`
    with head as (
      insert into audit_chain_head (lg_code, seq, hash) values (${lgCode}, 0, ${genesis})
      on conflict (lg_code) do update set lg_code = excluded.lg_code
      returning seq, hash
    ), forms as (
      select coalesce(json_agg(json_build_object(
               'd', (e->>'d')::jsonb::text,
               's', array(select json_array_elements_text(e->'s'))::text) order by o), '[]'::json) as forms
        from json_array_elements(${JSON.stringify(rows.map((r) => ({ d: r.details, s: r.subjects })))}::json)
          with ordinality as u(e, o)
    )
    select head.seq, head.hash, forms.forms from head, forms`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('the audit chain head could not be locked');
  return {
    head: { seq: Number(row.seq), hash: Buffer.from(row.hash) },
    printed: row.forms.map((f) => ({ detailsText: f.d, subjectsText: f.s })),
  };
}

/**
 * Inserts the rows and moves the chain head, in one statement. The rows travel as one JSON
 * document that `json_to_recordset` turns back into rows (far cheaper than a parameter per value,
 * and than the driver's array encoding).
 */
export async function insertAuditRecords(
  trx: Transaction<DB>,
  records: readonly StoredAuditRecord[],
  head: { lgCode: string } & ChainHead,
): Promise<void> {
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
    with inserted as (
      -- A data-modifying WITH runs to completion whether or not the main statement reads it.
      insert into audit_log (lg_code, seq, occurred_at, actor_kind, actor_id, on_behalf_of, terminal_id, zone, department,
        purpose, action, data_category, subject_person_ids, result, details, prev_hash, hash)
      select l, s, t, k, a, b, m, z, d, p, x, c, u::text[], r, j::jsonb, decode(h0, 'hex'), decode(h1, 'hex')
      from json_to_recordset(${rows}::json) as x(l text, s bigint, t timestamptz, k text, a text, b text, m text, z text,
        d text, p text, x text, c text, u text, r text, j text, h0 text, h1 text)
    )
    update audit_chain_head set seq = ${head.seq}, hash = ${head.hash} where lg_code = ${head.lgCode}`.execute(trx);
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
