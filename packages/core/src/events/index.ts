export { type CloudEvent, type StoredOutboxEvent, toCloudEvent } from './cloud-event';
export { EVENT_TYPES, type EventType, type OutboxEventInput, outboxEventCtes, recordOutboxEvent } from './outbox';
export { type DeliveryRef, type FailedDelivery, findFailedDeliveries, retryDelivery } from './webhook-deliveries';
export {
  type DispatchCounts,
  type DispatchOptions,
  dispatchDueDeliveries,
  startWebhookDispatcher,
  type WebhookDispatcherLog,
  type WebhookDispatcherOptions,
} from './webhook-dispatcher';
export { signWebhook, verifyWebhook, type WebhookHeaders } from './webhook-signature';
export {
  type CreatedWebhookSubscription,
  type CreateWebhookSubscriptionInput,
  createWebhookSubscription,
  deactivateWebhookSubscription,
  listWebhookSubscriptions,
  type WebhookSubscriptionSummary,
} from './webhook-subscriptions';
