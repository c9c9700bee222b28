import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorPayload } from '../http/error-body';

/**
 * Deny by default. Every route declares who may call it in `config.access`; a route
 * without a declaration stops the app from starting. Until staff and resident login
 * arrive, the only access there is is `public` (health, the list of municipalities);
 * any other value is refused at request time.
 */
export type RouteAccess = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export class RouteDeclarationError extends Error {}

/** Routes under these prefixes are API operations and must be fully declared. */
const API_PREFIXES = ['/api/', '/healthz', '/readyz'];

export function registerRoutePolicy(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url ?? '';
    if (!API_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    const access = (route.config as { access?: string } | undefined)?.access;
    const schema = route.schema as
      | { operationId?: string; tags?: string[]; response?: object; hide?: boolean }
      | undefined;
    // A route hidden from the OpenAPI document (the document itself) declares its access only.
    const documented = schema?.hide !== true;
    const missing = [
      access ? null : 'config.access',
      !documented || schema?.operationId ? null : 'schema.operationId',
      !documented || schema?.tags?.length ? null : 'schema.tags',
      !documented || schema?.response ? null : 'schema.response',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new RouteDeclarationError(`route ${String(route.method)} ${url} must declare ${missing.join(', ')}`);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url ?? '';
    if (!API_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    const access = request.routeOptions.config.access;
    if (access !== 'public') {
      return reply.status(403).send(errorPayload('ACCESS_DENIED', 'no policy allows this request', {}));
    }
  });
}
