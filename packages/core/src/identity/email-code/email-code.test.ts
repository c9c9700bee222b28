import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../actor';
import { addTenant } from '../../tenants';
import { resolveSession } from '../session';
import { normalizeEmail } from './email-address';
import { completeEmailCodeLogin, startEmailCodeLogin } from './email-code-login.service';
import type { MailMessage } from './mailer';
import { registerResidentEmail } from './resident-email.service';

const LG = '999997';
const RESIDENT = { lgCode: LG, personId: '000000000001' };

describe('one-time codes by e-mail', () => {
  let db: Database;
  const outbox: MailMessage[] = [];
  const mailer = { send: async (message: MailMessage) => void outbox.push(message) };

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    await registerResidentEmail(db, RESIDENT, { email: '  Hanako.Y@Example.JP ' });
  });
  afterAll(async () => {
    await db.close();
  });

  const start = async (email = 'hanako.y@example.jp') => {
    const before = outbox.length;
    const started = await startEmailCodeLogin(db, mailer, { lgCode: LG, email });
    await started.delivery;
    const code = outbox.length > before ? /(\d{6})/.exec(outbox.at(-1)?.text ?? '')?.[1] : undefined;
    const answer = (given: string, now?: Date) =>
      completeEmailCodeLogin(db, { lgCode: LG, challengeId: started.challengeId, code: given }, now);
    return { code: code ?? '', answer, challengeId: started.challengeId };
  };
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const lastAudit = async () => {
    const row = await (await sealedAudit(db.kysely))
      .selectFrom('audit_log')
      .select(['result', 'actor_id', 'subject_person_ids', 'details'])
      .where('action', '=', 'identity.email-code-login')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return [row.result, row.actor_id, row.subject_person_ids, (row.details as { code?: string }).code ?? null];
  };

  it('stores the address lower-cased, and refuses what is not one', async () => {
    const row = await db.kysely.selectFrom('resident_email').selectAll().executeTakeFirstOrThrow();
    expect([row.email, row.verified_at]).toEqual(['hanako.y@example.jp', null]);
    for (const bad of ['no-at-sign', 'a@b', 'two@@example.jp', 'sp ace@example.jp', `${'a'.repeat(250)}@example.jp`])
      expect(() => normalizeEmail(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    await expect(
      registerResidentEmail(db, { lgCode: LG, personId: '000000000002' }, { email: 'HANAKO.Y@example.jp' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'email' } });
  });

  it('sends a code that names nobody, and logs in at level 1 with it', async () => {
    const { code, answer } = await start();
    const mail = outbox.at(-1);
    expect(mail?.to).toBe('hanako.y@example.jp');
    expect(mail?.text).toMatch(/^ログイン確認コード: \d{6}\n/);
    expect(mail?.text).toContain('Your login code is');
    expect(mail?.text).not.toContain(RESIDENT.personId);
    const { token, session } = await answer(code);
    expect(session).toMatchObject({ subjectId: RESIDENT.personId, assuranceLevel: 1, method: 'email-code' });
    expect((await resolveSession(db, token)).assuranceLevel).toBe(1);
    expect(await lastAudit()).toEqual(['allowed', RESIDENT.personId, [RESIDENT.personId], null]);
    const row = await db.kysely.selectFrom('resident_email').select('verified_at').executeTakeFirstOrThrow();
    expect(row.verified_at).not.toBeNull();
    await expect(answer(code)).rejects.toMatchObject({ code: 'CHALLENGE_REUSED' });
  });

  it('stores only a hash of the code', async () => {
    const { code, challengeId } = await start();
    const row = await db.kysely
      .selectFrom('auth_challenge')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .executeTakeFirstOrThrow();
    expect(row.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(row.challenge).not.toContain(code);
    expect(row.subject_id).toBe(RESIDENT.personId);
  });

  it('counts wrong codes and spends the challenge at the fifth', async () => {
    const { code, answer } = await start();
    for (let left = 4; left >= 0; left--)
      await expect(answer(wrong(code))).rejects.toMatchObject({
        code: 'LOGIN_FAILED',
        details: { attemptsLeft: left },
      });
    expect(await lastAudit()).toEqual(['denied', 'unknown', [RESIDENT.personId], 'LOGIN_FAILED']);
    await expect(answer(code)).rejects.toMatchObject({ code: 'CHALLENGE_REUSED' });
  });

  it('refuses a code after ten minutes', async () => {
    const { code, answer } = await start();
    await expect(answer(code, new Date(Date.now() + 11 * 60_000))).rejects.toMatchObject({ code: 'CHALLENGE_EXPIRED' });
  });

  it('answers an unregistered address exactly like a registered one, and sends nothing', async () => {
    const sent = outbox.length;
    const { answer, challengeId } = await start('nobody@example.jp');
    expect(outbox.length).toBe(sent);
    expect(challengeId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(answer('123456')).rejects.toMatchObject({ code: 'LOGIN_FAILED', details: { attemptsLeft: 4 } });
    expect(await lastAudit()).toEqual(['denied', 'unknown', [], 'LOGIN_FAILED']);
  });

  it('refuses a malformed code or challenge id before touching anything', async () => {
    const { challengeId } = await start();
    await expect(completeEmailCodeLogin(db, { lgCode: LG, challengeId, code: '12345' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'code' },
    });
    await expect(completeEmailCodeLogin(db, { lgCode: LG, challengeId: 'x', code: '123456' })).rejects.toMatchObject({
      details: { field: 'challengeId' },
    });
  });
});
