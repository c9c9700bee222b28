import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import { type AuditAction, appendAudit } from '../../audit';

export interface PasskeyAuditEvent {
  readonly lgCode: string;
  readonly action: AuditAction;
  readonly purpose: string;
  readonly result: 'allowed' | 'denied';
  /** Who acted, once proven (a session's resident, or a verified signature); else 'unknown'. */
  readonly actorId: string;
  /** Whose passkey it was, when known: investigators find attempts on a resident's passkeys by it. */
  readonly personId: string | null;
  readonly details: Record<string, unknown>;
  readonly now: Date;
}

export async function auditPasskey(trx: Transaction<DB>, event: PasskeyAuditEvent): Promise<void> {
  await appendAudit(trx, { kind: 'resident', id: event.actorId, purpose: event.purpose }, [
    {
      lgCode: event.lgCode,
      action: event.action,
      purpose: event.purpose,
      result: event.result,
      subjectPersonIds: event.personId ? [event.personId] : [],
      dataCategory: 'login',
      details: event.details,
      occurredAt: event.now,
    },
  ]);
}
