export { type Database, type DatabaseSession, type Engine, type OpenDatabaseOptions, openDatabase } from './database';
export { checkServiceRole, type RoleWarning } from './database-role';
export {
  type DatabaseTarget,
  type DatabaseTargetOptions,
  DEFAULT_DATA_DIR,
  describeDatabaseTarget,
  resolveDatabaseTarget,
} from './database-target';
export { DEFAULT_POOL_SIZE } from './engines/open-postgres';
export { DatabaseError, type DatabaseErrorCode } from './errors';
export {
  APP_ROLE,
  getMigrationStatus,
  type MigrateOptions,
  type MigrateResult,
  type MigrationFile,
  type MigrationStatus,
  migrate,
  readMigrations,
} from './migrator';
export { checkReadiness, type Readiness } from './readiness';
export type { AuditLogTable, DB, SessionMethod, TenantTable } from './schema';
export type {
  ApplicationDocumentKind,
  ApplicationEventKind,
  ApplicationStatus,
} from './schema-procedures';
export { type ServerErrorSummary, summarizeServerError } from './server-error';
export { findTenantKeyViolations, GLOBAL_TABLES, type TenantKeyViolation } from './tenant-key-invariant';
