import { sql } from 'kysely';
import type { Database } from './database';
import { getMigrationStatus } from './migrator';

export interface Readiness {
  readonly ready: boolean;
  readonly reason?: 'DATABASE_UNREACHABLE' | 'SCHEMA_NOT_MIGRATED' | 'MIGRATION_MISMATCH';
}

/** Ready means: the database answers and every migration this code knows is applied. */
export async function checkReadiness(db: Database): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db.kysely);
  } catch {
    return { ready: false, reason: 'DATABASE_UNREACHABLE' };
  }
  try {
    const status = await getMigrationStatus(db);
    return status.pending.length === 0 ? { ready: true } : { ready: false, reason: 'SCHEMA_NOT_MIGRATED' };
  } catch {
    return { ready: false, reason: 'MIGRATION_MISMATCH' };
  }
}
