import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit.types';

/**
 * The canonical encoding v1 of an audit row: the bytes its hash covers after prev_hash. The
 * same definition lives in SQL (`audit_canonical()` in the audit migration) so the database can
 * verify a chain in one scan; a test checks the two agree. Changing it breaks every existing
 * chain: a new encoding needs a new version tag (docs/adr/0009-audit-log.md).
 *
 * Each value is `<UTF-8 byte length>:<text>` and NULL is `-`; the subject list and `details`
 * are taken as PostgreSQL prints them (text[] and jsonb), so both sides need no JSON or array
 * formatting rules of their own.
 */
export const ENCODING_VERSION = 'madoguchi-audit-v1';

function field(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value)}:${value}`;
}

export interface HashableRecord extends Omit<AuditRecord, 'details'> {
  /** `details::text` as PostgreSQL prints it. */
  readonly detailsText: string;
  /** `subject_person_ids::text` as PostgreSQL prints it, e.g. `{P1,P2}`. */
  readonly subjectsText: string;
}

export function canonicalRecord(record: HashableRecord): string {
  return [
    field(ENCODING_VERSION),
    field(record.lgCode),
    field(String(record.seq)),
    field(record.occurredAt.toISOString()),
    field(record.actorKind),
    field(record.actorId),
    field(record.onBehalfOf),
    field(record.terminalId),
    field(record.zone),
    field(record.department),
    field(record.purpose),
    field(record.action),
    field(record.dataCategory),
    field(record.subjectsText),
    field(record.result),
    field(record.detailsText),
  ].join('');
}

/** The value before the first row: ties a chain to its municipality. */
export function genesisHash(lgCode: string): Buffer {
  return createHash('sha256').update(`${ENCODING_VERSION}:genesis:${lgCode}`).digest();
}

export function chainHash(prevHash: Uint8Array, canonical: string): Buffer {
  return createHash('sha256').update(prevHash).update(canonical).digest();
}
