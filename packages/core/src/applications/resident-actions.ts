import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { recordOutboxEvent } from '../events/outbox';
import { appendEvent, updateApplication } from './application.repository';
import { OPEN_STATUSES } from './application.types';
import { loadForViewer, lockApplication, requireStatus, type Viewer } from './application-access';

const MESSAGE_MAX = 4000;

export function checkMessage(body: string, field = 'body'): string {
  const text = body.trim();
  if (!text)
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field, message: 'is required' }],
    });
  if ([...text].length > MESSAGE_MAX) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field, message: `must be at most ${MESSAGE_MAX} characters` }],
    });
  }
  return text;
}

/**
 * The resident writes to the department about a submitted application. An answer to a request for
 * more information puts the application back in review.
 */
export async function replyToApplication(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly applicationId: string; readonly body: string },
  viewer: Viewer & { readonly kind: 'resident' },
): Promise<{ readonly status: string }> {
  const body = checkMessage(input.body);
  const { procedure } = await loadForViewer(db, actor, input, viewer);
  return db.kysely.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, input.lgCode, input.applicationId);
    requireStatus(application, OPEN_STATUSES, 'send a message');
    const status = application.status === 'information-requested' ? 'in-review' : application.status;
    if (status !== application.status) await updateApplication(trx, input.lgCode, input.applicationId, { status });
    await appendEvent(trx, input.lgCode, input.applicationId, {
      kind: 'resident-replied',
      statusAfter: status,
      actorKind: actor.kind,
      actorId: actor.id,
      visibleToResident: true,
      body,
    });
    await recordOutboxEvent(trx, {
      lgCode: input.lgCode,
      type: 'jp.madoguchi.application.resident-replied',
      subject: input.applicationId,
      data: { applicationId: input.applicationId, procedureId: procedure.procedureId, status },
    });
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.reply',
        purpose: procedure.definition.prefillPurpose,
        result: 'allowed',
        subjectPersonIds: [application.applicantPersonId],
        details: { applicationId: input.applicationId },
      },
    ]);
    return { status };
  });
}

/** The resident takes back an application not yet decided (取下げ); a draft is simply closed. */
export async function withdrawApplication(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly applicationId: string },
  viewer: Viewer & { readonly kind: 'resident' },
): Promise<{ readonly status: 'withdrawn' }> {
  const { procedure } = await loadForViewer(db, actor, input, viewer);
  return db.kysely.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, input.lgCode, input.applicationId);
    requireStatus(application, ['draft', ...OPEN_STATUSES], 'withdraw');
    await updateApplication(trx, input.lgCode, input.applicationId, { status: 'withdrawn' });
    await appendEvent(trx, input.lgCode, input.applicationId, {
      kind: 'withdrawn',
      statusAfter: 'withdrawn',
      actorKind: actor.kind,
      actorId: actor.id,
      visibleToResident: true,
    });
    if (application.status !== 'draft') {
      await recordOutboxEvent(trx, {
        lgCode: input.lgCode,
        type: 'jp.madoguchi.application.withdrawn',
        subject: input.applicationId,
        data: { applicationId: input.applicationId, procedureId: procedure.procedureId, status: 'withdrawn' },
      });
    }
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.withdraw',
        purpose: procedure.definition.prefillPurpose,
        result: 'allowed',
        subjectPersonIds: [application.applicantPersonId],
        details: { applicationId: input.applicationId, from: application.status },
      },
    ]);
    return { status: 'withdrawn' as const };
  });
}
