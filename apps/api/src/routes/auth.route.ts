import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  completeCardLogin,
  endSession,
  type Session,
  startCardLogin,
  type TrustStore,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponse } from '../http/error-body';
import { clearSessionCookie, SESSION_COOKIE, sessionInfo, startBrowserSession } from '../plugins/session-cookie';
import {
  CardChallengeRequest,
  CardChallengeResponse,
  CardLoginRequest,
  type LoginRate,
  SessionInfo,
} from './auth.types';

export interface AuthRouteOptions {
  readonly db: Database;
  readonly loginRate: LoginRate;
  readonly cardTrustStore?: TrustStore;
}

export async function authRoutes(
  fastify: FastifyInstance,
  { db, cardTrustStore, loginRate }: AuthRouteOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const trustStore = () => {
    if (!cardTrustStore) throw new AppError('NOT_CONFIGURED', 'card login is not configured on this server', {});
    return cardTrustStore;
  };

  app.post(
    '/api/v1/auth/card/challenge',
    {
      config: { access: 'public', rateLimit: loginRate },
      schema: {
        operationId: 'startCardLogin',
        tags: ['auth'],
        summary: 'Step 1 of My Number card login: a single-use challenge for the card to sign',
        body: CardChallengeRequest,
        response: {
          200: CardChallengeResponse,
          400: errorResponse,
          404: errorResponse,
          429: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request) => {
      trustStore();
      const challenge = await startCardLogin(db, request.body);
      return { ...challenge, expiresAt: challenge.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/auth/card/login',
    {
      config: { access: 'public', rateLimit: loginRate },
      schema: {
        operationId: 'completeCardLogin',
        tags: ['auth'],
        summary: "Step 2: the card's signature; success starts a session at assurance level 3",
        body: CardLoginRequest,
        response: { 200: SessionInfo, 400: errorResponse, 401: errorResponse, 429: errorResponse, 503: errorResponse },
      },
    },
    async (request, reply) => {
      const { token, session } = await completeCardLogin(db, trustStore(), {
        lgCode: request.body.lgCode,
        challengeId: request.body.challengeId,
        certificatePem: request.body.certificate,
        signature: request.body.signature,
      });
      return startBrowserSession(db, request, reply, { token, session });
    },
  );

  app.get(
    '/api/v1/session',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getSession',
        tags: ['auth'],
        summary: 'The current login: who kind, assurance level, end',
        response: { 200: SessionInfo, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => sessionInfo((request.principal as { session: Session }).session),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await endSession(db, request.cookies[SESSION_COOKIE]);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
}
