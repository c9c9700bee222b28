import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { customFetch } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { completeOidcLogin, discoverOidc, type OidcClient, publicJwkOf, startOidcLogin } from './index';
import { DEMO_SUBJECT, startTestProvider, TEST_ACR_VALUES, TEST_CLIENT_ID, type TestProvider } from './test-provider';

const REDIRECT_URI = 'https://rp.madoguchi.test/oidc/callback';
const [ACR_1, ACR_2] = TEST_ACR_VALUES as [string, string, string];

async function newPrivateJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}

async function expectRefusal(promise: Promise<unknown>, reason: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'OIDC_LOGIN_FAILED', details: { reason } });
  return error as AppError;
}

let op: TestProvider;
let client: OidcClient;
let rpJwk: JWK;

beforeAll(async () => {
  rpJwk = await newPrivateJwk('rp-key-1');
  op = await startTestProvider({ jwks: [publicJwkOf(rpJwk)], redirectUri: REDIRECT_URI });
  client = await discoverOidc({
    issuer: op.issuer,
    clientId: TEST_CLIENT_ID,
    redirectUri: REDIRECT_URI,
    privateJwk: rpJwk,
    acrValues: [ACR_2],
  });
});

afterAll(async () => {
  await op?.close();
});

describe('OpenID Connect relying party against a local oidc-provider', () => {
  it('logs in the synthetic account with private_key_jwt, PKCE, nonce and the requested acr', async () => {
    const { authorizationUrl, pending } = await startOidcLogin(client);
    const callbackUrl = await op.login(authorizationUrl);
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();

    const seenBefore = op.tokenRequests.length;
    const result = await completeOidcLogin(client, {
      callbackUrl,
      pending,
      minimumAcr: ACR_2,
      acrOrder: TEST_ACR_VALUES,
    });

    expect(result).toMatchObject({ subject: DEMO_SUBJECT, issuer: op.issuer, acr: ACR_2, amr: ['pwd'] });
    expect(result.claims.nonce).toBe(pending.nonce);
    expect(result.claims.aud).toBe(TEST_CLIENT_ID);
    expect(result.authTime).toBeInstanceOf(Date);
    expect(op.tokenRequests.slice(seenBefore)).toEqual([
      {
        clientAuthMethod: 'private_key_jwt',
        clientAssertionType: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      },
    ]);
  });

  it('uses PKCE with S256 and keeps the verifier out of the authorization URL', async () => {
    const { authorizationUrl, pending } = await startOidcLogin(client, { acrValues: [ACR_1] });
    const url = new URL(authorizationUrl);
    const expectedChallenge = createHash('sha256').update(pending.codeVerifier).digest('base64url');

    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBe(expectedChallenge);
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('nonce')).toBe(pending.nonce);
    expect(url.searchParams.get('acr_values')).toBe(ACR_1);
    expect(authorizationUrl).not.toContain(pending.codeVerifier);
    expect(pending.requestedAcr).toEqual([ACR_1]);
  });

  it('refuses a callback whose state belongs to another login', async () => {
    const first = await startOidcLogin(client);
    const second = await startOidcLogin(client);
    const callbackUrl = await op.login(first.authorizationUrl);

    await expectRefusal(completeOidcLogin(client, { callbackUrl, pending: second.pending }), 'state_mismatch');
  });

  it('refuses when the OP returns error=access_denied', async () => {
    const { authorizationUrl, pending } = await startOidcLogin(client);
    const callbackUrl = await op.login(authorizationUrl, { decision: 'deny' });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');

    const error = await expectRefusal(completeOidcLogin(client, { callbackUrl, pending }), 'op_error');
    expect(error.details.opError).toBe('access_denied');
  });

  it('refuses an ID token whose nonce belongs to another login', async () => {
    const { authorizationUrl, pending } = await startOidcLogin(client);
    const callbackUrl = await op.login(authorizationUrl);
    const tampered = { ...pending, nonce: 'a-nonce-from-another-login' };

    await expectRefusal(completeOidcLogin(client, { callbackUrl, pending: tampered }), 'nonce_mismatch');
  });

  it('refuses an acr below the required minimum', async () => {
    const { authorizationUrl, pending } = await startOidcLogin(client, { acrValues: [ACR_2] });
    const callbackUrl = await op.login(authorizationUrl, { acr: ACR_1 });

    const error = await expectRefusal(
      completeOidcLogin(client, { callbackUrl, pending, minimumAcr: ACR_2, acrOrder: TEST_ACR_VALUES }),
      'acr_too_low',
    );
    expect(error.details).toMatchObject({ acr: ACR_1, minimumAcr: ACR_2 });
  });

  it('refuses a pending login older than 10 minutes without redeeming the code', async () => {
    const startedAt = new Date(Date.now() - 11 * 60 * 1000);
    const { authorizationUrl, pending } = await startOidcLogin(client, { now: startedAt });
    const callbackUrl = await op.login(authorizationUrl);
    const seenBefore = op.tokenRequests.length;

    await expectRefusal(completeOidcLogin(client, { callbackUrl, pending }), 'expired');
    expect(op.tokenRequests.length).toBe(seenBefore);
  });

  it('is refused at the token endpoint when signing with a key the OP does not know', async () => {
    const impostor = await discoverOidc({
      issuer: op.issuer,
      clientId: TEST_CLIENT_ID,
      redirectUri: REDIRECT_URI,
      privateJwk: await newPrivateJwk('rp-key-1'), // same kid, different key: the signature must fail
    });
    const { authorizationUrl, pending } = await startOidcLogin(impostor);
    const callbackUrl = await op.login(authorizationUrl);

    const error = await expectRefusal(completeOidcLogin(impostor, { callbackUrl, pending }), 'token_error');
    expect(error.details.opError).toBe('invalid_client');
  });

  it('checks the ID token signature against the OP keys', async () => {
    const tampered = await discoverOidc({
      issuer: op.issuer,
      clientId: TEST_CLIENT_ID,
      redirectUri: REDIRECT_URI,
      privateJwk: rpJwk,
    });
    // A token response whose ID token names someone else, with the OP's original signature left in place.
    tampered.configuration[customFetch] = async (url, options) => {
      const response = await fetch(url, options);
      if (!url.endsWith('/token') || !response.ok) return response;
      const body = (await response.json()) as { id_token: string };
      const [header, payload, signature] = body.id_token.split('.') as [string, string, string];
      const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'someone-else' };
      body.id_token = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
      return Response.json(body);
    };
    const { authorizationUrl, pending } = await startOidcLogin(tampered);
    const callbackUrl = await op.login(authorizationUrl);

    await expectRefusal(completeOidcLogin(tampered, { callbackUrl, pending }), 'id_token_invalid');
  });
});
