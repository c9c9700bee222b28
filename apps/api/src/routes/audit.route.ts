import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { verifyAuditChain } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponse } from '../http/error-body';

const Verification = Type.Object({
  lgCode: Type.String(),
  ok: Type.Boolean(),
  rows: Type.Integer(),
  lastSeq: Type.Integer(),
  checkpoints: Type.Integer(),
  mode: Type.String(),
  keysFromDatabase: Type.Boolean(),
  firstBad: Type.Optional(Type.Object({ seq: Type.Integer(), problem: Type.String(), message: Type.String() })),
});

export async function auditRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/audit/verify',
    {
      // A check the security officer runs rarely: on a login proven in the last 30 minutes.
      config: {
        access: { staff: { permission: 'audit.verify', sensitivity: 'internal', recentAuthenticationSeconds: 1800 } },
      },
      schema: {
        operationId: 'verifyAuditChain',
        tags: ['audit'],
        summary: "Check the municipality's audit chain (for the security officer)",
        response: { 200: Verification, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      const lgCode = request.principal?.session.lgCode;
      if (!lgCode) throw new Error('route policy let a request through without a session');
      return verifyAuditChain(db.kysely, lgCode);
    },
  );
}
