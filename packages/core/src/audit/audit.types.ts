import type { Actor } from '../actor';
import type { AuditAction } from './audit-actions';

export type AuditResult = 'allowed' | 'denied' | 'failed' | 'alert';

/** What a use case records about one access; the actor's fields are added by appendAudit. */
export interface AuditEvent {
  readonly lgCode: string;
  /** module.resource.verb, e.g. registry.person.read: one of AUDIT_ACTIONS. */
  readonly action: AuditAction;
  readonly purpose: string;
  readonly result: AuditResult;
  readonly subjectPersonIds?: readonly string[];
  /** The kind of data touched, shown to the resident in their access log. */
  readonly dataCategory?: string;
  /** Facts for investigators: ids and codes, never names or addresses. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly occurredAt?: Date;
}

/** One row of the chain as stored (and as hashed). */
export interface AuditRecord {
  readonly lgCode: string;
  readonly seq: number;
  readonly occurredAt: Date;
  readonly actorKind: Actor['kind'];
  readonly actorId: string;
  readonly onBehalfOf: string | null;
  readonly terminalId: string | null;
  readonly zone: string | null;
  readonly department: string | null;
  readonly purpose: string;
  readonly action: string;
  readonly dataCategory: string | null;
  readonly subjectPersonIds: readonly string[];
  readonly result: AuditResult;
  readonly details: Readonly<Record<string, unknown>>;
}
