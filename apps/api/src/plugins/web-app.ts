import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorPayload } from '../http/error-body';

/**
 * Serves the built web app (apps/web/dist) on the same port as the API. Unknown paths
 * outside /api get index.html so the app's own routes work on reload; unknown API paths
 * get the JSON error body.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .send(errorPayload('NOT_FOUND', `no such route: ${request.method} ${request.url.split('?')[0]}`, {}));
  });
}
