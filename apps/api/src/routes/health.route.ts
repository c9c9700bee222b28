import { checkReadiness, type Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorPayload, errorResponse } from '../http/error-body';

const Status = Type.Object({ status: Type.String() });

export async function healthRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: Status },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'Readiness: the database answers and its schema is up to date',
        response: { 200: Status, 503: errorResponse },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(db);
      if (readiness.ready) return { status: 'ready' };
      return reply
        .status(503)
        .send(errorPayload('NOT_READY', 'the service is not ready', { reason: readiness.reason ?? 'unknown' }));
    },
  );
}
