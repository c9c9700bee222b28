/**
 * Errors of the data layer that a user can act on. Each has a stable code; the message
 * never contains personal data or connection secrets.
 */
export type DatabaseErrorCode =
  | 'DATABASE_TARGET_CONFLICT'
  | 'DATABASE_IN_USE'
  | 'DATABASE_UNREACHABLE'
  | 'MIGRATION_CHANGED'
  | 'MIGRATION_UNKNOWN'
  | 'MIGRATION_FAILED'
  | 'SCHEMA_NOT_MIGRATED';

export class DatabaseError extends Error {
  readonly code: DatabaseErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: DatabaseErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DatabaseError';
    this.code = code;
    this.details = details;
  }
}

/** A failed connection, told without anything that could carry the connection string. */
export function unreachable(error: unknown): DatabaseError {
  const code = (error as { code?: string }).code;
  const message = (error instanceof Error ? error.message : String(error)).replace(/postgres(ql)?:\/\/\S+/g, '<url>');
  return new DatabaseError(
    'DATABASE_UNREACHABLE',
    `cannot connect to the PostgreSQL server: ${code ? `${code}: ${message}` : message}`,
  );
}
