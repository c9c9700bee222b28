import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openPglite } from '../engines/open-pglite';
import { adminQuery } from './admin';

export interface TestTarget {
  /** Command-line flags that point a `madoguchi` command at this database. */
  readonly flags: readonly string[];
  close(): Promise<void>;
}

/**
 * A database for command-line tests, addressed the way a user would address it: a data
 * directory on disk (PGlite) or a URL (PostgreSQL). Copied from the run's templates.
 */
export async function createTestTarget(options: { migrated?: boolean } = {}): Promise<TestTarget> {
  const migrated = options.migrated ?? true;
  const setup = inject('madoguchiTestDb');
  if (setup.engine === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-cli-'));
    const dataDir = path.join(dir, 'db');
    const dump = new Blob([await readFile(migrated ? setup.migratedDump : setup.emptyDump)]);
    const db = await openPglite({ dataDir, loadDataDir: dump });
    await db.close();
    return {
      flags: ['--data-dir', dataDir],
      close: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `madoguchi_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(
    setup.adminUrl,
    `create database "${name}" template "${migrated ? setup.migratedTemplate : setup.emptyTemplate}"`,
  );
  const url = new URL(setup.adminUrl);
  url.pathname = `/${name}`;
  return {
    flags: ['--database-url', url.toString()],
    close: () => adminQuery(setup.adminUrl, `drop database if exists "${name}" with (force)`),
  };
}
