import { randomUUID } from 'node:crypto';
import type { DB } from '@madoguchi/db';
import { sql, type Transaction } from 'kysely';

/** Event types other systems can subscribe to (CloudEvents `type`). */
export const EVENT_TYPES = [
  'jp.madoguchi.application.submitted',
  'jp.madoguchi.application.assigned',
  'jp.madoguchi.application.information-requested',
  'jp.madoguchi.application.resident-replied',
  'jp.madoguchi.application.decided',
  'jp.madoguchi.application.withdrawn',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface OutboxEventInput {
  readonly lgCode: string;
  readonly type: EventType;
  /** What it is about, e.g. the application id. */
  readonly subject: string;
  /** Ids and states only: receivers fetch personal data through the API, under their own access. */
  readonly data: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * Records an event in the caller's transaction, with a pending delivery to each active subscriber
 * of its type: it exists exactly when the change it reports commits (transactional outbox).
 */
export async function recordOutboxEvent(trx: Transaction<DB>, event: OutboxEventInput): Promise<string> {
  const eventId = randomUUID();
  await trx
    .insertInto('outbox_event')
    .values({
      lg_code: event.lgCode,
      event_id: eventId,
      type: event.type,
      subject: event.subject,
      data: JSON.stringify(event.data),
    })
    .execute();
  await sql`
    insert into webhook_delivery (lg_code, subscription_id, event_id, status, next_attempt_at)
    select lg_code, subscription_id, ${eventId}, 'pending', now()
      from webhook_subscription
     where lg_code = ${event.lgCode} and active
       and (${event.type} = any(event_types) or '*' = any(event_types))`.execute(trx);
  return eventId;
}
