/**
 * Exit codes of `madoguchi`, documented in docs/cli.md. Scripts may rely on them.
 */
export const EXIT = {
  OK: 0,
  /** Something unexpected; the message says where the log is. */
  INTERNAL: 1,
  /** The command line or the input is wrong: see the message for the option, field, line, column. */
  INVALID_INPUT: 2,
  /** The thing already exists (e.g. the municipality was added before). */
  CONFLICT: 3,
  /** The thing asked for does not exist. */
  NOT_FOUND: 4,
  /** The database cannot be used: unreachable, in use by another process, or not migrated. */
  DATABASE_UNAVAILABLE: 5,
  /** The migrations and the database disagree, or a migration failed. */
  MIGRATION_FAILED: 6,
  /** Refused: authentication or authorisation failed (card checks, access policy). */
  REFUSED: 7,
  /** An integrity check failed (e.g. the audit log's hash chain is broken). */
  INTEGRITY_FAILED: 8,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
