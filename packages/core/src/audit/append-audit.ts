import type { DB } from '@madoguchi/db';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Actor } from '../actor';
import type { AuditEvent, AuditRecord } from './audit.types';

/**
 * Writes audit rows for `events` inside the caller's transaction: they commit or roll back with the
 * change they record. The parameter is a Transaction on purpose, so a call outside one does not
 * compile. The rows go to audit_log_pending in one statement, without a lock; `sealAuditLog` chains
 * them into the hash chain after commit (docs/adr/0014), and every reader of the log seals first.
 */
export async function appendAudit(
  trx: Transaction<DB>,
  actor: Actor,
  events: readonly AuditEvent[],
): Promise<Omit<AuditRecord, 'seq'>[]> {
  if (events.length === 0) return [];
  const records = events.map((event) => toRecord(actor, event));
  await sql`${pendingInsert(records, sql`'{}'::jsonb`)}`.execute(trx);
  return records;
}

/**
 * The same rows as appendAudit, as a common table expression named `name`, for a change made in
 * one statement: a data-modifying WITH is atomic, so the rows exist exactly when the change does
 * (the guarantee appendAudit gets from its transaction). `extraDetails` (an SQL jsonb expression)
 * is merged into each row's details, so they may name what the statement produced (a receipt number).
 */
export function auditRowsCte(
  name: string,
  actor: Actor,
  events: readonly AuditEvent[],
  extraDetails: RawBuilder<unknown> = sql`'{}'::jsonb`,
): RawBuilder<unknown> {
  return sql`${sql.raw(name)} as (${pendingInsert(
    events.map((event) => toRecord(actor, event)),
    extraDetails,
  )})`;
}

function pendingInsert(records: readonly Omit<AuditRecord, 'seq'>[], extraDetails: RawBuilder<unknown>) {
  const rows = JSON.stringify(
    records.map((r) => ({
      l: r.lgCode,
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
      u: r.subjectPersonIds,
      r: r.result,
      j: r.details,
    })),
  );
  // One JSON document that json_to_recordset turns back into rows: far cheaper than a parameter
  // per value, and than the driver's array encoding.
  return sql`
    insert into audit_log_pending (lg_code, occurred_at, actor_kind, actor_id, on_behalf_of, terminal_id, zone,
      department, purpose, action, data_category, subject_person_ids, result, details)
    select l, t, k, a, b, m, z, d, p, x, c, array(select json_array_elements_text(u)), r, j::jsonb || ${extraDetails}
      from json_to_recordset(${rows}::json) as x(l text, t timestamptz, k text, a text, b text, m text, z text,
        d text, p text, x text, c text, u json, r text, j json)`;
}

function toRecord(actor: Actor, event: AuditEvent): Omit<AuditRecord, 'seq'> {
  return {
    lgCode: event.lgCode,
    // Millisecond precision: what is hashed is what PostgreSQL stores and gives back.
    occurredAt: new Date((event.occurredAt ?? new Date()).getTime()),
    actorKind: actor.kind,
    actorId: actor.id,
    onBehalfOf: actor.onBehalfOf ?? null,
    terminalId: actor.terminalId ?? null,
    zone: actor.zone ?? null,
    department: actor.department ?? null,
    purpose: event.purpose,
    action: event.action,
    dataCategory: event.dataCategory ?? null,
    subjectPersonIds: [...new Set(event.subjectPersonIds ?? [])],
    result: event.result,
    details: event.details ?? {},
  };
}
