import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type Provider from 'oidc-provider';
import type { Configuration, InteractionResults } from 'oidc-provider';
import { followLogin, type LoginChoice } from './test-browser';

/** A synthetic account: no real person, no real data. */
export const DEMO_SUBJECT = 'demo-user-1';
export const TEST_CLIENT_ID = 'madoguchi-test-rp';
export const TEST_ACR_VALUES = ['urn:madoguchi:acr:1', 'urn:madoguchi:acr:2', 'urn:madoguchi:acr:3'];

export interface TokenRequestSeen {
  readonly clientAuthMethod: string | undefined;
  readonly clientAssertionType: unknown;
}

export interface TestProvider {
  readonly issuer: string;
  /** One entry per successful token request, as the provider saw it. */
  readonly tokenRequests: TokenRequestSeen[];
  /** Drives the browser's part with fetch: authorization request, login form, redirect back to the RP. */
  login(authorizationUrl: string, choice?: LoginChoice): Promise<URL>;
  close(): Promise<void>;
}

// Known lines that say nothing about this test: oidc-provider 9 warns "Unsupported runtime" on import under Node 20
// (it targets 22+, yet runs), and warns that its in-memory adapter loses data on restart, which is what a test wants.
const EXPECTED_WARNINGS = ['Unsupported runtime', 'development-only in-memory adapter'];

async function withoutExpectedWarnings<T>(run: () => Promise<T> | T): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!EXPECTED_WARNINGS.some((known) => String(args[0]).includes(known))) warn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The login and consent pages a real OP would show, reduced to one form POST (see test-browser.ts): the synthetic
 * account is logged in and consents, or cancels; the form also says which acr the login reached.
 */
async function finishInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const details = await provider.interactionDetails(req, res);
  let result: InteractionResults;
  if (form.get('decision') === 'deny') {
    result = { error: 'access_denied', error_description: 'the user cancelled' };
  } else {
    const requested = String(details.params.acr_values ?? '').split(' ')[0];
    const grant = new provider.Grant({ accountId: DEMO_SUBJECT, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    result = {
      login: { accountId: DEMO_SUBJECT, acr: form.get('acr') || requested || TEST_ACR_VALUES[0], amr: ['pwd'] },
      consent: { grantId: await grant.save() },
    };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

/** Starts oidc-provider on 127.0.0.1 (random port) with one private_key_jwt client and one synthetic account. */
export async function startTestProvider(client: { jwks: JWK[]; redirectUri: string }): Promise<TestProvider> {
  // Imported lazily, so the warning filter wraps exactly the import.
  const Provider = await withoutExpectedWarnings(async () => (await import('oidc-provider')).default);
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const config: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        redirect_uris: [client.redirectUri],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: client.jwks },
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Only private_key_jwt is enabled, so a token request authenticated any other way is refused outright.
    clientAuthMethods: ['private_key_jwt'],
    pkce: { required: () => true },
    acrValues: TEST_ACR_VALUES,
    // oidc-provider puts amr and auth_time in the ID token only when asked; always, so the test sees them.
    claims: { openid: ['sub', 'amr', 'auth_time'], acr: null, sid: null },
    // Explicit lifetimes (seconds) instead of the defaults, which print a notice each.
    ttl: { AccessToken: 60, AuthorizationCode: 60, Grant: 600, IdToken: 60, Interaction: 600, Session: 600 },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-op-1', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test-only-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => (id === DEMO_SUBJECT ? { accountId: id, claims: () => ({ sub: id }) } : undefined),
  };
  const provider = await withoutExpectedWarnings(() => new Provider(issuer, config));

  const tokenRequests: TokenRequestSeen[] = [];
  provider.on('grant.success', (ctx) => {
    tokenRequests.push({
      clientAuthMethod: ctx.oidc.client?.clientAuthMethod,
      clientAssertionType: ctx.oidc.params?.client_assertion_type,
    });
  });

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/interaction/')) {
      finishInteraction(provider, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    } else {
      void callback(req, res);
    }
  });

  async function close(): Promise<void> {
    server.closeAllConnections(); // fetch keeps sockets alive; without this close() waits for them
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  return {
    issuer,
    tokenRequests,
    login: (authorizationUrl, choice) => followLogin(authorizationUrl, client.redirectUri, choice),
    close,
  };
}
