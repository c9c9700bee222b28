import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../http/error-body';

export const OPENAPI_PATH = '/api/v1/openapi.json';

/** OpenAPI 3 generated from the route schemas; served as JSON and as a docs UI at /docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Madoguchi API',
        description:
          'Madoguchi (窓口): an open-source service platform for Japanese local governments. ' +
          'Every error is `{ "error": { "code", "message", "details" } }`. Personal data never travels in URLs.',
        version,
        license: { name: 'Apache-2.0' },
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness for operators and load balancers' },
        { name: 'tenants', description: 'Municipalities (地方公共団体) served by this deployment' },
        { name: 'auth', description: 'Login (My Number card and others), sessions, logout' },
        { name: 'me', description: "A logged-in resident's own data" },
        { name: 'audit', description: 'The tamper-evident audit log (security officer)' },
      ],
    },
    refResolver: { buildLocalReference: (json) => String(json.$id) },
  });
  app.get(OPENAPI_PATH, { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: false } });
}
