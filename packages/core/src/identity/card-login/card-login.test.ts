import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../actor';
import { addTenant } from '../../tenants';
import { initDevCa, issueCard, loadTrustStoreFromFiles, revokeCard, signChallenge, type TrustStore } from '../card';
import { makeTempDir, readText } from '../card/test-fixtures';
import { requireAssurance, resolveSession } from '../session';
import { bindCard, completeCardLogin, startCardLogin } from './card-login.service';

const LG = '999997';

describe('card login', () => {
  let db: Database;
  let dir: string;
  let store: TrustStore;
  const cards: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    dir = await makeTempDir();
    await initDevCa(path.join(dir, 'ca'));
    await initDevCa(path.join(dir, 'other-ca'));
    const issue = async (name: string, ca = 'ca', options = {}, personId?: string) => {
      const card = await issueCard(path.join(dir, ca), { outDir: path.join(dir, name), ...options });
      if (personId)
        await bindCard(db, systemActor('test'), {
          lgCode: LG,
          issuer: card.issuer,
          serialHex: card.serialHex,
          personId,
        });
      cards[name] = card.serialHex;
    };
    await issue('good', 'ca', {}, '000000000001');
    await issue('to-revoke', 'ca', {}, '000000000002');
    await issue(
      'expired',
      'ca',
      { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') },
      '000000000003',
    );
    await issue('unbound');
    await issue('stranger', 'other-ca');
    store = await trustStore();
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const trustStore = () =>
    loadTrustStoreFromFiles({
      anchorFiles: [path.join(dir, 'ca', 'ca-cert.pem')],
      crlFiles: [path.join(dir, 'ca', 'ca.crl.pem')],
    });
  const answer = async (card: string, options: { sign?: string; now?: Date; withStore?: TrustStore } = {}) => {
    const { challengeId, challenge } = await startCardLogin(db, { lgCode: LG });
    const input = {
      lgCode: LG,
      challengeId,
      certificatePem: await readText(dir, card, 'cert.pem'),
      signature: await signChallenge(path.join(dir, card), options.sign ?? challenge),
    };
    return { input, attempt: () => completeCardLogin(db, options.withStore ?? store, input, options.now) };
  };
  const auditResults = async () =>
    (
      await (
        await sealedAudit(db.kysely)
      )
        .selectFrom('audit_log')
        .select(['result', 'actor_id', 'details'])
        .where('action', '=', 'identity.card-login')
        .orderBy('seq')
        .execute()
    ).map((row) => [row.result, row.actor_id, (row.details as { code?: string }).code ?? null]);

  it('logs a resident in at assurance level 3 and audits it', async () => {
    const { attempt } = await answer('good');
    const { token, session } = await attempt();
    expect(session).toMatchObject({
      subjectKind: 'resident',
      subjectId: '000000000001',
      assuranceLevel: 3,
      method: 'card',
    });
    const resolved = await resolveSession(db, token);
    expect(() => requireAssurance(resolved, 3)).not.toThrow();
    expect((await auditResults()).at(-1)).toEqual(['allowed', '000000000001', null]);
  });

  it('refuses an answer to a challenge already answered, even a correct one', async () => {
    const { attempt } = await answer('good');
    await attempt();
    await expect(attempt()).rejects.toMatchObject({ code: 'CHALLENGE_REUSED' });
    expect((await auditResults()).at(-1)).toEqual(['denied', 'unknown', 'CHALLENGE_REUSED']);
  });

  it('refuses an answer after the challenge expired', async () => {
    const { attempt } = await answer('good', { now: new Date(Date.now() + 6 * 60 * 1000) });
    await expect(attempt()).rejects.toMatchObject({ code: 'CHALLENGE_EXPIRED' });
  });

  it('refuses a signature over something else, and spends the challenge', async () => {
    const { attempt } = await answer('good', { sign: 'c29tZXRoaW5nLWVsc2UtZW50aXJlbHktMzItYnl0ZXMtbG9uZw' });
    await expect(attempt()).rejects.toMatchObject({ code: 'CARD_BAD_SIGNATURE' });
    await expect(attempt()).rejects.toMatchObject({ code: 'CHALLENGE_REUSED' });
  });

  it('refuses a card from an issuer the municipality does not trust', async () => {
    const { attempt } = await answer('stranger');
    await expect(attempt()).rejects.toMatchObject({ code: 'CARD_UNTRUSTED_ISSUER' });
  });

  it('refuses an expired card', async () => {
    const { attempt } = await answer('expired');
    await expect(attempt()).rejects.toMatchObject({ code: 'CARD_EXPIRED' });
  });

  it('refuses a revoked card once the CRL is refreshed', async () => {
    await revokeCard(path.join(dir, 'ca'), cards['to-revoke'] ?? '');
    const { attempt } = await answer('to-revoke', { withStore: await trustStore() });
    await expect(attempt()).rejects.toMatchObject({ code: 'CARD_REVOKED' });
    expect((await auditResults()).at(-1)).toEqual(['denied', 'unknown', 'CARD_REVOKED']);
  });

  it('refuses a valid card that no resident is registered with', async () => {
    const { attempt } = await answer('unbound');
    await expect(attempt()).rejects.toMatchObject({ code: 'CARD_UNKNOWN' });
  });

  it('ends a session that has been idle for longer than its timeout', async () => {
    const { attempt } = await answer('good');
    const { token } = await attempt();
    await expect(resolveSession(db, token, new Date(Date.now() + 16 * 60 * 1000))).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    });
    await expect(resolveSession(db, token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await expect(resolveSession(db, `${LG}.${'x'.repeat(43)}`)).rejects.toMatchObject({
      code: 'AUTHENTICATION_REQUIRED',
    });
    await expect(resolveSession(db, 'garbage')).rejects.toMatchObject({ code: 'AUTHENTICATION_REQUIRED' });
  });

  it('keeps a session alive while it is used, writing its last activity at most every 15 seconds', async () => {
    const { attempt } = await answer('good');
    const { token } = await attempt();
    const at = (minutes: number, seconds = 0) => new Date(Date.now() + minutes * 60_000 + seconds * 1000);
    const lastSeen = async () =>
      (
        await db.kysely
          .selectFrom('auth_session')
          .select('last_seen_at')
          .orderBy('last_seen_at', 'desc')
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    await resolveSession(db, token, at(10));
    await resolveSession(db, token, at(20));
    const touched = await lastSeen();
    expect(Math.abs(touched.getTime() - at(20).getTime())).toBeLessThan(1000);
    await resolveSession(db, token, at(20, 5));
    expect((await lastSeen()).getTime()).toBe(touched.getTime());
  });

  it('refuses a malformed challenge id before touching anything', async () => {
    const { input } = await answer('good');
    await expect(completeCardLogin(db, store, { ...input, challengeId: 'nope' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'challengeId' },
    });
  });
});
