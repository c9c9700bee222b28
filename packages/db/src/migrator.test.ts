import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { getMigrationStatus, MIGRATIONS_DIR, migrate, readMigrations } from './migrator';
import { createTestDatabase } from './testing';

describe('migrate', () => {
  let db: Database;
  let dir: string;

  beforeEach(async () => {
    db = await createTestDatabase({ migrated: false });
    dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const tableExists = async (name: string) =>
    (await sql<{ e: boolean }>`select to_regclass(${name}) is not null as e`.execute(db.kysely)).rows[0]?.e;

  it('applies every migration once, reports progress, and is a no-op the second time', async () => {
    const files = await readMigrations();
    const progress: number[] = [];
    const first = await migrate(db, { onProgress: (done) => progress.push(done) });
    expect(first.applied.map((m) => m.version)).toEqual(files.map((m) => m.version));
    expect(progress).toEqual(files.map((_, i) => i + 1));
    expect(await tableExists('tenant')).toBe(true);
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    const status = await getMigrationStatus(db);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(files.map((m) => m.version));
  });

  it('reports pending migrations before they run', async () => {
    const status = await getMigrationStatus(db);
    expect(status.applied).toEqual([]);
    expect(status.pending.length).toBeGreaterThan(0);
  });

  it('names file, line and column of a broken migration and leaves nothing half-written', async () => {
    await writeFile(
      path.join(dir, '29991231000000_broken.sql'),
      'CREATE TABLE half_written (lg_code text PRIMARY KEY);\n\nSELECT 1 FROM;\n',
    );
    const error = await migrate(db, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'MIGRATION_FAILED',
      details: { file: '29991231000000_broken.sql', line: 3, column: 14 },
    });
    expect((error as Error).message).toMatch(/^migration 29991231000000_broken\.sql:3:14 failed: syntax error/);
    // One transaction: the good migrations before it are rolled back too.
    expect(await tableExists('half_written')).toBe(false);
    expect(await tableExists('tenant')).toBe(false);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    await migrate(db, { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first?.fileName ?? ''), `${first?.sql}\n-- edited\n`);
    await expect(migrate(db, { migrationsDir: dir })).rejects.toMatchObject({ code: 'MIGRATION_CHANGED' });
  });

  it('refuses a database that has a migration the code does not know', async () => {
    await migrate(db, { migrationsDir: dir });
    await sql`insert into schema_migration (version, name, checksum) values ('29990101000000', 'future', 'x')`.execute(
      db.kysely,
    );
    await expect(migrate(db, { migrationsDir: dir })).rejects.toMatchObject({ code: 'MIGRATION_UNKNOWN' });
    await expect(getMigrationStatus(db, dir)).rejects.toMatchObject({ code: 'MIGRATION_UNKNOWN' });
  });

  it('refuses a badly named migration file', async () => {
    await writeFile(path.join(dir, 'add-things.sql'), 'select 1;');
    await expect(readMigrations(dir)).rejects.toThrow(
      /add-things\.sql is not named YYYYMMDDHHMMSS_snake_case_name\.sql/,
    );
  });
});
