import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../actor';
import { AppError } from '../../errors';
import { addTenant } from '../../tenants';
import { discoverOidc, publicJwkOf } from '../oidc';
import {
  DEMO_SUBJECT,
  startTestProvider,
  TEST_ACR_VALUES,
  TEST_CLIENT_ID,
  type TestProvider,
} from '../oidc/test-provider';
import { resolveSession } from '../session';
import { beginOidcLogin, bindOidcAccount, finishOidcLogin, type OidcProvider, type OidcProviderSetting } from './index';

const LG = '999997';
const OTHER_LG = '131016'; // a second municipality where nobody is bound
const PERSON = '000000000001';
const REDIRECT_URI = 'https://rp.madoguchi.test/api/v1/auth/oidc/town-op/callback';
const [ACR_1, ACR_2, ACR_3] = TEST_ACR_VALUES as [string, string, string];

let db: Database;
let op: TestProvider;
let town: OidcProvider;

beforeAll(async () => {
  db = await createTestDatabase();
  await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
  await addTenant(db, systemActor('test'), { lgCode: OTHER_LG, name: '千代田区' });
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const rpJwk: JWK = { ...(await exportJWK(privateKey)), kid: 'rp-key-1' };
  op = await startTestProvider({ jwks: [publicJwkOf(rpJwk)], redirectUri: REDIRECT_URI });
  const config = { issuer: op.issuer, clientId: TEST_CLIENT_ID, redirectUri: REDIRECT_URI, privateJwk: rpJwk };
  const setting: OidcProviderSetting = {
    id: 'town-op',
    audience: 'resident',
    lgCode: LG,
    config: { ...config, acrValues: [ACR_2] },
    acrLevels: { [ACR_1]: 1, [ACR_2]: 2, [ACR_3]: 3 },
    minimumAcr: ACR_2,
    acrOrder: TEST_ACR_VALUES,
  };
  town = { setting, client: await discoverOidc(setting.config) };
  await bindOidcAccount(db, systemActor('test'), {
    lgCode: LG,
    issuer: op.issuer,
    subject: DEMO_SUBJECT,
    subjectKind: 'resident',
    subjectId: PERSON,
  });
});

afterAll(async () => {
  await op?.close();
  await db?.close();
});

const variant = (changes: Partial<OidcProviderSetting>): OidcProvider => ({
  setting: { ...town.setting, ...changes },
  client: town.client,
});
const ZONE = { zone: 'individual-number' as const };

async function callback(provider = town, options: { now?: Date; acr?: string; deny?: boolean } = {}) {
  const terminal = provider.setting.audience === 'staff' ? ZONE : null;
  const { authorizationUrl } = await beginOidcLogin(db, provider, { terminal }, options.now);
  return op.login(authorizationUrl, {
    ...(options.acr ? { acr: options.acr } : {}),
    ...(options.deny ? { decision: 'deny' as const } : {}),
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const lastAudit = async (lgCode = LG) =>
  (await sealedAudit(db.kysely))
    .selectFrom('audit_log')
    .select(['result', 'actor_kind', 'actor_id', 'subject_person_ids', 'details'])
    .where('action', '=', 'identity.oidc-login')
    .where('lg_code', '=', lgCode)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
const pendingCount = async (lgCode = LG) =>
  Number(
    (
      await db.kysely
        .selectFrom('oidc_pending_login')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('lg_code', '=', lgCode)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('OpenID Connect login use cases', () => {
  it('logs a bound resident in at the level of the reported acr, spends the pending login, and audits it', async () => {
    const callbackUrl = await callback(town, { acr: ACR_3 });
    const { token, session } = await finishOidcLogin(db, town, { callbackUrl, terminal: null });

    expect(session).toMatchObject({ subjectKind: 'resident', subjectId: PERSON, method: 'oidc', assuranceLevel: 3 });
    expect(await resolveSession(db, token)).toMatchObject({ method: 'oidc', assuranceLevel: 3 });
    expect(await pendingCount()).toBe(0);
    expect(await lastAudit()).toMatchObject({
      result: 'allowed',
      actor_kind: 'resident',
      actor_id: PERSON,
      subject_person_ids: [PERSON],
      details: { provider: 'town-op', subject: DEMO_SUBJECT, acr: ACR_3, assuranceLevel: 3 },
    });
  });

  it('counts an acr missing from acrLevels as level 1', async () => {
    const provider = variant({ acrLevels: {}, minimumAcr: undefined });
    const callbackUrl = await callback(provider);
    const { session } = await finishOidcLogin(db, provider, { callbackUrl, terminal: null });
    expect(session.assuranceLevel).toBe(1);
  });

  it('refuses a replayed callback: the pending login is single use', async () => {
    const callbackUrl = await callback();
    await finishOidcLogin(db, town, { callbackUrl, terminal: null });
    const error = await refusal(finishOidcLogin(db, town, { callbackUrl, terminal: null }));
    expect(error).toMatchObject({ code: 'OIDC_LOGIN_FAILED', details: { reason: 'unknown-state' } });
    expect(await lastAudit()).toMatchObject({
      result: 'denied',
      actor_id: 'unknown',
      details: { reason: 'unknown-state' },
    });
  });

  it('refuses an account bound to nobody, and records its subject for the operator', async () => {
    const provider = variant({ lgCode: OTHER_LG });
    const error = await refusal(
      finishOidcLogin(db, provider, { callbackUrl: await callback(provider), terminal: null }),
    );
    expect(error.details).toEqual({ reason: 'unknown-account' });
    expect(await lastAudit(OTHER_LG)).toMatchObject({
      result: 'denied',
      details: { reason: 'unknown-account', subject: DEMO_SUBJECT },
    });
  });

  it('refuses a resident account at a staff provider', async () => {
    const provider = variant({ audience: 'staff' });
    const error = await refusal(
      finishOidcLogin(db, provider, { callbackUrl: await callback(provider), terminal: ZONE }),
    );
    expect(error.details).toEqual({ reason: 'wrong-audience' });
  });

  it('gives no staff login to a terminal in no zone', async () => {
    const provider = variant({ audience: 'staff' });
    const error = await refusal(beginOidcLogin(db, provider, { terminal: null }));
    expect(error).toMatchObject({ code: 'ACCESS_DENIED', details: { reason: 'no-zone' } });
  });

  it('refuses an acr below the minimum, and the OP refusing the login', async () => {
    const low = await refusal(
      finishOidcLogin(db, town, { callbackUrl: await callback(town, { acr: ACR_1 }), terminal: null }),
    );
    expect(low.details).toEqual({ reason: 'acr_too_low', acr: ACR_1, minimumAcr: ACR_2 });
    const denied = await refusal(
      finishOidcLogin(db, town, { callbackUrl: await callback(town, { deny: true }), terminal: null }),
    );
    expect(denied.details).toEqual({ reason: 'op_error', opError: 'access_denied' });
    expect(await lastAudit()).toMatchObject({
      result: 'denied',
      details: { reason: 'op_error', opError: 'access_denied' },
    });
  });

  it('refuses a login started more than 10 minutes ago, without the library details', async () => {
    const callbackUrl = await callback(town, { now: new Date(Date.now() - 11 * 60 * 1000) });
    const error = await refusal(finishOidcLogin(db, town, { callbackUrl, terminal: null }));
    expect(error.details).toEqual({ reason: 'expired' });
    expect(await pendingCount()).toBe(0);
  });

  it('removes abandoned logins older than 10 minutes when the next one starts', async () => {
    // The second start's cutoff (19 minutes ago) keeps the first; the third's (10 minutes ago) does not.
    await beginOidcLogin(db, town, { terminal: null }, new Date(Date.now() - 11 * 60 * 1000));
    await beginOidcLogin(db, town, { terminal: null }, new Date(Date.now() - 9 * 60 * 1000));
    expect(await pendingCount()).toBe(2);
    await beginOidcLogin(db, town, { terminal: null });
    expect(await pendingCount()).toBe(2);
    await db.kysely.deleteFrom('oidc_pending_login').execute();
  });

  it('never moves a binding to another person', async () => {
    const binding = { lgCode: LG, issuer: op.issuer, subject: DEMO_SUBJECT, subjectKind: 'resident' as const };
    const error = await refusal(bindOidcAccount(db, systemActor('test'), { ...binding, subjectId: '000000000002' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'subject' } });
  });
});
