import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { IndividualNumberCipher, Mailer, OidcProviderSetting, TrustStore, WebAuthnConfig } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ZoneEntry } from './http/network-zones';
import { registerErrorHandler } from './plugins/error-handler';
import { BODY_LIMIT_BYTES, registerJsonBodyParser } from './plugins/json-body';
import { type LoggingOptions, loggerOptions } from './plugins/logging';
import { registerOpenApi } from './plugins/openapi';
import { registerRoutePolicy } from './plugins/route-policy';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerCookies } from './plugins/session-cookie';
import { AJV_OPTIONS } from './plugins/validation';
import { registerWebApp } from './plugins/web-app';
import { applicationRoutes } from './routes/applications.route';
import { auditRoutes } from './routes/audit.route';
import { authRoutes } from './routes/auth.route';
import { caseRoutes } from './routes/cases.route';
import { counterRoutes } from './routes/counter.route';
import { emailCodeRoutes } from './routes/email-code.route';
import { healthRoutes } from './routes/health.route';
import { meRoutes } from './routes/me.route';
import { movementRoutes } from './routes/movements.route';
import { oidcRoutes } from './routes/oidc.route';
import { passkeyRoutes } from './routes/passkey.route';
import { procedureRoutes } from './routes/procedures.route';
import { registryRoutes } from './routes/registry.route';
import { registryTransferRoutes } from './routes/registry-transfer.route';
import { staffAuthRoutes } from './routes/staff-auth.route';
import { tenantRoutes } from './routes/tenants.route';
import { webhookRoutes } from './routes/webhooks.route';

export interface AppDeps {
  readonly db: Database;
  /** The built web app to serve at `/` (apps/web/dist); none when omitted. */
  readonly webRoot?: string;
  /** false for silence (tests), or a level and stream. */
  readonly logger?: LoggingOptions | false;
  readonly version?: string;
  /** Trust anchors and CRLs for My Number card login; without them card login answers 503. */
  readonly cardTrustStore?: TrustStore;
  /** Which address ranges are terminals of which network zone; staff log in only from one. */
  readonly zones?: readonly ZoneEntry[];
  /** OpenID providers residents or staff may log in at; each is discovered on its first login. */
  readonly oidcProviders?: readonly OidcProviderSetting[];
  /** The passkey relying party (domain, name, web app origin); without it passkey routes answer 503. */
  readonly webauthn?: WebAuthnConfig;
  /** Sends one-time login codes by e-mail; without it login by e-mail code answers 503. */
  readonly mailer?: Mailer;
  /** Decrypts individual numbers for certificates that show them; without it such requests answer 503. */
  readonly individualNumberCipher?: IndividualNumberCipher;
  /** Login attempts allowed per minute from one address (default 10). */
  readonly loginAttemptsPerMinute?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP app. It does not listen: `madoguchi serve` does, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.logger ?? {}),
    bodyLimit: BODY_LIMIT_BYTES,
    // A proxy's request id is kept when it is well-formed, so logs join up across hops.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: AJV_OPTIONS,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  await registerCookies(app);
  registerRoutePolicy(app, deps.db);
  // Only routes that ask for it are limited (logins); the limit answers with our error body.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`too many attempts; try again in ${context.after}`), {
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
      }),
  });
  await registerSecurityHeaders(app);
  await registerOpenApi(app, deps.version ?? '0.1.0');
  await app.register(healthRoutes, { db: deps.db });
  await app.register(tenantRoutes, { db: deps.db });
  const loginRate = { max: deps.loginAttemptsPerMinute ?? 10, timeWindow: '1 minute' };
  await app.register(authRoutes, {
    db: deps.db,
    loginRate,
    ...(deps.cardTrustStore ? { cardTrustStore: deps.cardTrustStore } : {}),
  });
  await app.register(staffAuthRoutes, { db: deps.db, zones: deps.zones ?? [], loginRate });
  await app.register(oidcRoutes, {
    db: deps.db,
    providers: deps.oidcProviders ?? [],
    zones: deps.zones ?? [],
    loginRate,
  });
  await app.register(passkeyRoutes, { db: deps.db, loginRate, webauthn: deps.webauthn });
  await app.register(emailCodeRoutes, { db: deps.db, loginRate, mailer: deps.mailer });
  await app.register(meRoutes, { db: deps.db });
  await app.register(auditRoutes, { db: deps.db });
  await app.register(registryRoutes, {
    db: deps.db,
    ...(deps.individualNumberCipher ? { cipher: deps.individualNumberCipher } : {}),
  });
  await app.register(movementRoutes, { db: deps.db });
  await app.register(registryTransferRoutes, { db: deps.db });
  await app.register(procedureRoutes, { db: deps.db });
  await app.register(applicationRoutes, { db: deps.db });
  await app.register(caseRoutes, { db: deps.db });
  await app.register(counterRoutes, { db: deps.db });
  await app.register(webhookRoutes, { db: deps.db });
  await registerWebApp(app, deps.webRoot);
  await app.ready();
  return app;
}
