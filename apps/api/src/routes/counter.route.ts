import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { previewCounterApplication, submitAtCounter } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { sessionLgCode, staffActor, staffPrincipal } from '../http/actors';
import { errorResponse } from '../http/error-body';
import { Submitted } from './applications.types';
import { CounterPreview, CounterPreviewBody, CounterSubmitBody } from './counter.types';

// Admits staff who may take procedures at a counter at all; the use case checks the procedure's
// own department and sensitivity.
const handle = { staff: { permission: 'procedure.counter.submit', sensitivity: 'personal' } } as const;
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse };

/**
 * The counter where nobody writes (書かないワンストップ窓口): staff fill in a procedure for the
 * resident at the counter from the register, and submit it on their behalf. The person id travels in
 * the body, never in the URL.
 */
export async function counterRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/counter/prefill',
    {
      config: { access: handle },
      schema: {
        operationId: 'previewCounterApplication',
        tags: ['counter'],
        summary: 'What the register fills in for the resident at the counter (an audited read)',
        body: CounterPreviewBody,
        response: { 200: CounterPreview, ...refusals },
      },
    },
    async (request) =>
      previewCounterApplication(db, staffActor(request, 'counter'), staffPrincipal(request), {
        lgCode: sessionLgCode(request),
        procedureId: request.body.procedureId,
        applicantPersonId: request.body.personId,
      }),
  );

  app.post(
    '/api/v1/counter/applications',
    {
      config: { access: handle },
      schema: {
        operationId: 'submitAtCounter',
        tags: ['counter'],
        summary:
          "Submit for the resident at the counter, with the identity document seen; it is the resident's application",
        body: CounterSubmitBody,
        response: { 201: Submitted, ...refusals },
      },
    },
    async (request, reply) => {
      const { personId, ...body } = request.body;
      const submitted = await submitAtCounter(db, staffActor(request, 'counter'), staffPrincipal(request), {
        lgCode: sessionLgCode(request),
        applicantPersonId: personId,
        ...body,
      });
      return reply.status(201).send(submitted);
    },
  );
}
