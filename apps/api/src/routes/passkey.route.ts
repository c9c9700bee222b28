import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  type AuthenticationResponseJSON,
  completePasskeyLogin,
  completePasskeyRegistration,
  type RegistrationResponseJSON,
  type Session,
  startPasskeyLogin,
  startPasskeyRegistration,
  type WebAuthnConfig,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type TProperties, Type } from 'typebox';
import { errorResponse } from '../http/error-body';
import { startBrowserSession } from '../plugins/session-cookie';
import { LgCode, type LoginRate, SessionInfo } from './auth.types';

export interface PasskeyRouteOptions {
  readonly db: Database;
  readonly loginRate: LoginRate;
  /** The relying party; without it every passkey route answers 503 NOT_CONFIGURED. */
  readonly webauthn?: WebAuthnConfig;
}

const B64url = (maxLength: number, description?: string) =>
  Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength, ...(description ? { description } : {}) });
// The WebAuthn JSON shapes gain fields over time: inner objects are passed through as they are.
const Open = { additionalProperties: true } as const;
/** A PublicKeyCredential as JSON: the fields every answer has, and the authenticator's own `response`. */
const credentialJson = <R extends TProperties>(response: R, description: string) =>
  Type.Object(
    {
      id: B64url(1_400, 'The credential id'),
      rawId: B64url(1_400),
      type: Type.Literal('public-key'),
      response: Type.Object(response, Open),
      clientExtensionResults: Type.Object({}, Open),
      authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
    },
    { additionalProperties: false, description },
  );
const RegistrationResponse = credentialJson(
  {
    clientDataJSON: B64url(4_096),
    attestationObject: B64url(65_536),
    transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 8 })),
  },
  'RegistrationResponseJSON (from navigator.credentials.create)',
);
const AuthenticationResponse = credentialJson(
  {
    clientDataJSON: B64url(4_096),
    authenticatorData: B64url(4_096),
    signature: B64url(2_048),
    userHandle: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength: 128 })),
  },
  'AuthenticationResponseJSON (from navigator.credentials.get)',
);
const CreationOptions = Type.Object(
  {
    challenge: Type.String(),
    rp: Type.Object({ id: Type.String(), name: Type.String() }, Open),
    user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }, Open),
    pubKeyCredParams: Type.Array(Type.Object({ alg: Type.Integer(), type: Type.String() }, Open)),
  },
  { ...Open, description: 'PublicKeyCredentialCreationOptionsJSON, for navigator.credentials.create()' },
);
const RequestOptions = Type.Object(
  { challengeId: Type.String({ format: 'uuid' }), challenge: Type.String(), rpId: Type.String() },
  { ...Open, description: 'PublicKeyCredentialRequestOptionsJSON, plus the challengeId to send back' },
);
const Registered = Type.Object(
  { credentialId: Type.String(), createdAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);
const LoginRequest = Type.Object(
  { lgCode: LgCode, challengeId: Type.String({ maxLength: 64 }), response: AuthenticationResponse },
  { additionalProperties: false },
);

export async function passkeyRoutes(fastify: FastifyInstance, options: PasskeyRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, loginRate } = options;
  const rp = () => {
    if (!options.webauthn) throw new AppError('NOT_CONFIGURED', 'passkey login is not configured on this server', {});
    return options.webauthn;
  };
  const resident = (request: FastifyRequest) => {
    const session = (request.principal as { session: Session } | null)?.session;
    if (!session) throw new Error('route policy let a request through without a session');
    return { lgCode: session.lgCode, personId: session.subjectId };
  };

  app.post(
    '/api/v1/auth/passkey/registration/options',
    {
      config: { access: { resident: 2 }, dataCategory: 'login' },
      schema: {
        operationId: 'startPasskeyRegistration',
        tags: ['auth'],
        summary: 'Step 1 of adding a passkey (needs a login of level 2 or more): options for the authenticator',
        response: { 200: CreationOptions, 401: errorResponse, 403: errorResponse, 503: errorResponse },
      },
    },
    async (request) => startPasskeyRegistration(db, rp(), resident(request)),
  );

  app.post(
    '/api/v1/auth/passkey/registration/verify',
    {
      config: { access: { resident: 2 }, dataCategory: 'login' },
      schema: {
        operationId: 'completePasskeyRegistration',
        tags: ['auth'],
        summary: "Step 2: the authenticator's new credential; stored for later logins at level 2",
        body: RegistrationResponse,
        response: { 201: Registered, 400: errorResponse, 401: errorResponse, 403: errorResponse, 503: errorResponse },
      },
    },
    async (request, reply) => {
      // The schema bounds the sizes; the library checks the contents (transports are kept as given).
      const response = request.body as RegistrationResponseJSON;
      const registered = await completePasskeyRegistration(db, rp(), resident(request), response);
      return reply.status(201).send({ ...registered, createdAt: registered.createdAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/auth/passkey/login/options',
    {
      config: { access: 'public', rateLimit: loginRate },
      schema: {
        operationId: 'startPasskeyLogin',
        tags: ['auth'],
        summary: 'Step 1 of passkey login: a single-use challenge for any passkey of this site',
        body: Type.Object({ lgCode: LgCode }, { additionalProperties: false }),
        response: {
          200: RequestOptions,
          400: errorResponse,
          404: errorResponse,
          429: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request) => startPasskeyLogin(db, rp(), request.body),
  );

  app.post(
    '/api/v1/auth/passkey/login/verify',
    {
      config: { access: 'public', rateLimit: loginRate },
      schema: {
        operationId: 'completePasskeyLogin',
        tags: ['auth'],
        summary: "Step 2: the authenticator's signature; success starts a session at assurance level 2",
        body: LoginRequest,
        response: { 200: SessionInfo, 400: errorResponse, 401: errorResponse, 429: errorResponse, 503: errorResponse },
      },
    },
    async (request, reply) => {
      const { lgCode, challengeId } = request.body;
      const response = request.body.response as AuthenticationResponseJSON;
      const { token, session } = await completePasskeyLogin(db, rp(), { lgCode, challengeId, response });
      return startBrowserSession(db, request, reply, { token, session });
    },
  );
}
