import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseError } from '../errors';
import { lockDataDir } from './pglite-lock';

describe('lockDataDir', () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second holder of the same data directory, and frees it on release', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-lock-'));
    const dataDir = path.join(dir, 'db');
    const release = await lockDataDir(dataDir);
    const second = lockDataDir(dataDir);
    await expect(second).rejects.toBeInstanceOf(DatabaseError);
    await expect(lockDataDir(dataDir)).rejects.toMatchObject({ code: 'DATABASE_IN_USE' });
    await release();
    const again = await lockDataDir(dataDir);
    await again();
  });

  it('takes over a lock left by a process that has died', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-lock-'));
    const dataDir = path.join(dir, 'db');
    // PID 2^22+1 is above Linux's default pid_max, so no process has it.
    await writeFile(`${dataDir}.lock`, String(4_194_305));
    const release = await lockDataDir(dataDir);
    await release();
  });
});
