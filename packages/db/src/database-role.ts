import { sql } from 'kysely';
import type { Database } from './database';
import { APP_ROLE } from './migrator';

export interface RoleWarning {
  readonly code: 'CONNECTED_AS_SUPERUSER' | 'CONNECTED_AS_SCHEMA_OWNER';
  readonly message: string;
}

/**
 * Insecure configuration must be loud: on a PostgreSQL server the service should run as
 * a member of the app role, not as a superuser or as the owner of the schema.
 */
export async function checkServiceRole(db: Database): Promise<RoleWarning[]> {
  if (db.engine !== 'postgres') return [];
  const result = await sql<{ user_name: string; superuser: boolean; owns_tables: boolean }>`
    select current_user as user_name,
      (select rolsuper from pg_roles where rolname = current_user) as superuser,
      exists (select 1 from pg_tables where schemaname = 'public' and tableowner = current_user) as owns_tables`.execute(
    db.kysely,
  );
  const row = result.rows[0];
  if (!row) return [];
  const warnings: RoleWarning[] = [];
  if (row.superuser) {
    warnings.push({
      code: 'CONNECTED_AS_SUPERUSER',
      message: `the service is connected to PostgreSQL as superuser "${row.user_name}"; in production connect as a login role that is a member of ${APP_ROLE}`,
    });
  } else if (row.owns_tables) {
    warnings.push({
      code: 'CONNECTED_AS_SCHEMA_OWNER',
      message: `the service is connected as "${row.user_name}", which owns the schema; in production connect as a member of ${APP_ROLE}`,
    });
  }
  return warnings;
}
