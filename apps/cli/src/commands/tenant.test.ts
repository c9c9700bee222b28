import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo, runCli } from '../../test/memory-io';
import { EXIT } from '../exit-codes';
import { run } from '../run';

describe('madoguchi tenant', () => {
  let target: TestTarget;
  beforeEach(async () => {
    target = await createTestTarget();
  });
  afterEach(async () => {
    await target.close();
  });

  const cli = (...args: string[]) => runCli(target.flags, args);

  it('adds a municipality and lists it, as text and as JSON', async () => {
    expect(await cli('tenant', 'add', '--lg-code', '131130', '--name', '渋谷区')).toMatchObject({
      code: EXIT.OK,
      out: 'added 131130 渋谷区\n',
    });
    const text = await cli('tenant', 'list');
    expect(text.out).toMatch(/^LG_CODE {2}NAME {4}ADDED\n131130 {3}渋谷区 {2}\d{4}-/);
    const json = await cli('tenant', 'list', '--json');
    expect(JSON.parse(json.out)).toEqual({
      items: [{ lgCode: '131130', name: '渋谷区', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }],
    });
  });

  it('refuses a wrong check digit with exit code 2, says which option, and writes nothing', async () => {
    const result = await cli('tenant', 'add', '--lg-code', '131131', '--name', '渋谷区');
    expect(result).toEqual({
      code: EXIT.INVALID_INPUT,
      out: '',
      err: 'madoguchi: INVALID_LG_CODE: --lg-code has a wrong check digit: the 6th digit should be 0\n',
    });
    expect(JSON.parse((await cli('tenant', 'list', '--json')).out)).toEqual({ items: [] });
  });

  it('reports a duplicate as a conflict, in JSON too, unless --if-not-exists', async () => {
    await cli('tenant', 'add', '--lg-code', '999997', '--name', 'デモ市');
    const again = await cli('tenant', 'add', '--lg-code', '999997', '--name', 'デモ市', '--json');
    expect(again.code).toBe(EXIT.CONFLICT);
    expect(JSON.parse(again.out)).toEqual({
      error: { code: 'TENANT_EXISTS', message: 'municipality 999997 is already added', details: { lgCode: '999997' } },
    });
    const ensured = await cli('tenant', 'add', '--lg-code', '999997', '--name', 'デモ市', '--if-not-exists', '--json');
    expect([ensured.code, JSON.parse(ensured.out).created]).toEqual([EXIT.OK, false]);
  });

  it('explains a missing option and an unknown command with exit code 2', async () => {
    const missing = await cli('tenant', 'add', '--name', 'x');
    expect(missing.code).toBe(EXIT.INVALID_INPUT);
    expect(missing.err).toContain("required option '--lg-code <code>' not specified");
    const unknown = await cli('tenant', 'remove');
    expect(unknown.code).toBe(EXIT.INVALID_INPUT);
  });

  it('says when no municipality is there yet', async () => {
    expect((await cli('tenant', 'list')).out).toContain('no municipalities yet');
  });
});

describe('madoguchi database options', () => {
  it('refuses --data-dir together with --database-url', async () => {
    const io = memoryIo();
    const code = await run(['tenant', 'list', '--data-dir', 'x', '--database-url', 'postgres://h/d'], io);
    expect(code).toBe(EXIT.INVALID_INPUT);
    expect(io.err()).toContain('DATABASE_TARGET_CONFLICT');
  });

  it('reports an unreachable server with exit code 5, without the password', async () => {
    const io = memoryIo();
    const code = await run(['tenant', 'list', '--database-url', 'postgres://u:topsecret@127.0.0.1:1/db'], io);
    expect(code).toBe(EXIT.DATABASE_UNAVAILABLE);
    expect(io.err()).toMatch(/^madoguchi: DATABASE_UNREACHABLE: cannot connect to the PostgreSQL server/);
    expect(io.err()).not.toContain('topsecret');
  });
});
