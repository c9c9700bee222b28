import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { madoguchi, serve, WORK_DIR } from './processes';

describe('the madoguchi command as a process', () => {
  let target: TestTarget;
  beforeEach(async () => {
    target = await createTestTarget({ migrated: false });
  });
  afterEach(async () => {
    await target.close();
  });

  it('prints its version and help, exit code 0', async () => {
    expect(await madoguchi(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = await madoguchi(['tenant', 'add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--lg-code <code>');
  });

  it('exits 2 for a wrong check digit, with one clear line and no stack trace', async () => {
    const result = await madoguchi(['tenant', 'add', '--lg-code', '000000', '--name', 'x', ...target.flags]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'madoguchi: INVALID_LG_CODE: --lg-code has a wrong check digit: the 6th digit should be 1\n',
    });
  });

  it('serves the demo municipality, and stops cleanly on SIGTERM', async () => {
    const { child, urls, done } = await serve(['--demo', ...target.flags]);
    const health = await fetch(urls.health ?? '');
    expect(health.status).toBe(200);
    const tenants = await fetch(new URL('/api/v1/tenants', urls.app)).then((r) => r.json());
    expect(tenants).toEqual({ items: [{ lgCode: '999997', name: 'デモ市' }] });
    expect((await fetch(urls.openapi ?? '')).status).toBe(200);
    // --demo signs the demo chain: its key is created in ./.madoguchi/keys of the working directory.
    expect(existsSync(path.join(WORK_DIR, '.madoguchi', 'keys', 'audit-999997.ed25519.pem'))).toBe(true);
    child.kill('SIGTERM');
    const finished = await done;
    expect(finished.code).toBe(0);
    const dataDir = target.flags[0] === '--data-dir' ? target.flags[1] : undefined;
    if (dataDir) expect(existsSync(`${dataDir}.lock`)).toBe(false);
    // The database is free again: a second command can use it at once.
    expect(await madoguchi(['tenant', 'list', '--json', ...target.flags])).toMatchObject({ code: 0 });
  });

  it('refuses a bad port before touching the database', async () => {
    const result = await madoguchi(['serve', '--port', '70000', ...target.flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'madoguchi: INVALID_ARGUMENT: --port must be a whole number from 0 to 65535 (got "70000")\n',
    );
  });

  it('refuses a bad pool size, from the flag or the environment, before touching the database', async () => {
    const flag = await madoguchi(['serve', '--db-pool-size', '0', ...target.flags]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe(
      'madoguchi: INVALID_ARGUMENT: --db-pool-size must be a whole number from 1 to 100 (got "0")\n',
    );
    const env = await madoguchi(['serve', ...target.flags], { env: { MADOGUCHI_DB_POOL_SIZE: 'many' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('--db-pool-size must be a whole number from 1 to 100 (got "many")');
  });
});
