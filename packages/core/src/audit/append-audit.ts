import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../actor';
import { insertAuditRecords, lockChainHeadAndPrint, type StoredAuditRecord } from './audit.repository';
import type { AuditEvent, AuditRecord } from './audit.types';
import { canonicalRecord, chainHash, genesisHash } from './audit-hash';

/**
 * Appends audit rows for `events` to their municipalities' chains, inside the caller's
 * transaction: the rows commit or roll back with the change they record. The parameter is a
 * Transaction on purpose, so a call outside one does not compile.
 */
export async function appendAudit(
  trx: Transaction<DB>,
  actor: Actor,
  events: readonly AuditEvent[],
): Promise<AuditRecord[]> {
  const byTenant = new Map<string, AuditEvent[]>();
  for (const event of events) byTenant.set(event.lgCode, [...(byTenant.get(event.lgCode) ?? []), event]);
  const appended: AuditRecord[] = [];
  // A fixed lock order, so two transactions touching two municipalities cannot deadlock.
  for (const lgCode of [...byTenant.keys()].sort()) {
    const tenantEvents = byTenant.get(lgCode) ?? [];
    // The hash covers details and subjects as PostgreSQL prints them, so the database can verify alone.
    const { head, printed } = await lockChainHeadAndPrint(
      trx,
      lgCode,
      genesisHash(lgCode),
      tenantEvents.map((event) => ({ details: JSON.stringify(event.details ?? {}), subjects: uniqueSubjects(event) })),
    );
    let { seq, hash } = head;
    const records: StoredAuditRecord[] = [];
    tenantEvents.forEach((event, i) => {
      seq += 1;
      const record = toRecord(actor, event, seq);
      const forms = printed[i] ?? { detailsText: '{}', subjectsText: '{}' };
      const hashable = { ...record, ...forms };
      const next = chainHash(hash, canonicalRecord(hashable));
      records.push({ ...hashable, prevHash: hash, hash: next });
      hash = next;
      appended.push(record);
    });
    await insertAuditRecords(trx, records, { lgCode, seq, hash });
  }
  return appended;
}

function toRecord(actor: Actor, event: AuditEvent, seq: number): AuditRecord {
  return {
    lgCode: event.lgCode,
    seq,
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
    subjectPersonIds: uniqueSubjects(event),
    result: event.result,
    details: event.details ?? {},
  };
}

function uniqueSubjects(event: AuditEvent): string[] {
  return [...new Set(event.subjectPersonIds ?? [])];
}
