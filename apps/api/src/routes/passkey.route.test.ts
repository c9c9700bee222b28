import { addTenant, SoftAuthenticator, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFreshApp } from '../../test/fresh-app';
import { LG, residentCookie } from '../../test/principals';
import { buildApp } from '../app';

const webauthn = { rpId: 'localhost', rpName: 'デモ市 窓口', origin: 'http://localhost:3000' };
const PERSON = '000000000001';

describe('passkeys over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let card: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    app = await buildApp({ db, logger: false, webauthn, loginAttemptsPerMinute: 1_000 });
    card = await residentCookie(db, PERSON, 3);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
  const status = (response: Awaited<ReturnType<typeof post>>) => [response.statusCode, response.json().error?.code];
  async function register(authenticator: SoftAuthenticator) {
    const options = (await post('/api/v1/auth/passkey/registration/options', {}, card)).json();
    return post('/api/v1/auth/passkey/registration/verify', authenticator.register(options), card);
  }
  async function login(authenticator: SoftAuthenticator, tamper?: (signature: Buffer) => void) {
    const { challengeId, ...options } = (await post('/api/v1/auth/passkey/login/options', { lgCode: LG })).json();
    const response = authenticator.authenticate(options);
    if (tamper) {
      const signature = Buffer.from(response.response.signature, 'base64url');
      tamper(signature);
      response.response.signature = signature.toString('base64url');
    }
    const body = { lgCode: LG, challengeId, response };
    return { body, answer: () => post('/api/v1/auth/passkey/login/verify', body) };
  }

  it('registers a passkey after a card login, then logs in with it at level 2', async () => {
    const options = (await post('/api/v1/auth/passkey/registration/options', {}, card)).json();
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: webauthn.rpName },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
    });
    const authenticator = new SoftAuthenticator(webauthn.origin);
    const registered = await post('/api/v1/auth/passkey/registration/verify', authenticator.register(options), card);
    expect(registered.statusCode).toBe(201);
    expect(registered.json().credentialId).toMatch(/^[A-Za-z0-9_-]+$/);

    const loginOptions = (await post('/api/v1/auth/passkey/login/options', { lgCode: LG })).json();
    expect(loginOptions).toMatchObject({ rpId: 'localhost', allowCredentials: [], userVerification: 'required' });
    const response = await (await login(authenticator)).answer();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ subjectKind: 'resident', assuranceLevel: 2, method: 'passkey' });
    const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).json().assuranceLevel).toBe(2);
    // Level 2 is enough for the resident's access log.
    expect((await post('/api/v1/me/access-log', {}, cookie)).statusCode).toBe(200);
  });

  it('refuses a passkey nobody registered, without a session', async () => {
    const stranger = new SoftAuthenticator(webauthn.origin);
    stranger.register((await post('/api/v1/auth/passkey/registration/options', {}, card)).json());
    const response = await (await login(stranger)).answer();
    expect(status(response)).toEqual([401, 'LOGIN_FAILED']);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a tampered signature and a replayed challenge', async () => {
    const authenticator = new SoftAuthenticator(webauthn.origin);
    expect((await register(authenticator)).statusCode).toBe(201);
    const tampered = await login(authenticator, (signature) => {
      const last = signature.length - 1;
      signature.writeUInt8(signature.readUInt8(last) ^ 0x01, last);
    });
    expect(status(await tampered.answer())).toEqual([401, 'LOGIN_FAILED']);
    const good = await login(authenticator);
    expect((await good.answer()).statusCode).toBe(200);
    expect(status(await good.answer())).toEqual([401, 'CHALLENGE_REUSED']);
  });

  it('audits every login attempt', async () => {
    const rows = await (await sealedAudit(db.kysely))
      .selectFrom('audit_log')
      .select(['result', 'details'])
      .where('action', '=', 'identity.passkey-login')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.result, (r.details as { code?: string }).code ?? null])).toEqual([
      ['allowed', null],
      ['denied', 'LOGIN_FAILED'],
      ['denied', 'LOGIN_FAILED'],
      ['allowed', null],
      ['denied', 'CHALLENGE_REUSED'],
    ]);
  });

  it('lets only a resident logged in at level 2 or more add a passkey', async () => {
    expect(status(await post('/api/v1/auth/passkey/registration/options', {}))).toEqual([
      401,
      'AUTHENTICATION_REQUIRED',
    ]);
    const weak = await residentCookie(db, PERSON, 1);
    const refused = await post('/api/v1/auth/passkey/registration/options', {}, weak);
    expect(status(refused)).toEqual([401, 'STEP_UP_REQUIRED']);
    expect(refused.json().error.details).toEqual({ required: 2, current: 1 });
    expect(status(await post('/api/v1/auth/passkey/registration/verify', {}, weak))).toEqual([401, 'STEP_UP_REQUIRED']);
  });

  it('refuses a malformed login body field by field', async () => {
    const response = await post('/api/v1/auth/passkey/login/verify', { lgCode: LG, challengeId: 'x', response: {} });
    expect(status(response)).toEqual([400, 'VALIDATION_FAILED']);
    const fields = response.json().error.details.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['body.response.id', 'body.response.response']));
    // A municipality this deployment does not serve (valid check digit) is named as such.
    expect(status(await post('/api/v1/auth/passkey/login/options', { lgCode: '131016' }))).toEqual([
      404,
      'TENANT_NOT_FOUND',
    ]);
  });
});

describe('passkeys when no relying party is configured', () => {
  it('answers 503 NOT_CONFIGURED', async () => {
    await withFreshApp(async (app) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey/login/options',
        payload: { lgCode: LG },
      });
      expect([response.statusCode, response.json().error.code]).toEqual([503, 'NOT_CONFIGURED']);
    });
  });
});
