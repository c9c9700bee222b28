import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  beginOidcLogin,
  finishOidcLogin,
  isAppError,
  type OidcProvider,
  type OidcProviderSetting,
  oidcProviders,
  publicOidcRefusal,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errorPayload, errorResponse } from '../http/error-body';
import { type ZoneEntry, zoneResolver } from '../http/network-zones';
import { startBrowserSession } from '../plugins/session-cookie';
import type { LoginRate } from './auth.types';

export interface OidcRouteOptions {
  readonly db: Database;
  readonly providers: readonly OidcProviderSetting[];
  readonly zones: readonly ZoneEntry[];
  readonly loginRate: LoginRate;
}

const ProviderParams = Type.Object(
  { provider: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'A configured provider, e.g. staff-idp' }) },
  { additionalProperties: false },
);

// Providers add their own parameters (iss, session_state, ...): unknown ones are allowed and ignored.
const CallbackQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 512 })),
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 2048 })),
    iss: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: true },
);

const Redirect = (to: string) => Type.Null({ description: `Redirect (Location) to ${to}` });
const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  429: errorResponse,
  503: errorResponse,
};

/** Login at an OpenID provider: the デジタル認証アプリ for residents, or a municipality's IdP for staff. */
export async function oidcRoutes(fastify: FastifyInstance, options: OidcRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const providers = oidcProviders(options.providers);
  const zoneOf = zoneResolver(options.zones);

  /** The provider, or null once a 404 has been sent. A failed discovery is logged in full, answered in brief. */
  async function providerFor(id: string, request: FastifyRequest, reply: FastifyReply) {
    if (!providers.has(id)) {
      await reply
        .status(404)
        .send(errorPayload('NOT_FOUND', `no OpenID provider ${id} is configured`, { field: 'provider' }));
      return null;
    }
    try {
      return (await providers.get(id)) as OidcProvider;
    } catch (error) {
      if (!isAppError(error)) throw error;
      request.log.warn({ provider: id, code: error.code, details: error.details }, 'OpenID provider unavailable');
      if (error.code === 'OIDC_LOGIN_FAILED') throw publicOidcRefusal(error);
      // A setting refused only now (its key): the operator's to fix, nothing the person at the browser can do.
      throw new AppError('NOT_CONFIGURED', `OpenID provider ${id} is not set up correctly on this server`, {});
    }
  }

  app.get(
    '/api/v1/auth/oidc/:provider/start',
    {
      config: { access: 'public', rateLimit: options.loginRate },
      schema: {
        operationId: 'startOidcLogin',
        tags: ['auth'],
        summary: 'Log in at an OpenID provider: redirects the browser there (staff: from a terminal in a zone)',
        params: ProviderParams,
        response: { 302: Redirect("the provider's authorization endpoint"), ...refusals },
      },
    },
    async (request, reply) => {
      const provider = await providerFor(request.params.provider, request, reply);
      if (!provider) return reply;
      const { authorizationUrl } = await beginOidcLogin(options.db, provider, { terminal: zoneOf(request.ip) });
      return reply.redirect(authorizationUrl, 302);
    },
  );

  app.get(
    '/api/v1/auth/oidc/:provider/callback',
    {
      config: { access: 'public', rateLimit: options.loginRate },
      schema: {
        operationId: 'completeOidcLogin',
        tags: ['auth'],
        summary: 'Where the provider sends the browser back; a bound account gets a session and goes to /',
        params: ProviderParams,
        querystring: CallbackQuery,
        response: { 302: Redirect('/ with a session cookie'), ...refusals },
      },
    },
    async (request, reply) => {
      const provider = await providerFor(request.params.provider, request, reply);
      if (!provider) return reply;
      // Only the query is read from this URL; the base is a placeholder, never contacted.
      const callbackUrl = new URL(request.url, 'http://callback.invalid');
      const { token, session } = await finishOidcLogin(options.db, provider, {
        callbackUrl,
        terminal: zoneOf(request.ip),
      });
      await startBrowserSession(options.db, request, reply, { token, session });
      return reply.redirect('/', 302);
    },
  );
}
