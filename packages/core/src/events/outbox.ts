import { randomUUID } from 'node:crypto';
import type { DB } from '@madoguchi/db';
import { type RawBuilder, sql, type Transaction } from 'kysely';

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
  // One statement: every submission and decision writes an event.
  await sql`
    with event as (
      insert into outbox_event (lg_code, event_id, type, subject, data)
      values (${event.lgCode}, ${eventId}, ${event.type}, ${event.subject}, ${JSON.stringify(event.data)}::jsonb)
      returning lg_code, event_id, type
    )
    insert into webhook_delivery (lg_code, subscription_id, event_id, status, next_attempt_at)
    select s.lg_code, s.subscription_id, event.event_id, 'pending', now()
      from webhook_subscription s, event
     where s.lg_code = event.lg_code and s.active
       and (event.type = any(s.event_types) or '*' = any(s.event_types))`.execute(trx);
  return eventId;
}

/**
 * The same writes as recordOutboxEvent, as two common table expressions named `name` and
 * `name_deliveries`, for a change made in one statement (a data-modifying WITH is atomic: the event
 * exists exactly when the statement's other writes do). `data` is an SQL expression, so it may read
 * what earlier expressions of the statement produced (a receipt number).
 */
export function outboxEventCtes(
  name: string,
  event: Omit<OutboxEventInput, 'data'> & { readonly data: RawBuilder<unknown> },
): RawBuilder<unknown> {
  const cte = sql.raw(name);
  const deliveries = sql.raw(`${name}_deliveries`);
  return sql`${cte} as (
      insert into outbox_event (lg_code, event_id, type, subject, data)
      values (${event.lgCode}, ${randomUUID()}, ${event.type}, ${event.subject}, ${event.data})
      returning lg_code, event_id, type
    ), ${deliveries} as (
      insert into webhook_delivery (lg_code, subscription_id, event_id, status, next_attempt_at)
      select s.lg_code, s.subscription_id, e.event_id, 'pending', now()
        from webhook_subscription s, ${cte} e
       where s.lg_code = e.lg_code and s.active and (e.type = any(s.event_types) or '*' = any(s.event_types))
    )`;
}
