import type { AuditLogTable, DB } from '@madoguchi/db';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditRecord } from './audit.types';

export interface ChainHead {
  readonly seq: number;
  readonly hash: Buffer;
}

export interface StoredAuditRecord extends AuditRecord {
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

const INSERT_CHUNK = 1_000;

export async function insertAuditRecords(trx: Transaction<DB>, records: readonly StoredAuditRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += INSERT_CHUNK) {
    const chunk = records.slice(i, i + INSERT_CHUNK);
    await trx.insertInto('audit_log').values(chunk.map(toRow)).execute();
    const subjects = chunk.flatMap((r) =>
      r.subjectPersonIds.map((personId) => ({ lg_code: r.lgCode, person_id: personId, seq: r.seq })),
    );
    if (subjects.length > 0) {
      await trx
        .insertInto('audit_log_subject')
        .values(subjects)
        .onConflict((conflict) => conflict.columns(['lg_code', 'person_id', 'seq']).doNothing())
        .execute();
    }
  }
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
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

function toRow(record: StoredAuditRecord) {
  return {
    lg_code: record.lgCode,
    seq: record.seq,
    occurred_at: record.occurredAt,
    actor_kind: record.actorKind,
    actor_id: record.actorId,
    on_behalf_of: record.onBehalfOf,
    terminal_id: record.terminalId,
    zone: record.zone,
    department: record.department,
    purpose: record.purpose,
    action: record.action,
    data_category: record.dataCategory,
    subject_person_ids: [...record.subjectPersonIds],
    result: record.result,
    details: JSON.stringify(record.details),
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

function fromRow(row: Selectable<AuditLogTable>): StoredAuditRecord {
  return {
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
    details: row.details,
    prevHash: Buffer.from(row.prev_hash),
    hash: Buffer.from(row.hash),
  };
}
