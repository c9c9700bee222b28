import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../actor';
import { addTenant } from '../../tenants';
import { resolveSession } from '../session';
import { completePasskeyLogin, startPasskeyLogin } from './passkey-login.service';
import { completePasskeyRegistration, startPasskeyRegistration } from './passkey-registration.service';
import { SoftAuthenticator } from './soft-authenticator';

const LG = '999997';
const RESIDENT = { lgCode: LG, personId: '000000000001' };
const config = { rpId: 'madoguchi.example', rpName: 'デモ市 窓口', origin: 'https://madoguchi.example' };

describe('passkeys', () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
  });
  afterAll(async () => {
    await db.close();
  });

  const register = async (authenticator: SoftAuthenticator, resident = RESIDENT) => {
    const options = await startPasskeyRegistration(db, config, resident);
    return completePasskeyRegistration(db, config, resident, authenticator.register(options));
  };
  const login = async (
    authenticator: SoftAuthenticator,
    tamper?: (r: ReturnType<SoftAuthenticator['authenticate']>) => void,
  ) => {
    const { challengeId, ...options } = await startPasskeyLogin(db, config, { lgCode: LG });
    const response = authenticator.authenticate(options);
    tamper?.(response);
    const input = { lgCode: LG, challengeId, response };
    return { input, attempt: (now?: Date) => completePasskeyLogin(db, config, input, now) };
  };
  const audits = async (action: string) =>
    (
      await (
        await sealedAudit(db.kysely)
      )
        .selectFrom('audit_log')
        .select(['result', 'actor_id', 'subject_person_ids', 'details'])
        .where('action', '=', action)
        .orderBy('seq')
        .execute()
    ).map((r) => [
      r.result,
      r.actor_id,
      r.subject_person_ids,
      (r.details as { reason?: string }).reason ?? (r.details as { code?: string }).code ?? null,
    ]);

  it('asks for a discoverable, user-verified credential under a random handle that names nobody', async () => {
    const a = await startPasskeyRegistration(db, config, RESIDENT);
    const b = await startPasskeyRegistration(db, config, RESIDENT);
    expect(a.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(a.rp).toEqual({ id: config.rpId, name: config.rpName });
    expect(a.user.id).not.toBe(b.user.id);
    expect(JSON.stringify(a)).not.toContain(RESIDENT.personId);
  });

  it('registers a passkey, then logs in with it at level 2 and counts the signature', async () => {
    const authenticator = new SoftAuthenticator(config.origin);
    const { credentialId } = await register(authenticator);
    const { attempt } = await login(authenticator);
    const { token, session } = await attempt();
    expect(session).toMatchObject({ subjectId: RESIDENT.personId, assuranceLevel: 2, method: 'passkey' });
    expect((await resolveSession(db, token)).assuranceLevel).toBe(2);
    const row = await db.kysely
      .selectFrom('passkey_credential')
      .selectAll()
      .where('credential_id', '=', credentialId)
      .executeTakeFirstOrThrow();
    expect([row.person_id, Number(row.sign_count), row.transports, row.last_used_at !== null]).toEqual([
      RESIDENT.personId,
      1,
      ['internal'],
      true,
    ]);
    expect(await audits('identity.passkey.register')).toEqual([
      ['allowed', RESIDENT.personId, [RESIDENT.personId], null],
    ]);
    expect((await audits('identity.passkey-login')).at(-1)).toEqual([
      'allowed',
      RESIDENT.personId,
      [RESIDENT.personId],
      null,
    ]);
    // The next registration excludes the passkey the resident already has.
    const next = await startPasskeyRegistration(db, config, RESIDENT);
    expect(next.excludeCredentials?.map((c) => c.id)).toEqual([credentialId]);
  });

  it('refuses a registration answered to another resident, and a replayed one', async () => {
    const authenticator = new SoftAuthenticator(config.origin);
    const options = await startPasskeyRegistration(db, config, RESIDENT);
    const response = authenticator.register(options);
    const other = { lgCode: LG, personId: '000000000009' };
    await expect(completePasskeyRegistration(db, config, other, response)).rejects.toMatchObject({
      code: 'CHALLENGE_EXPIRED',
    });
    await completePasskeyRegistration(db, config, RESIDENT, response);
    await expect(completePasskeyRegistration(db, config, RESIDENT, response)).rejects.toMatchObject({
      code: 'CHALLENGE_REUSED',
    });
    expect((await audits('identity.passkey.register')).at(-1)).toEqual([
      'denied',
      RESIDENT.personId,
      [RESIDENT.personId],
      'CHALLENGE_REUSED',
    ]);
  });

  it('refuses a registration made for another origin', async () => {
    const options = await startPasskeyRegistration(db, config, RESIDENT);
    const response = new SoftAuthenticator('https://evil.example').register(options);
    await expect(completePasskeyRegistration(db, config, RESIDENT, response)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'response' },
    });
  });

  it('refuses a passkey nobody registered', async () => {
    const stranger = new SoftAuthenticator(config.origin);
    stranger.register(await startPasskeyRegistration(db, config, RESIDENT)); // never sent to the server
    const { attempt } = await login(stranger);
    await expect(attempt()).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect((await audits('identity.passkey-login')).at(-1)).toEqual(['denied', 'unknown', [], 'unknown-credential']);
  });

  it('refuses a tampered signature, names the owner as subject, and spends the challenge', async () => {
    const authenticator = new SoftAuthenticator(config.origin);
    await register(authenticator);
    const { attempt } = await login(authenticator, (response) => {
      const signature = Buffer.from(response.response.signature, 'base64url');
      signature.writeUInt8(signature.readUInt8(signature.length - 1) ^ 0x01, signature.length - 1);
      response.response.signature = signature.toString('base64url');
    });
    await expect(attempt()).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect((await audits('identity.passkey-login')).at(-1)).toEqual([
      'denied',
      'unknown',
      [RESIDENT.personId],
      'verification-failed',
    ]);
    await expect(attempt()).rejects.toMatchObject({ code: 'CHALLENGE_REUSED' });
  });

  it('refuses a replayed answer and a late one', async () => {
    const authenticator = new SoftAuthenticator(config.origin);
    await register(authenticator);
    const first = await login(authenticator);
    await first.attempt();
    await expect(first.attempt()).rejects.toMatchObject({ code: 'CHALLENGE_REUSED' });
    const late = await login(authenticator);
    await expect(late.attempt(new Date(Date.now() + 6 * 60 * 1000))).rejects.toMatchObject({
      code: 'CHALLENGE_EXPIRED',
    });
    expect((await audits('identity.passkey-login')).at(-1)).toEqual(['denied', 'unknown', [], 'CHALLENGE_EXPIRED']);
  });

  it('refuses a malformed challenge id before touching anything', async () => {
    const authenticator = new SoftAuthenticator(config.origin);
    authenticator.register(await startPasskeyRegistration(db, config, RESIDENT));
    const { input } = await login(authenticator);
    await expect(completePasskeyLogin(db, config, { ...input, challengeId: 'nope' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
