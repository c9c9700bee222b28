import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addTenant, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withFreshApp } from '../../test/fresh-app';
import { LG, residentCookie } from '../../test/principals';
import { buildApp } from '../app';
import { createMailer, readPickedUpMail } from '../http/mailer';

const PERSON = '000000000001';
const ADDRESS = 'hanako.y@example.jp';

describe('login by e-mail code over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let pickupDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    pickupDir = await mkdtemp(path.join(tmpdir(), 'madoguchi-mail-'));
    const mailer = createMailer({ from: 'no-reply@city.example.jp', pickupDir });
    app = await buildApp({ db, logger: false, mailer, loginAttemptsPerMinute: 1_000 });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await rm(pickupDir, { recursive: true, force: true });
  });

  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
  const status = (response: Awaited<ReturnType<typeof post>>) => [response.statusCode, response.json().error?.code];
  /** Starts a login and reads the code from the pickup directory, as a resident reads their mail. */
  async function start(email = ADDRESS) {
    const before = (await readPickedUpMail(pickupDir)).length;
    const response = await post('/api/v1/auth/email-code/start', { lgCode: LG, email });
    expect(response.statusCode).toBe(202);
    const { challengeId } = response.json();
    const verify = (code: string) => post('/api/v1/auth/email-code/verify', { lgCode: LG, challengeId, code });
    if (email !== ADDRESS) return { challengeId, code: '', verify };
    const mail = await vi.waitFor(async () => {
      const all = await readPickedUpMail(pickupDir);
      if (all.length <= before) throw new Error('no mail yet');
      return all.at(-1);
    });
    return { challengeId, code: /\d{6}/.exec(mail?.text ?? '')?.[0] ?? '', verify, mail };
  }
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('registers an address only for a login of level 2 or more', async () => {
    const weak = await residentCookie(db, PERSON, 1);
    expect(status(await post('/api/v1/me/email', { email: ADDRESS }, weak))).toEqual([401, 'STEP_UP_REQUIRED']);
    const strong = await residentCookie(db, PERSON, 2);
    const invalid = await post('/api/v1/me/email', { email: 'not an address' }, strong);
    expect(status(invalid)).toEqual([400, 'VALIDATION_FAILED']);
    expect(invalid.body).not.toContain('not an address');
    expect((await post('/api/v1/me/email', { email: 'Hanako.Y@Example.JP' }, strong)).statusCode).toBe(204);
  });

  it('mails a code, logs in at level 1, and that login must step up for the access log', async () => {
    const { code, verify, mail } = await start();
    expect(mail?.to).toBe(ADDRESS);
    expect(mail?.subject).toBe('ログイン確認コード / Login code');
    expect(mail?.text).not.toContain(PERSON);
    const response = await verify(code);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ subjectKind: 'resident', assuranceLevel: 1, method: 'email-code' });
    const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    expect(status(await post('/api/v1/me/access-log', {}, cookie))).toEqual([401, 'STEP_UP_REQUIRED']);
    expect(status(await verify(code))).toEqual([401, 'CHALLENGE_REUSED']);
  });

  it('answers an unregistered address the same way, and mails nothing', async () => {
    const before = (await readPickedUpMail(pickupDir)).length;
    const { challengeId, verify } = await start('nobody@example.jp');
    expect(challengeId).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await verify('123456');
    expect([...status(refused), refused.json().error.details]).toEqual([401, 'LOGIN_FAILED', { attemptsLeft: 4 }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await readPickedUpMail(pickupDir)).length).toBe(before);
    const elsewhere = await post('/api/v1/auth/email-code/start', { lgCode: '131016', email: ADDRESS });
    expect(status(elsewhere)).toEqual([404, 'TENANT_NOT_FOUND']);
  });

  it('spends the challenge after five wrong codes', async () => {
    const { code, verify } = await start();
    for (let i = 0; i < 5; i++) expect(status(await verify(wrong(code)))).toEqual([401, 'LOGIN_FAILED']);
    expect(status(await verify(code))).toEqual([401, 'CHALLENGE_REUSED']);
  });

  it('refuses a code after it expired', async () => {
    const { challengeId, code, verify } = await start();
    await db.kysely
      .updateTable('auth_challenge')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('challenge_id', '=', challengeId)
      .execute();
    expect(status(await verify(code))).toEqual([401, 'CHALLENGE_EXPIRED']);
  });

  it('audits every answer', async () => {
    const rows = await (await sealedAudit(db.kysely))
      .selectFrom('audit_log')
      .select(['result', 'details'])
      .where('action', '=', 'identity.email-code-login')
      .execute();
    const codes = rows.map((r) => (r.result === 'allowed' ? 'allowed' : (r.details as { code: string }).code));
    expect(codes.sort()).toEqual(
      [
        'allowed',
        'CHALLENGE_REUSED',
        'LOGIN_FAILED',
        ...Array(5).fill('LOGIN_FAILED'),
        'CHALLENGE_REUSED',
        'CHALLENGE_EXPIRED',
      ].sort(),
    );
  });
});

describe('e-mail code login without a mailer', () => {
  it('answers 503 NOT_CONFIGURED', async () => {
    await withFreshApp(async (app) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/email-code/start',
        payload: { lgCode: LG, email: ADDRESS },
      });
      expect([response.statusCode, response.json().error.code]).toEqual([503, 'NOT_CONFIGURED']);
    });
  });
});

describe('the SMTP mailer', () => {
  it('hands the message to the server named by the URL', async () => {
    const received: string[] = [];
    // A minimal SMTP server on the loopback address: enough dialogue for one plain message.
    const replies: Record<string, string> = { DATA: '354 go ahead\r\n', QUIT: '221 bye\r\n' };
    const server = createServer((socket: Socket) => {
      let inData = false;
      socket.write('220 localhost ESMTP test\r\n');
      socket.on('data', (chunk) => {
        const text = chunk.toString('utf8');
        if (inData) {
          received.push(text);
          inData = !text.includes('\r\n.\r\n');
          if (!inData) socket.write('250 OK queued\r\n');
          return;
        }
        const verb = text.slice(0, 4).toUpperCase();
        inData = verb === 'DATA';
        socket.write(replies[verb] ?? '250 OK\r\n');
        if (verb === 'QUIT') socket.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const mailer = createMailer({ from: 'no-reply@city.example.jp', smtpUrl: `smtp://127.0.0.1:${port}` });
      await mailer.send({ to: ADDRESS, subject: 'ログイン確認コード / Login code', text: 'コード 123456' });
      const message = received.join('');
      expect(message).toContain(`To: ${ADDRESS}`);
      expect(message).toContain('Subject: =?UTF-8?');
    } finally {
      server.close();
    }
  });
});
