import {
  type Database,
  DatabaseError,
  type DatabaseTarget,
  describeDatabaseTarget,
  getMigrationStatus,
  openDatabase,
  resolveDatabaseTarget,
} from '@madoguchi/db';
import type { Command } from 'commander';
import type { Io } from './io';

export interface DatabaseFlags {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
}

/** Adds --data-dir / --database-url to every command that touches the database. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded database directory (default ./.madoguchi/db, or MADOGUCHI_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL server URL (or DATABASE_URL); prefer the variable: flags show in ps');
}

export function targetOf(flags: DatabaseFlags, io: Io): DatabaseTarget {
  return resolveDatabaseTarget(flags, io.env, io.cwd);
}

/**
 * Opens the database, runs `work`, and always closes it (PGlite must release its lock).
 * Unless told otherwise, refuses a database whose schema is behind the code.
 */
export async function withDatabase<T>(
  flags: DatabaseFlags,
  io: Io,
  work: (db: Database) => Promise<T>,
  options: { requireMigrated?: boolean } = {},
): Promise<T> {
  const db = await openDatabase(targetOf(flags, io), { applicationName: 'madoguchi-cli' });
  try {
    if (options.requireMigrated ?? true) await assertMigrated(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

export { describeDatabaseTarget };

async function assertMigrated(db: Database): Promise<void> {
  const status = await getMigrationStatus(db);
  if (status.pending.length > 0) {
    throw new DatabaseError(
      'SCHEMA_NOT_MIGRATED',
      `the database has ${status.pending.length} pending migration(s); run \`madoguchi db migrate\` first`,
      { pending: status.pending.map((m) => m.fileName) },
    );
  }
}
