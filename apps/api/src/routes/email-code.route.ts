import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  completeEmailCodeLogin,
  type Mailer,
  registerResidentEmail,
  type Session,
  startEmailCodeLogin,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponse } from '../http/error-body';
import { startBrowserSession } from '../plugins/session-cookie';
import { LgCode, type LoginRate, SessionInfo } from './auth.types';

export interface EmailCodeRouteOptions {
  readonly db: Database;
  readonly loginRate: LoginRate;
  /** Without it the code login routes answer 503 NOT_CONFIGURED (registering an address still works). */
  readonly mailer?: Mailer;
}

// Checked and lower-cased by the core, so the rule lives in one place.
const Email = Type.String({ minLength: 3, maxLength: 320, description: 'E-mail address' });
const Started = Type.Object(
  {
    challengeId: Type.String({ format: 'uuid' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
const VerifyRequest = Type.Object(
  {
    lgCode: LgCode,
    challengeId: Type.String({ maxLength: 64 }),
    code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6 digits from the e-mail' }),
  },
  { additionalProperties: false },
);

export async function emailCodeRoutes(fastify: FastifyInstance, options: EmailCodeRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, loginRate } = options;
  const mailer = () => {
    if (!options.mailer)
      throw new AppError('NOT_CONFIGURED', 'login by e-mail code is not configured on this server', {});
    return options.mailer;
  };

  app.post(
    '/api/v1/me/email',
    {
      // Only a login of level 2 or more may change where level-1 login codes go.
      config: { access: { resident: 2 }, dataCategory: 'contact' },
      schema: {
        operationId: 'registerMyEmail',
        tags: ['me'],
        summary: 'Register (or replace) the address that receives one-time login codes',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 204: Type.Null(), 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      const session = (request.principal as { session: Session } | null)?.session;
      if (!session) throw new Error('route policy let a request through without a session');
      await registerResidentEmail(db, { lgCode: session.lgCode, personId: session.subjectId }, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/email-code/start',
    {
      config: { access: 'public', rateLimit: loginRate },
      schema: {
        operationId: 'startEmailCodeLogin',
        tags: ['auth'],
        summary: 'Step 1 of login by e-mail code: sends a 6-digit code if the address is registered',
        description:
          'Answers the same whether or not the address is registered, so it cannot be used to find accounts.',
        body: Type.Object({ lgCode: LgCode, email: Email }, { additionalProperties: false }),
        response: { 202: Started, 400: errorResponse, 404: errorResponse, 429: errorResponse, 503: errorResponse },
      },
    },
    async (request, reply) => {
      const { challengeId, expiresAt, delivery } = await startEmailCodeLogin(db, mailer(), request.body);
      // Not awaited: the answer must take as long for an unknown address as for a known one. The log
      // line names the challenge and the transport's error code, never the address.
      delivery.catch((error: unknown) => {
        const reason = (error as { code?: unknown } | null)?.code;
        request.log.error(
          { challengeId, reason: typeof reason === 'string' ? reason : 'unknown' },
          'login code not sent',
        );
      });
      return reply.status(202).send({ challengeId, expiresAt: expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/auth/email-code/verify',
    {
      config: { access: 'public', rateLimit: loginRate },
      schema: {
        operationId: 'completeEmailCodeLogin',
        tags: ['auth'],
        summary: 'Step 2: the code from the e-mail; success starts a session at assurance level 1',
        body: VerifyRequest,
        response: { 200: SessionInfo, 400: errorResponse, 401: errorResponse, 429: errorResponse, 503: errorResponse },
      },
    },
    async (request, reply) => {
      mailer();
      const { token, session } = await completeEmailCodeLogin(db, request.body);
      return startBrowserSession(db, request, reply, { token, session });
    },
  );
}
