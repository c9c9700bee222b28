import { Type } from 'typebox';

const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const Strings = Type.Unsafe<readonly string[]>(Type.Array(Type.String()));

export const CreateSubscriptionBody = Type.Object(
  {
    url: Type.String({ maxLength: 2048, description: 'https (http only to a loopback address, with a warning)' }),
    eventTypes: Type.Array(Type.String({ maxLength: 100 }), {
      minItems: 1,
      maxItems: 20,
      description: 'jp.madoguchi.application.* types, or * for all',
    }),
    description: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const CreatedSubscription = Type.Object({
  subscriptionId: Type.String(),
  secret: Type.String({ description: 'The HMAC signing key (whsec_…): shown this once only' }),
  warning: Type.Optional(Type.String()),
});

export const Subscription = Type.Object({
  subscriptionId: Type.String(),
  url: Type.String({ description: 'Without the query string' }),
  eventTypes: Strings,
  active: Type.Boolean(),
  description: Type.String(),
  createdAt: DateTime,
  createdBy: Type.String(),
});
export const SubscriptionList = Type.Object({ items: Type.Array(Subscription) });
export const SubscriptionParams = Type.Object({ subscriptionId: Type.String({ format: 'uuid' }) });

export const FailedDelivery = Type.Object({
  subscriptionId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  subject: Type.String(),
  url: Type.String(),
  subscriptionActive: Type.Boolean(),
  attempts: Type.Integer(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastAttemptAt: Type.Union([DateTime, Type.Null()]),
  occurredAt: DateTime,
});
export const FailedDeliveryList = Type.Object({ items: Type.Array(FailedDelivery) });
export const DeliveryParams = Type.Object({
  subscriptionId: Type.String({ format: 'uuid' }),
  eventId: Type.String({ format: 'uuid' }),
});
export const Done = Type.Object({ ok: Type.Boolean() });
