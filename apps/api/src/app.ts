import { randomUUID } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerErrorHandler } from './plugins/error-handler';
import { BODY_LIMIT_BYTES, registerJsonBodyParser } from './plugins/json-body';
import { type LoggingOptions, loggerOptions } from './plugins/logging';
import { registerOpenApi } from './plugins/openapi';
import { registerRoutePolicy } from './plugins/route-policy';
import { registerSecurityHeaders } from './plugins/security-headers';
import { AJV_OPTIONS } from './plugins/validation';
import { registerWebApp } from './plugins/web-app';
import { healthRoutes } from './routes/health.route';
import { tenantRoutes } from './routes/tenants.route';

export interface AppDeps {
  readonly db: Database;
  /** The built web app to serve at `/` (apps/web/dist); none when omitted. */
  readonly webRoot?: string;
  /** false for silence (tests), or a level and stream. */
  readonly logger?: LoggingOptions | false;
  readonly version?: string;
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
  registerRoutePolicy(app);
  await registerSecurityHeaders(app);
  await registerOpenApi(app, deps.version ?? '0.1.0');
  await app.register(healthRoutes, { db: deps.db });
  await app.register(tenantRoutes, { db: deps.db });
  await registerWebApp(app, deps.webRoot);
  await app.ready();
  return app;
}
