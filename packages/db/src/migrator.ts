import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database';
import { DatabaseError } from './errors';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
export const GRANTS_FILE = fileURLToPath(new URL('../grants.sql', import.meta.url));
export const APP_ROLE = 'madoguchi_app';

const FILE_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;
/** Any number, so that two migrators on one server never run at once. */
const MIGRATION_LOCK_KEY = 7_302_025;

export interface MigrationFile {
  readonly version: string;
  readonly name: string;
  readonly fileName: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly MigrationFile[];
}

export interface MigrateResult {
  readonly applied: readonly MigrationFile[];
  /** Whether the app role existed and was granted its privileges (PostgreSQL only). */
  readonly appRole: 'granted' | 'missing';
}

export interface MigrateOptions {
  readonly migrationsDir?: string;
  readonly onProgress?: (done: number, total: number, migration: MigrationFile) => void;
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (fileName) => {
      const match = FILE_NAME.exec(fileName);
      if (!match) {
        throw new DatabaseError(
          'MIGRATION_FAILED',
          `migration file ${fileName} is not named YYYYMMDDHHMMSS_snake_case_name.sql`,
          { file: fileName },
        );
      }
      const text = await readFile(`${dir}/${fileName}`, 'utf8');
      return {
        version: match[1] as string,
        name: match[2] as string,
        fileName,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    }),
  );
}

const BOOTSTRAP = `
CREATE TABLE IF NOT EXISTS schema_migration (
  version    text        NOT NULL,
  name       text        NOT NULL,
  checksum   text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT schema_migration_pkey PRIMARY KEY (version)
);
COMMENT ON TABLE schema_migration IS 'SQL migrations applied to this database (global, not tenant-scoped).';
COMMENT ON COLUMN schema_migration.version IS 'The migration''s timestamp, from its file name.';
COMMENT ON COLUMN schema_migration.name IS 'The migration''s name, from its file name.';
COMMENT ON COLUMN schema_migration.checksum IS 'SHA-256 of the file as applied; a changed file is refused.';
COMMENT ON COLUMN schema_migration.applied_at IS 'When the migration was applied.';
`;

/** Applies every pending migration in one transaction under an advisory lock. */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = await readMigrations(options.migrationsDir);
  const grants = await readFile(GRANTS_FILE, 'utf8');
  return db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql.raw(BOOTSTRAP).execute(trx);
    const rows = await trx.selectFrom('schema_migration').select(['version', 'checksum']).execute();
    const pending = compare(files, rows);
    let done = 0;
    for (const file of pending) {
      try {
        await sql.raw(file.sql).execute(trx);
      } catch (error) {
        throw migrationFailed(file, error);
      }
      await trx
        .insertInto('schema_migration')
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
      done += 1;
      options.onProgress?.(done, pending.length, file);
    }
    await sql.raw(grants).execute(trx);
    const role = await sql<{
      exists: boolean;
    }>`select exists (select 1 from pg_roles where rolname = ${APP_ROLE}) as exists`.execute(trx);
    return { applied: pending, appRole: role.rows[0]?.exists ? 'granted' : 'missing' };
  });
}

/** What is applied and what is pending, without changing anything. */
export async function getMigrationStatus(db: Database, migrationsDir?: string): Promise<MigrationStatus> {
  const files = await readMigrations(migrationsDir);
  const exists = await sql<{ exists: boolean }>`select to_regclass('schema_migration') is not null as exists`.execute(
    db.kysely,
  );
  const rows = exists.rows[0]?.exists
    ? await db.kysely.selectFrom('schema_migration').select(['version', 'checksum']).orderBy('version').execute()
    : [];
  return { applied: rows.map((row) => row.version), pending: compare(files, rows) };
}

function compare(
  files: readonly MigrationFile[],
  rows: ReadonlyArray<{ version: string; checksum: string }>,
): MigrationFile[] {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  for (const row of rows) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new DatabaseError(
        'MIGRATION_UNKNOWN',
        `the database has migration ${row.version}, which this version of Madoguchi does not know; is the database newer than the code?`,
        { version: row.version },
      );
    }
    if (file.checksum !== row.checksum) {
      throw new DatabaseError(
        'MIGRATION_CHANGED',
        `migration ${file.fileName} was changed after it was applied; add a new migration instead of editing an applied one`,
        { file: file.fileName },
      );
    }
  }
  const applied = new Set(rows.map((row) => row.version));
  return files.filter((file) => !applied.has(file.version));
}

/** Turns the server's error into one that names the file, line and column. */
function migrationFailed(file: MigrationFile, error: unknown): DatabaseError {
  const reason = error instanceof Error ? error.message : String(error);
  const position = Number((error as { position?: string }).position);
  const details: Record<string, unknown> = { file: file.fileName };
  let where = file.fileName;
  if (Number.isInteger(position) && position > 0) {
    const before = [...file.sql]
      .slice(0, position - 1)
      .join('')
      .split('\n');
    details.line = before.length;
    details.column = (before.at(-1)?.length ?? 0) + 1;
    where += `:${details.line}:${details.column}`;
  }
  return new DatabaseError('MIGRATION_FAILED', `migration ${where} failed: ${reason}`, details);
}
