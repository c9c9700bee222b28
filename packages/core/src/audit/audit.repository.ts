import type { DB } from '@madoguchi/db';
import { type Kysely, sql } from 'kysely';
import type { HashableRecord } from './audit-hash';
import { sealAuditLog } from './seal-audit-log';

export interface ChainHead {
  readonly seq: number;
  readonly hash: Buffer;
}

export interface StoredAuditRecord extends HashableRecord {
  readonly prevHash: Buffer;
  readonly hash: Buffer;
}

export async function findChainHead(db: Kysely<DB>, lgCode: string): Promise<ChainHead | null> {
  await sealAuditLog(db, lgCode);
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
  await sealAuditLog(db, lgCode);
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
