import { addTenant, createSession, createStaffAccount, generateTotp, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFreshApp } from '../../test/fresh-app';
import { LG } from '../../test/principals';
import { buildApp } from '../app';
import { parseZoneEntry } from '../http/network-zones';

const PASSWORD = 'correct horse battery staple 7';

describe('staff login over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    for (const [staffId, role] of [
      ['officer', 'security-officer'],
      ['clerk', 'counter-clerk'],
      ['locked', 'counter-clerk'],
    ] as const) {
      const created = await createStaffAccount(db, systemActor('test'), {
        lgCode: LG,
        staffId,
        loginName: staffId,
        password: PASSWORD,
        roles: [role],
        departments: ['citizen'],
      });
      secrets.set(staffId, created.totpSecret);
    }
    // inject() requests come from 127.0.0.1: that is the terminal range here.
    app = await buildApp({
      db,
      logger: false,
      zones: [parseZoneEntry('127.0.0.0/8=individual-number:300')],
      loginAttemptsPerMinute: 100,
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const login = (loginName: string, overrides: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/staff/login',
      payload: {
        lgCode: LG,
        loginName,
        password: PASSWORD,
        totpCode: generateTotp(secrets.get(loginName) ?? ''),
        ...overrides,
      },
    });
  const cookieOf = (response: Awaited<ReturnType<typeof login>>) =>
    String(response.headers['set-cookie']).split(';')[0] ?? '';

  it('logs a security officer in, who may then verify the audit chain', async () => {
    const response = await login('officer');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ subjectKind: 'staff', assuranceLevel: 2, method: 'password-totp' });
    const verify = await app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers: { cookie: cookieOf(response) },
    });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, lgCode: LG });
  });

  it('refuses a counter clerk the audit function, and records the refusal', async () => {
    const response = await login('clerk');
    const verify = await app.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      headers: { cookie: cookieOf(response) },
    });
    expect([verify.statusCode, verify.json().error.code]).toEqual([403, 'ACCESS_DENIED']);
    const denied = await (await sealedAudit(db.kysely))
      .selectFrom('audit_log')
      .select(['actor_id', 'result', 'action'])
      .where('result', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({ actor_id: 'clerk', result: 'denied', action: 'audit.verify' });
  });

  it('says the same thing for a wrong password, a wrong code and an unknown name', async () => {
    for (const response of [
      await login('clerk', { password: 'wrong wrong wrong' }),
      await login('clerk', { totpCode: '000000' }),
      await login('nobody', { totpCode: '000000' }),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toMatchObject({
        code: 'LOGIN_FAILED',
        message: 'the login name, password or one-time code is wrong',
      });
    }
  });

  it('locks an account after five failures, even against the right password', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('locked', { password: 'not the password' })).json().error.code);
    expect(codes).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED']);
    const right = await login('locked');
    expect([right.statusCode, right.json().error.code]).toEqual([423, 'ACCOUNT_LOCKED']);
  });
});

describe('staff login from a terminal in no configured zone', () => {
  it('is refused before any password is checked', async () => {
    await withFreshApp(async (app) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/staff/login',
        payload: { lgCode: LG, loginName: 'clerk', password: PASSWORD, totpCode: '123456' },
      });
      expect([response.statusCode, response.json().error]).toEqual([
        403,
        { code: 'ACCESS_DENIED', message: 'this terminal is not in a configured network zone', details: {} },
      ]);
    });
  });
});

describe('re-authentication before a sensitive staff action', () => {
  it('asks a security officer whose login is older than 30 minutes to log in again', async () => {
    await withFreshApp(async (app, db) => {
      await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
      await db.kysely
        .insertInto('staff_account')
        .values({
          lg_code: LG,
          staff_id: 'officer',
          login_name: 'officer',
          password_hash: 'x',
          roles: ['security-officer'],
          departments: ['citizen'],
        })
        .execute();
      const longAgo = new Date(Date.now() - 31 * 60 * 1000);
      const { token } = await db.kysely.transaction().execute((trx) =>
        createSession(
          trx,
          {
            lgCode: LG,
            subjectKind: 'staff',
            subjectId: 'officer',
            method: 'password-totp',
            zone: 'lgwan',
            idleTimeoutSeconds: 3600,
          },
          longAgo,
        ),
      );
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/audit/verify',
        headers: { cookie: `madoguchi_session=${token}` },
      });
      expect([response.statusCode, response.json().error.code]).toEqual([401, 'REAUTHENTICATION_REQUIRED']);
    });
  });
});
