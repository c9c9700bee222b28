import { readMigrations } from '@madoguchi/db';
import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/memory-io';
import { EXIT } from '../exit-codes';

describe('madoguchi db', () => {
  let target: TestTarget;
  beforeEach(async () => {
    target = await createTestTarget({ migrated: false });
  });
  afterEach(async () => {
    await target.close();
  });

  const cli = (...args: string[]) => runCli(target.flags, args);

  it('shows pending migrations, applies them, then is up to date', async () => {
    const files = (await readMigrations()).map((m) => m.fileName);
    const before = await cli('db', 'status', '--json');
    expect(JSON.parse(before.out)).toMatchObject({ applied: [], pending: files });
    const migrated = await cli('db', 'migrate', '--json');
    expect(migrated.code).toBe(EXIT.OK);
    expect(JSON.parse(migrated.out)).toMatchObject({ applied: files });
    const again = await cli('db', 'migrate');
    expect(again.out).toMatch(/: up to date\n$/);
    const after = await cli('db', 'status', '--json');
    expect(JSON.parse(after.out)).toMatchObject({ pending: [] });
  });

  it('tells a command on an unmigrated database what to do', async () => {
    const result = await cli('tenant', 'list');
    expect(result).toEqual({
      code: EXIT.DATABASE_UNAVAILABLE,
      out: '',
      err: `madoguchi: SCHEMA_NOT_MIGRATED: the database has ${(await readMigrations()).length} pending migration(s); run \`madoguchi db migrate\` first\n`,
    });
  });
});
