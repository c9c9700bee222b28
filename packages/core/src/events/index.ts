export { EVENT_TYPES, type EventType, type OutboxEventInput, recordOutboxEvent } from './outbox';
