import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { operatorActor, systemActor } from '../../actor';
import { verifyAuditChain } from '../../audit';
import { addTenant } from '../../tenants';
import { verifyPassword } from './password';
import { authenticateStaff, createStaffAccount } from './staff.service';
import type { AuthenticateStaffInput, CreatedStaffAccount } from './staff.types';
import { LOGIN_FAILED_MESSAGE } from './staff-login';
import { generateTotp } from './totp';

// A spy that still verifies, to see how many hashes a refused login costs.
vi.mock('./password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./password')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const LG = '999997';
const PASSWORD = 'correct horse battery staple';
const WRONG_PASSWORD = 'incorrect donkey battery staple';
/** Mid-step, so ±1 step is unambiguous. */
const T0 = new Date('2026-12-01T09:00:15Z');
const MINUTE = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('staff accounts', () => {
  let db: Database;
  let account: CreatedStaffAccount;
  const admin = operatorActor('admin', 'account-administration');

  beforeEach(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    account = await createStaffAccount(db, admin, {
      lgCode: LG,
      staffId: 's0001',
      loginName: 'tanaka',
      password: PASSWORD,
      roles: ['counter-clerk'],
      departments: ['市民課'],
    });
    vi.mocked(verifyPassword).mockClear();
  });
  afterEach(async () => {
    await db.close();
  });

  const code = (now: Date) => generateTotp(account.totpSecret, now);
  /** A code matching none of the steps the window accepts at `now`. */
  const wrongCode = (now: Date) => {
    const valid = new Set([-30_000, 0, 30_000].map((offset) => code(new Date(now.getTime() + offset))));
    let candidate = Number(code(now));
    while (valid.has(String(candidate).padStart(6, '0'))) candidate = (candidate + 1) % 1_000_000;
    return String(candidate).padStart(6, '0');
  };
  const login = (input: Partial<AuthenticateStaffInput> = {}) => {
    const now = input.now ?? T0;
    return authenticateStaff(db, {
      lgCode: LG,
      loginName: 'tanaka',
      password: PASSWORD,
      totpCode: code(now),
      now,
      ...input,
    });
  };
  const wrongPassword = (now: Date = T0) => login({ now, password: WRONG_PASSWORD });
  const stored = () =>
    db.kysely
      .selectFrom('staff_account')
      .selectAll()
      .where('lg_code', '=', LG)
      .where('staff_id', '=', 's0001')
      .executeTakeFirstOrThrow();
  const loginAudit = async () =>
    (await sealedAudit(db.kysely))
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'identity.staff.login')
      .orderBy('seq')
      .execute();
  const loginFailed = { code: 'LOGIN_FAILED', message: LOGIN_FAILED_MESSAGE };

  it('creates an account and logs in with the password and a TOTP code', async () => {
    expect(account.staffId).toBe('s0001');
    expect(account.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(account.totpUri).toBe(
      `otpauth://totp/Madoguchi:tanaka?issuer=Madoguchi&secret=${account.totpSecret}&algorithm=SHA1&digits=6&period=30`,
    );
    const row = await stored();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row).toMatchObject({ login_name: 'tanaka', totp_secret: account.totpSecret, roles: ['counter-clerk'] });
    // Login names are compared case-insensitively, also when typed full-width.
    expect(await login({ loginName: ' Ｔａｎａｋａ ' })).toEqual({
      staffId: 's0001',
      roles: ['counter-clerk'],
      departments: ['市民課'],
    });
  });

  it('refuses a wrong password, a wrong code, an unknown name or a disabled account with one message', async () => {
    await expect(wrongPassword()).rejects.toMatchObject(loginFailed);
    await expect(login({ totpCode: wrongCode(T0) })).rejects.toMatchObject(loginFailed);
    await expect(login({ loginName: 'suzuki' })).rejects.toMatchObject(loginFailed);
    await expect(login({ loginName: 'x' })).rejects.toMatchObject(loginFailed);
    await db.kysely.updateTable('staff_account').set({ disabled_at: T0 }).execute();
    await expect(login({ now: at(MINUTE) })).rejects.toMatchObject(loginFailed);
    const rows = await loginAudit();
    expect(rows.map((r) => [r.actor_id, r.result, r.details.reason])).toEqual([
      ['s0001', 'denied', 'wrong-password'],
      ['s0001', 'denied', 'wrong-totp'],
      ['unknown', 'denied', 'unknown-login'],
      ['unknown', 'denied', 'unknown-login'],
      ['s0001', 'denied', 'disabled'],
    ]);
  });

  it('spends one password verification on an unknown or disabled account, as on a real one', async () => {
    const spent = async (attempt: Promise<unknown>) => {
      vi.mocked(verifyPassword).mockClear();
      await attempt.catch(() => undefined);
      return vi.mocked(verifyPassword).mock.calls.map(([phc]) => phc.split('$').slice(0, 4).join('$'));
    };
    const cost = ['$argon2id$v=19$m=19456,t=2,p=1'];
    expect(await spent(wrongPassword())).toEqual(cost);
    expect(await spent(login({ loginName: 'suzuki' }))).toEqual(cost);
    await db.kysely.updateTable('staff_account').set({ disabled_at: T0 }).execute();
    expect(await spent(login())).toEqual(cost);
  });

  it('refuses a TOTP code that was already used', async () => {
    await login();
    await expect(login({ now: at(10_000), totpCode: code(T0) })).rejects.toMatchObject(loginFailed);
    expect((await loginAudit()).at(-1)?.details).toEqual({ reason: 'totp-reused', failedAttempts: 1 });
    await expect(login({ now: at(30_000) })).resolves.toMatchObject({ staffId: 's0001' });
  });

  it('locks the account for 15 minutes after 5 consecutive failures, even against the right password', async () => {
    for (let i = 1; i <= 4; i++) await expect(wrongPassword(at(i * 1000))).rejects.toMatchObject(loginFailed);
    const lockedUntil = at(5000 + 15 * MINUTE).toISOString();
    await expect(wrongPassword(at(5000))).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil } });
    await expect(login({ now: at(14 * MINUTE) })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { lockedUntil },
    });
    expect(await stored()).toMatchObject({ failed_attempts: 5, locked_until: new Date(lockedUntil) });
    await expect(login({ now: at(5000 + 15 * MINUTE) })).resolves.toMatchObject({ staffId: 's0001' });
    expect(await stored()).toMatchObject({ failed_attempts: 0, locked_until: null });
    const reasons = (await loginAudit()).map((r) => [
      r.result,
      r.details.reason ?? null,
      r.details.lockedUntil ?? null,
    ]);
    expect(reasons.slice(3)).toEqual([
      ['denied', 'wrong-password', null],
      ['denied', 'wrong-password', lockedUntil],
      ['denied', 'locked', lockedUntil],
      ['allowed', null, null],
    ]);
  });

  it('locks again at the first failure after a lock ends, until a login succeeds', async () => {
    for (let i = 1; i <= 5; i++) await wrongPassword(at(i * 1000)).catch(() => undefined);
    await expect(wrongPassword(at(20 * MINUTE))).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { lockedUntil: at(35 * MINUTE).toISOString() },
    });
    expect((await stored()).failed_attempts).toBe(6);
  });

  it('resets the failure count when a login succeeds', async () => {
    for (let i = 1; i <= 4; i++) await wrongPassword(at(i * 1000)).catch(() => undefined);
    await login({ now: at(MINUTE) });
    for (let i = 1; i <= 4; i++) await expect(wrongPassword(at(2 * MINUTE + i))).rejects.toMatchObject(loginFailed);
    expect(await stored()).toMatchObject({ failed_attempts: 4, locked_until: null });
  });

  it('counts concurrent failures without losing any', async () => {
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => wrongPassword()));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'allowed'));
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(3);
    expect((await stored()).failed_attempts).toBe(5);
    expect(await loginAudit()).toHaveLength(7);
  });

  it('audits every attempt, allowed or denied, without the login name or the password', async () => {
    await login();
    await expect(wrongPassword(at(MINUTE))).rejects.toMatchObject(loginFailed);
    await expect(login({ loginName: 'suzuki', password: WRONG_PASSWORD, now: at(2 * MINUTE) })).rejects.toMatchObject(
      loginFailed,
    );
    const rows = await loginAudit();
    expect(rows.map((r) => [r.actor_kind, r.actor_id, r.purpose, r.result, r.details])).toEqual([
      ['staff', 's0001', 'authentication', 'allowed', { method: 'password-totp' }],
      ['staff', 's0001', 'authentication', 'denied', { reason: 'wrong-password', failedAttempts: 1 }],
      ['staff', 'unknown', 'authentication', 'denied', { reason: 'unknown-login' }],
    ]);
    expect(rows.map((r) => r.occurred_at)).toEqual([T0, at(MINUTE), at(2 * MINUTE)]);
    for (const row of rows) {
      const text = JSON.stringify({ ...row, prev_hash: null, hash: null });
      for (const secret of [PASSWORD, WRONG_PASSWORD, 'tanaka', 'suzuki', account.totpSecret]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(await verifyAuditChain(db.kysely, LG)).toMatchObject({ ok: true });
  });

  it('audits the creation of an account', async () => {
    const rows = await (await sealedAudit(db.kysely))
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'identity.staff.create')
      .execute();
    expect(rows.map((r) => [r.actor_kind, r.actor_id, r.purpose, r.result, r.details])).toEqual([
      [
        'operator',
        'admin',
        'account-administration',
        'allowed',
        { staffId: 's0001', roles: ['counter-clerk'], departments: ['市民課'] },
      ],
    ]);
  });

  it('refuses a login name or staff id already used in the municipality', async () => {
    const input = { lgCode: LG, password: 'another long passphrase', roles: [], departments: [] };
    await expect(
      createStaffAccount(db, admin, { ...input, staffId: 's0002', loginName: 'TANAKA' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'login name tanaka is already used in municipality 999997: choose another',
      details: { field: 'loginName' },
    });
    await expect(
      createStaffAccount(db, admin, { ...input, staffId: 's0001', loginName: 'sato' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'staffId' },
    });
    const accounts = await db.kysely.selectFrom('staff_account').select('staff_id').execute();
    expect(accounts).toEqual([{ staff_id: 's0001' }]);
  });

  it('validates ids, names, labels, the password and the municipality before writing', async () => {
    const input = {
      lgCode: LG,
      staffId: 's0002',
      loginName: 'sato',
      password: 'another long passphrase',
      roles: ['counter-clerk'],
      departments: ['税務課'],
    };
    const cases: Array<[Partial<typeof input>, object]> = [
      [{ staffId: 'S2' }, { code: 'VALIDATION_FAILED', details: { field: 'staffId' } }],
      [{ staffId: '-s0002' }, { code: 'VALIDATION_FAILED', details: { field: 'staffId' } }],
      [{ loginName: 'sa' }, { code: 'VALIDATION_FAILED', details: { field: 'loginName' } }],
      [{ loginName: 'さとう' }, { code: 'VALIDATION_FAILED', details: { field: 'loginName' } }],
      [{ password: 'short' }, { code: 'VALIDATION_FAILED', details: { field: 'password', rule: 'min-length' } }],
      [
        { password: 'sato-no-passphrase' },
        { code: 'VALIDATION_FAILED', details: { field: 'password', rule: 'context' } },
      ],
      [{ roles: [' '] }, { code: 'VALIDATION_FAILED', details: { field: 'roles' } }],
      [{ departments: ['課\u0000'] }, { code: 'VALIDATION_FAILED', details: { field: 'departments' } }],
      [{ lgCode: '131130' }, { code: 'TENANT_NOT_FOUND' }],
      [{ lgCode: '131131' }, { code: 'INVALID_LG_CODE' }],
    ];
    for (const [change, error] of cases) {
      await expect(createStaffAccount(db, admin, { ...input, ...change })).rejects.toMatchObject(error);
    }
    expect(await db.kysely.selectFrom('staff_account').select('staff_id').execute()).toHaveLength(1);
  });

  it('refuses a login to a municipality that is not added', async () => {
    await expect(login({ lgCode: '131130' })).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
  });
});
