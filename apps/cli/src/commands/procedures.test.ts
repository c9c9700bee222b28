import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CATALOG_DIR } from '@madoguchi/core';
import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/memory-io';
import { EXIT } from '../exit-codes';

describe('madoguchi procedures', () => {
  let target: TestTarget;
  let dir: string;
  beforeEach(async () => {
    target = await createTestTarget();
    dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-procedures-'));
    await cli('tenant', 'add', '--lg-code', '999997', '--name', 'デモ市');
  });
  afterEach(async () => {
    await target.close();
  });

  const cli = (...args: string[]) => runCli(target.flags, args);

  it('publishes the standard catalog once, lists it, and publishes nothing the second time', async () => {
    const first = JSON.parse((await cli('procedures', 'sync', '--lg-code', '999997', '--json')).out);
    expect(first.items.length).toBeGreaterThanOrEqual(12);
    expect(first.items.every((i: { published: boolean }) => i.published)).toBe(true);
    const again = await cli('procedures', 'sync', '--lg-code', '999997');
    expect(again.out).toContain('child-allowance');
    expect(again.out).toContain('unchanged');
    const list = await cli('procedures', 'list', '--lg-code', '999997');
    expect(list.out).toContain('児童手当 認定請求');
  });

  it('publishes a changed definition as version 2 and retires a procedure', async () => {
    await cli('procedures', 'sync', '--lg-code', '999997');
    const definition = JSON.parse(await readFile(path.join(CATALOG_DIR, 'road-damage-report.json'), 'utf8'));
    const file = path.join(dir, 'road.json');
    await writeFile(file, JSON.stringify({ ...definition, processingDays: 3 }));
    expect(await cli('procedures', 'publish', file, '--lg-code', '999997')).toMatchObject({
      code: EXIT.OK,
      out: 'published road-damage-report version 2\n',
    });
    expect((await cli('procedures', 'retire', 'road-damage-report', '--lg-code', '999997')).code).toBe(EXIT.OK);
    expect((await cli('procedures', 'list', '--lg-code', '999997')).out).not.toContain('road-damage-report');
  });

  it('refuses a wrong definition with every problem by path, and a broken file by line and column (exit 2)', async () => {
    const definition = JSON.parse(await readFile(path.join(CATALOG_DIR, 'road-damage-report.json'), 'utf8'));
    const wrong = path.join(dir, 'wrong.json');
    await writeFile(wrong, JSON.stringify({ ...definition, department: 'parks', processingDays: 0 }));
    const refused = await cli('procedures', 'publish', wrong, '--lg-code', '999997');
    expect(refused.code).toBe(EXIT.INVALID_INPUT);
    expect(refused.err).toContain('(department)');
    expect(refused.err).toContain('(processingDays)');
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{\n  "id": "x",\n  oops\n}');
    const syntax = await cli('procedures', 'publish', broken, '--lg-code', '999997');
    expect(syntax.code).toBe(EXIT.INVALID_INPUT);
    expect(syntax.err).toContain('line 3');
    expect(syntax.err).not.toContain('oops');
    expect((await cli('procedures', 'list', '--lg-code', '999997', '--json')).out).toContain('"items": []');
  });
});
