import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  addTenant,
  bindCard,
  initDevCa,
  issueCard,
  loadTrustStoreFromFiles,
  signChallenge,
  systemActor,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFreshApp } from '../../test/fresh-app';
import { LG, residentCookie } from '../../test/principals';
import { buildApp } from '../app';

describe('card login over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-api-card-'));
    await initDevCa(path.join(dir, 'ca'));
    const card = await issueCard(path.join(dir, 'ca'), { outDir: path.join(dir, 'card') });
    await bindCard(db, systemActor('test'), {
      lgCode: LG,
      issuer: card.issuer,
      serialHex: card.serialHex,
      personId: '000000000001',
    });
    const cardTrustStore = await loadTrustStoreFromFiles({ anchorFiles: [path.join(dir, 'ca', 'ca-cert.pem')] });
    app = await buildApp({ db, logger: false, cardTrustStore });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
  // Always a different, still canonical base64url string: the first character carries 6 full bits (the
  // last one does not), and a fixed replacement left the challenge unchanged 1 time in 4,096.
  const tampered = (challenge: string) => `${challenge.startsWith('A') ? 'B' : 'A'}${challenge.slice(1)}`;
  async function login(tamper = false, cookie?: string) {
    const { challengeId, challenge } = (await post('/api/v1/auth/card/challenge', { lgCode: LG })).json();
    return post(
      '/api/v1/auth/card/login',
      {
        lgCode: LG,
        challengeId,
        certificate: await readFile(path.join(dir, 'card', 'cert.pem'), 'utf8'),
        signature: await signChallenge(path.join(dir, 'card'), tamper ? tampered(challenge) : challenge),
      },
      cookie,
    );
  }

  it('logs in with the card, sets a strict session cookie, and the session reads level 3', async () => {
    const response = await login();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ subjectKind: 'resident', assuranceLevel: 3, method: 'card' });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^madoguchi_session=999997\.[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0] ?? '';
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).json()).toMatchObject({
      assuranceLevel: 3,
    });
    const log = await post('/api/v1/me/access-log', {}, cookie);
    expect(log.statusCode).toBe(200);
    // The card's registration is an access to the resident's data by the system: it shows.
    expect(log.json().items).toEqual([
      expect.objectContaining({ action: 'identity.card.bind', purpose: 'card-registration' }),
    ]);
    expect((await post('/api/v1/auth/logout', {}, cookie)).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).json().error.code).toBe(
      'SESSION_EXPIRED',
    );
  });

  it('ends the weaker session the browser had when the card login succeeds', async () => {
    const weak = await residentCookie(db, '000000000001', 1);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: weak } })).statusCode).toBe(200);
    expect((await login(false, weak)).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: weak } })).json().error.code).toBe(
      'SESSION_EXPIRED',
    );
  });

  it('answers a municipality it does not serve with 404', async () => {
    const response = await post('/api/v1/auth/card/challenge', { lgCode: '131130' });
    expect([response.statusCode, response.json().error.code]).toEqual([404, 'TENANT_NOT_FOUND']);
  });

  it('answers a bad signature with its own code and no session', async () => {
    const response = await login(true);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('CARD_BAD_SIGNATURE');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('asks a weaker login to step up, and gives it no data', async () => {
    const cookie = await residentCookie(db, '000000000001', 1);
    const response = await post('/api/v1/me/access-log', {}, cookie);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: {
        code: 'STEP_UP_REQUIRED',
        message: 'this needs assurance level 2; your login has level 1',
        details: { required: 2, current: 1 },
      },
    });
  });

  it('asks an anonymous caller to log in', async () => {
    const response = await post('/api/v1/me/access-log', {});
    expect([response.statusCode, response.json().error.code]).toEqual([401, 'AUTHENTICATION_REQUIRED']);
  });

  it('refuses a malformed login body field by field', async () => {
    const response = await post('/api/v1/auth/card/login', { lgCode: '12', challengeId: 'x' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.details.problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['body.certificate', 'body.lgCode', 'body.signature']);
  });

  it('limits login attempts from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await post('/api/v1/auth/card/challenge', { lgCode: LG })).statusCode);
    expect(codes).toContain(429);
    const limited = await post('/api/v1/auth/card/challenge', { lgCode: LG });
    expect(limited.json().error.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('card login when no trust anchors are configured', () => {
  it('answers 503 NOT_CONFIGURED', async () => {
    await withFreshApp(async (app) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/card/challenge',
        payload: { lgCode: LG },
      });
      expect([response.statusCode, response.json().error.code]).toEqual([503, 'NOT_CONFIGURED']);
    });
  });
});
