import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { type AuditAction, appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { supportedPersons } from './support-measure';

export type Requester = 'self' | 'household-member' | 'third-party' | 'official';
export type Channel = 'counter' | 'online' | 'cli' | 'api';

/**
 * The one gate every channel passes before a record leaves for someone else: if any person shown
 * is under a support measure and the requester is not that person, the request is refused with
 * SUPPORT_MEASURE_BLOCKED and an alert row is written to the audit log — in its own committed
 * transaction, so the refusal cannot roll the alert back. The message says nothing about who.
 */
export async function guardSupportMeasures(
  db: Database,
  actor: Actor,
  request: {
    readonly lgCode: string;
    readonly personIds: readonly string[];
    readonly requester: Requester;
    /** For requester self: the person asking (the only one they may see despite a measure). */
    readonly requesterPersonId?: string;
    readonly channel: Channel;
    readonly action: AuditAction;
  },
): Promise<void> {
  const supported = await supportedPersons(db.kysely, request.lgCode, request.personIds);
  const blocked = [...supported.keys()].filter(
    (id) => !(request.requester === 'self' && request.requesterPersonId === id),
  );
  if (blocked.length === 0) return;
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, actor, [
      {
        lgCode: request.lgCode,
        action: request.action,
        purpose: actor.purpose ?? 'certificate-issuance',
        result: 'alert',
        dataCategory: 'support-measure',
        subjectPersonIds: blocked,
        details: { reason: 'support-measure', requester: request.requester, channel: request.channel },
      },
    ]),
  );
  throw new AppError(
    'SUPPORT_MEASURE_BLOCKED',
    'this request cannot be handled here: refer it to the support-measure desk (支援措置担当)',
    { requester: request.requester, channel: request.channel },
  );
}
