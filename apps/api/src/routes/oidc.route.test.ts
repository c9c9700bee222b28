import { addTenant, bindOidcAccount, createStaffAccount, type OidcProviderSetting, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwkOf } from '../../../../packages/core/src/identity/oidc/rp-signing-key';
import type { LoginChoice } from '../../../../packages/core/src/identity/oidc/test-browser';
import {
  DEMO_SUBJECT,
  startTestProvider,
  TEST_ACR_VALUES,
  TEST_CLIENT_ID,
  type TestProvider,
} from '../../../../packages/core/src/identity/oidc/test-provider';
import { LG } from '../../test/principals';
import { buildApp } from '../app';
import { parseZoneEntry } from '../http/network-zones';

const [ACR_1, ACR_2, ACR_3] = TEST_ACR_VALUES as [string, string, string];
const PERSON = '000000000001';
// The providers redirect here; the test carries the redirect to inject() instead of listening.
const callbackOf = (id: string) => `http://127.0.0.1/api/v1/auth/oidc/${id}/callback`;

describe('OpenID Connect login over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  const ops = new Map<string, TestProvider>();

  async function provider(id: string, audience: 'resident' | 'staff', rpJwk: JWK): Promise<OidcProviderSetting> {
    const op = await startTestProvider({ jwks: [publicJwkOf(rpJwk)], redirectUri: callbackOf(id) });
    ops.set(id, op);
    const config = { issuer: op.issuer, clientId: TEST_CLIENT_ID, redirectUri: callbackOf(id), privateJwk: rpJwk };
    return {
      id,
      audience,
      lgCode: LG,
      config: { ...config, acrValues: [ACR_2] },
      acrLevels: audience === 'staff' ? { [ACR_2]: 2 } : { [ACR_1]: 1, [ACR_2]: 2, [ACR_3]: 3 },
      minimumAcr: ACR_2,
      acrOrder: TEST_ACR_VALUES,
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const rpJwk = { ...(await exportJWK(privateKey)), kid: 'rp-key-1' };
    const settings = [
      await provider('digital-auth-app', 'resident', rpJwk),
      await provider('staff-idp', 'staff', rpJwk),
      await provider('stranger-idp', 'resident', rpJwk), // nobody is bound there
    ];
    const bind = async (id: string, subjectKind: 'resident' | 'staff', subjectId: string) =>
      bindOidcAccount(db, systemActor('test'), {
        lgCode: LG,
        issuer: ops.get(id)?.issuer ?? '',
        subject: DEMO_SUBJECT,
        subjectKind,
        subjectId,
      });
    await bind('digital-auth-app', 'resident', PERSON);
    await createStaffAccount(db, systemActor('test'), {
      lgCode: LG,
      staffId: 'idp-officer',
      loginName: 'idp-officer',
      password: 'correct horse battery staple 7',
      roles: ['security-officer'],
      departments: ['citizen'],
    });
    await bind('staff-idp', 'staff', 'idp-officer');
    // inject() requests come from 127.0.0.1: that is the terminal range here.
    app = await buildApp({
      db,
      logger: false,
      oidcProviders: settings,
      zones: [parseZoneEntry('127.0.0.0/8=individual-number:300')],
      loginAttemptsPerMinute: 100,
    });
  });
  afterAll(async () => {
    await app?.close();
    for (const op of ops.values()) await op.close();
    await db?.close();
  });

  /** Start, the provider's pages (played by fetch), and the callback: the response of the callback. */
  async function login(id: string, choice: LoginChoice = {}) {
    const start = await app.inject({ url: `/api/v1/auth/oidc/${id}/start` });
    expect(start.statusCode).toBe(302);
    const callbackUrl = await (ops.get(id) as TestProvider).login(String(start.headers.location), choice);
    const callbackPath = `${callbackUrl.pathname}${callbackUrl.search}`;
    return {
      callbackPath,
      code: callbackUrl.searchParams.get('code'),
      response: await app.inject({ url: callbackPath }),
    };
  }
  const cookieOf = (response: { headers: Record<string, unknown> }) =>
    String(response.headers['set-cookie']).split(';')[0] ?? '';
  const refusalOf = (response: { statusCode: number; json: () => { error: { code: string; details: object } } }) => [
    response.statusCode,
    response.json().error.code,
    response.json().error.details,
  ];

  it('sends the browser to the provider with only the state in it, keeping the rest server-side', async () => {
    const start = await app.inject({ url: '/api/v1/auth/oidc/digital-auth-app/start' });
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(ops.get('digital-auth-app')?.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(start.headers['set-cookie']).toBeUndefined();
    const stored = await db.kysely.selectFrom('oidc_pending_login').selectAll().execute();
    expect(stored.map((row) => [row.provider, row.state])).toContainEqual([
      'digital-auth-app',
      location.searchParams.get('state'),
    ]);
  });

  it('logs a bound resident in: cookie, redirect to /, and a session at the mapped level', async () => {
    const { response } = await login('digital-auth-app', { acr: ACR_3 });
    expect([response.statusCode, response.headers.location]).toEqual([302, '/']);
    expect(String(response.headers['set-cookie'])).toMatch(/^madoguchi_session=999997\.[A-Za-z0-9_-]{43};.*HttpOnly/);
    const session = await app.inject({ url: '/api/v1/session', headers: { cookie: cookieOf(response) } });
    expect(session.json()).toMatchObject({ subjectKind: 'resident', method: 'oidc', assuranceLevel: 3 });
  });

  it('refuses a replayed callback and an unknown state, echoing neither code nor state', async () => {
    const { callbackPath, code, response } = await login('digital-auth-app');
    expect(response.statusCode).toBe(302);
    const replay = await app.inject({ url: callbackPath });
    expect(refusalOf(replay)).toEqual([401, 'OIDC_LOGIN_FAILED', { reason: 'unknown-state' }]);
    expect(replay.body).not.toContain(String(code));
    expect(replay.headers['set-cookie']).toBeUndefined();
    const unknown = await app.inject({ url: '/api/v1/auth/oidc/digital-auth-app/callback?state=made-up&code=x' });
    expect(refusalOf(unknown)).toEqual([401, 'OIDC_LOGIN_FAILED', { reason: 'unknown-state' }]);
    expect(unknown.body).not.toContain('made-up');
  });

  it('refuses an account bound to nobody', async () => {
    const { response } = await login('stranger-idp');
    expect(refusalOf(response)).toEqual([401, 'OIDC_LOGIN_FAILED', { reason: 'unknown-account' }]);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses when the resident cancels at the provider, and an acr below the minimum', async () => {
    const cancelled = (await login('digital-auth-app', { decision: 'deny' })).response;
    expect(refusalOf(cancelled)).toEqual([401, 'OIDC_LOGIN_FAILED', { reason: 'op_error', opError: 'access_denied' }]);
    expect(cancelled.body).not.toContain('stack');
    const weak = (await login('digital-auth-app', { acr: ACR_1 })).response;
    expect(refusalOf(weak)).toEqual([
      401,
      'OIDC_LOGIN_FAILED',
      { reason: 'acr_too_low', acr: ACR_1, minimumAcr: ACR_2 },
    ]);
  });

  it('logs staff in from a terminal in a zone, with the zone on the session', async () => {
    const { response } = await login('staff-idp');
    expect(response.statusCode).toBe(302);
    const cookie = cookieOf(response);
    const session = await app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ subjectKind: 'staff', method: 'oidc', assuranceLevel: 2 });
    // The security officer's function needs the individual-number zone: the session carries it.
    const verify = await app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie } });
    expect(verify.statusCode).toBe(200);
  });

  it('gives no staff login to a terminal in no zone', async () => {
    const start = await app.inject({ url: '/api/v1/auth/oidc/staff-idp/start', remoteAddress: '192.0.2.10' });
    expect(refusalOf(start)).toEqual([403, 'ACCESS_DENIED', { reason: 'no-zone' }]);
  });

  it('answers 404 for a provider nobody configured', async () => {
    const response = await app.inject({ url: '/api/v1/auth/oidc/nobody/start' });
    expect(refusalOf(response)).toEqual([404, 'NOT_FOUND', { field: 'provider' }]);
  });
});
