import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  createWebhookSubscription,
  deactivateWebhookSubscription,
  findFailedDeliveries,
  listWebhookSubscriptions,
  retryDelivery,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionLgCode, staffActor } from '../http/actors';
import { errorResponse } from '../http/error-body';
import {
  CreatedSubscription,
  CreateSubscriptionBody,
  DeliveryParams,
  Done,
  FailedDeliveryList,
  SubscriptionList,
  SubscriptionParams,
} from './webhooks.types';

const manage = { staff: { permission: 'webhook.manage', sensitivity: 'internal' } } as const;
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse };

/** Other systems that receive the municipality's events, and the deliveries that failed (IT staff). */
export async function webhookRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: FastifyRequest) => staffActor(request, 'system-integration');

  app.post(
    '/api/v1/admin/webhooks',
    {
      config: { access: manage },
      schema: {
        operationId: 'createWebhookSubscription',
        tags: ['webhooks'],
        summary: 'Add a receiver of events (CloudEvents, signed with HMAC-SHA256; the secret is shown once)',
        body: CreateSubscriptionBody,
        response: { 201: CreatedSubscription, ...refusals },
      },
    },
    async (request, reply) => {
      const created = await createWebhookSubscription(db, actor(request), {
        lgCode: sessionLgCode(request),
        ...request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/admin/webhooks',
    {
      config: { access: manage },
      schema: {
        operationId: 'listWebhookSubscriptions',
        tags: ['webhooks'],
        summary: 'The receivers of events (never their secrets)',
        response: { 200: SubscriptionList, ...refusals },
      },
    },
    async (request) => ({ items: await listWebhookSubscriptions(db, actor(request), sessionLgCode(request)) }),
  );

  app.post(
    '/api/v1/admin/webhooks/:subscriptionId/deactivate',
    {
      config: { access: manage },
      schema: {
        operationId: 'deactivateWebhookSubscription',
        tags: ['webhooks'],
        summary: 'Stop delivering to a receiver',
        params: SubscriptionParams,
        response: { 200: Done, ...refusals },
      },
    },
    async (request) => {
      await deactivateWebhookSubscription(db, actor(request), {
        lgCode: sessionLgCode(request),
        subscriptionId: request.params.subscriptionId,
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/admin/webhooks/deliveries/failed',
    {
      config: { access: manage },
      schema: {
        operationId: 'findFailedWebhookDeliveries',
        tags: ['webhooks'],
        summary: 'Deliveries that failed for good (attempts exhausted or refused), newest first',
        response: { 200: FailedDeliveryList, ...refusals },
      },
    },
    async (request) => ({ items: await findFailedDeliveries(db, actor(request), { lgCode: sessionLgCode(request) }) }),
  );

  app.post(
    '/api/v1/admin/webhooks/:subscriptionId/deliveries/:eventId/retry',
    {
      config: { access: manage },
      schema: {
        operationId: 'retryWebhookDelivery',
        tags: ['webhooks'],
        summary: 'Try a failed delivery again from now (same event id: receivers deduplicate on it)',
        params: DeliveryParams,
        response: { 200: Done, ...refusals },
      },
    },
    async (request) => {
      await retryDelivery(db, actor(request), { lgCode: sessionLgCode(request), ...request.params });
      return { ok: true };
    },
  );
}
