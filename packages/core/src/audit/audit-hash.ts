import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit.types';

/**
 * The canonical encoding of an audit row, version 1: a JSON array with the fields in a fixed
 * order, `details` with its keys sorted at every depth. Changing it breaks every existing
 * chain, so a new encoding needs a new version tag (docs/adr/0009-audit-log.md).
 */
export const ENCODING_VERSION = 'madoguchi-audit-v1';

export function canonicalRecord(record: AuditRecord): string {
  return JSON.stringify([
    ENCODING_VERSION,
    record.lgCode,
    record.seq,
    record.occurredAt.toISOString(),
    record.actorKind,
    record.actorId,
    record.onBehalfOf,
    record.terminalId,
    record.zone,
    record.department,
    record.purpose,
    record.action,
    record.dataCategory,
    [...record.subjectPersonIds],
    record.result,
    sortKeys(record.details),
  ]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The value before the first row: ties a chain to its municipality. */
export function genesisHash(lgCode: string): Buffer {
  return createHash('sha256').update(`${ENCODING_VERSION}:genesis:${lgCode}`).digest();
}

export function chainHash(prevHash: Uint8Array, canonical: string): Buffer {
  return createHash('sha256').update(prevHash).update(canonical).digest();
}
