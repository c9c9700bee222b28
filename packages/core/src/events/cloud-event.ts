/** A CloudEvents 1.0 event in structured mode: the whole event is the JSON body of the POST. */
export interface CloudEvent {
  readonly specversion: '1.0';
  /** The outbox event id: the same on every retry, so receivers can drop duplicates. */
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: Readonly<Record<string, unknown>>;
}

export interface StoredOutboxEvent {
  readonly lgCode: string;
  readonly eventId: string;
  readonly type: string;
  readonly subject: string;
  readonly occurredAt: Date;
  readonly data: Readonly<Record<string, unknown>>;
}

export const CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export function toCloudEvent(event: StoredOutboxEvent): CloudEvent {
  return {
    specversion: '1.0',
    id: event.eventId,
    // CloudEvents asks source + id to be unique; one source per municipality keeps tenants apart.
    source: `/madoguchi/${event.lgCode}`,
    type: event.type,
    subject: event.subject,
    time: event.occurredAt.toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  };
}
