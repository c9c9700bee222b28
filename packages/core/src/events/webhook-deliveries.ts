import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { parseLgCode } from '../tenants';
import { notFound, parseWebhookId, urlForDisplay } from './webhook-subscriptions';

export interface FailedDelivery {
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly subject: string;
  /** Without the query string, which may carry a receiver's token. */
  readonly url: string;
  readonly subscriptionActive: boolean;
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly lastAttemptAt: Date | null;
  readonly occurredAt: Date;
}

export interface DeliveryRef {
  readonly lgCode: string;
  readonly subscriptionId: string;
  readonly eventId: string;
}

const MAX_LIMIT = 500;

/** Deliveries given up on, newest first, for an operator to look into and retry. */
export async function findFailedDeliveries(
  db: Database,
  _actor: Actor,
  input: { readonly lgCode: string; readonly limit?: number },
): Promise<FailedDelivery[]> {
  const lgCode = parseLgCode(input.lgCode);
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), MAX_LIMIT);
  const rows = await db.kysely
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook_subscription as s', (join) =>
      join.onRef('s.lg_code', '=', 'd.lg_code').onRef('s.subscription_id', '=', 'd.subscription_id'),
    )
    .innerJoin('outbox_event as e', (join) =>
      join.onRef('e.lg_code', '=', 'd.lg_code').onRef('e.event_id', '=', 'd.event_id'),
    )
    .select(['d.subscription_id', 'd.event_id', 'd.attempts', 'd.last_status', 'd.last_error', 'd.last_attempt_at'])
    .select(['e.type', 'e.subject', 'e.occurred_at', 's.url', 's.active'])
    .where('d.lg_code', '=', lgCode)
    .where('d.status', '=', 'failed')
    // A delivery dropped because its subscription was deactivated may never have been tried.
    .orderBy(sql`coalesce(d.last_attempt_at, e.occurred_at)`, 'desc')
    .orderBy('d.event_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.type,
    subject: row.subject,
    url: urlForDisplay(row.url),
    subscriptionActive: row.active,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    occurredAt: row.occurred_at,
  }));
}

/**
 * Puts a failed delivery back in the queue, due now, with a fresh set of attempts. The event is
 * posted with its original id, so a receiver that did get it after all can drop the duplicate.
 */
export async function retryDelivery(db: Database, actor: Actor, input: DeliveryRef): Promise<void> {
  const lgCode = parseLgCode(input.lgCode);
  const subscriptionId = parseWebhookId(input.subscriptionId, 'subscription');
  const eventId = parseWebhookId(input.eventId, 'event');
  await db.kysely.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom('webhook_delivery as d')
      .innerJoin('webhook_subscription as s', (join) =>
        join.onRef('s.lg_code', '=', 'd.lg_code').onRef('s.subscription_id', '=', 'd.subscription_id'),
      )
      .select(['d.attempts', 'd.last_status', 'd.last_error', 's.active'])
      .where('d.lg_code', '=', lgCode)
      .where('d.subscription_id', '=', subscriptionId)
      .where('d.event_id', '=', eventId)
      .where('d.status', '=', 'failed')
      .forUpdate('d')
      .executeTakeFirst();
    if (!delivery) throw notFound('delivery', `${subscriptionId}/${eventId}`);
    if (!delivery.active) {
      // Retrying would only fail again at once: the dispatcher drops deliveries of inactive subscribers.
      throw new AppError('VALIDATION_FAILED', 'the webhook subscription of this delivery is deactivated', {
        problems: [{ field: 'subscriptionId', message: 'the subscription is deactivated' }],
      });
    }
    await trx
      .updateTable('webhook_delivery')
      .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), delivered_at: null })
      .where('lg_code', '=', lgCode)
      .where('subscription_id', '=', subscriptionId)
      .where('event_id', '=', eventId)
      .execute();
    await appendAudit(trx, actor, [
      {
        lgCode,
        action: 'webhook.delivery.retry',
        purpose: 'system-integration',
        result: 'allowed',
        details: {
          subscriptionId,
          eventId,
          previousAttempts: delivery.attempts,
          lastStatus: delivery.last_status,
          lastError: delivery.last_error,
        },
      },
    ]);
  });
}
