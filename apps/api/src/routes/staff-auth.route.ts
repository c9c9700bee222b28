import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, authenticateStaff, createSession } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponse } from '../http/error-body';
import { type ZoneEntry, zoneResolver } from '../http/network-zones';
import { startBrowserSession } from '../plugins/session-cookie';
import { type LoginRate, SessionInfo } from './auth.types';

const StaffLoginRequest = Type.Object(
  {
    lgCode: Type.String({ pattern: '^[0-9]{6}$' }),
    loginName: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totpCode: Type.String({ pattern: '^[0-9]{6}$' }),
  },
  { additionalProperties: false },
);

export async function staffAuthRoutes(
  fastify: FastifyInstance,
  options: { db: Database; zones: readonly ZoneEntry[]; loginRate: LoginRate },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const zoneOf = zoneResolver(options.zones);

  app.post(
    '/api/v1/staff/login',
    {
      config: { access: 'public', rateLimit: options.loginRate },
      schema: {
        operationId: 'staffLogin',
        tags: ['auth'],
        summary: 'Staff login: password and a one-time code, from a terminal in a configured network zone',
        body: StaffLoginRequest,
        response: {
          200: SessionInfo,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          423: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      // The zone decides what the session may touch; a terminal in no zone gets no staff session.
      const terminal = zoneOf(request.ip);
      if (!terminal) throw new AppError('ACCESS_DENIED', 'this terminal is not in a configured network zone', {});
      const staff = await authenticateStaff(options.db, request.body);
      const { token, session } = await options.db.kysely.transaction().execute((trx) =>
        createSession(trx, {
          lgCode: request.body.lgCode,
          subjectKind: 'staff',
          subjectId: staff.staffId,
          method: 'password-totp',
          zone: terminal.zone,
          ...(terminal.idleTimeoutSeconds ? { idleTimeoutSeconds: terminal.idleTimeoutSeconds } : {}),
        }),
      );
      return startBrowserSession(options.db, request, reply, { token, session });
    },
  );
}
