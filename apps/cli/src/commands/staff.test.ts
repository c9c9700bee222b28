import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/memory-io';
import { EXIT } from '../exit-codes';

describe('madoguchi staff add', () => {
  let target: TestTarget;
  beforeEach(async () => {
    target = await createTestTarget();
    await runCli(target.flags, ['tenant', 'add', '--lg-code', '999997', '--name', 'デモ市']);
  });
  afterEach(async () => {
    await target.close();
  });

  const add = (stdin: string, ...extra: string[]) =>
    runCli(
      target.flags,
      [
        'staff',
        'add',
        '--lg-code',
        '999997',
        '--staff-id',
        's-0001',
        '--login-name',
        'yamada',
        '--roles',
        'counter-clerk',
        ...extra,
      ],
      stdin,
    );

  it('creates an account from a password on standard input and prints the TOTP URI once', async () => {
    const result = await add('correct horse battery staple 7\n', '--json');
    expect(result.code).toBe(EXIT.OK);
    expect(JSON.parse(result.out)).toMatchObject({
      staffId: 's-0001',
      totpUri: expect.stringMatching(/^otpauth:\/\/totp\/Madoguchi:/),
    });
    expect(result.out).not.toContain('correct horse');
  });

  it('refuses a missing or weak password with exit code 2', async () => {
    expect((await add('')).err).toContain('give the password on standard input');
    const weak = await add('password123\n');
    expect(weak.code).toBe(EXIT.INVALID_INPUT);
    expect(weak.err).toMatch(/^madoguchi: VALIDATION_FAILED: /);
  });
});
