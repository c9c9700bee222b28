import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listMyAccessLog } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponse } from '../http/error-body';

const AccessLog = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        department: Type.Union([Type.String(), Type.Null()]),
        purpose: Type.String(),
        dataCategory: Type.Union([Type.String(), Type.Null()]),
        action: Type.String(),
        result: Type.String(),
      }),
    ),
  },
  { additionalProperties: false },
);

export async function meRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/me/access-log',
    {
      // Who looked at my data is itself personal: a passkey or card login (level 2) at least.
      config: { access: { resident: 2 }, dataCategory: 'access-log' },
      schema: {
        operationId: 'listMyAccessLog',
        tags: ['me'],
        summary: "Who at the municipality accessed the resident's data, when and why",
        response: { 200: AccessLog, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      const session = request.principal?.session;
      if (!session) throw new Error('route policy let a request through without a session');
      const entries = await listMyAccessLog(db, { lgCode: session.lgCode, personId: session.subjectId });
      return { items: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
}
