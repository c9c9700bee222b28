import { type AppErrorCode, isAppError } from '@madoguchi/core';
import { DatabaseError, type DatabaseErrorCode, summarizeServerError } from '@madoguchi/db';
import { EXIT, type ExitCode } from './exit-codes';

/** A problem with the command line itself, found before any work is done. */
export class UsageError extends Error {
  readonly code = 'INVALID_ARGUMENT';
}

const APP_EXIT: { readonly [C in AppErrorCode]: ExitCode } = {
  VALIDATION_FAILED: EXIT.INVALID_INPUT,
  INVALID_LG_CODE: EXIT.INVALID_INPUT,
  TENANT_EXISTS: EXIT.CONFLICT,
  TENANT_NOT_FOUND: EXIT.NOT_FOUND,
  NOT_CONFIGURED: EXIT.INVALID_INPUT,
  AUTHENTICATION_REQUIRED: EXIT.REFUSED,
  STEP_UP_REQUIRED: EXIT.REFUSED,
  ACCESS_DENIED: EXIT.REFUSED,
  LOGIN_FAILED: EXIT.REFUSED,
  ACCOUNT_LOCKED: EXIT.REFUSED,
  TOO_MANY_REQUESTS: EXIT.REFUSED,
  SESSION_EXPIRED: EXIT.REFUSED,
  REAUTHENTICATION_REQUIRED: EXIT.REFUSED,
  CARD_UNTRUSTED_ISSUER: EXIT.REFUSED,
  CARD_EXPIRED: EXIT.REFUSED,
  CARD_REVOKED: EXIT.REFUSED,
  CARD_BAD_SIGNATURE: EXIT.REFUSED,
  CARD_INVALID: EXIT.INVALID_INPUT,
  CARD_UNKNOWN: EXIT.REFUSED,
  CHALLENGE_REUSED: EXIT.REFUSED,
  CHALLENGE_EXPIRED: EXIT.REFUSED,
  OIDC_LOGIN_FAILED: EXIT.REFUSED,
  AUDIT_CHAIN_BROKEN: EXIT.INTEGRITY_FAILED,
  AUDIT_KEY_MISSING: EXIT.INVALID_INPUT,
  RESIDENT_NOT_FOUND: EXIT.NOT_FOUND,
  HOUSEHOLD_NOT_FOUND: EXIT.NOT_FOUND,
  MOVEMENT_NOT_FOUND: EXIT.NOT_FOUND,
  MOVEMENT_REFUSED: EXIT.INVALID_INPUT,
  MOVEMENT_SUPERSEDED: EXIT.CONFLICT,
  SUPPORT_MEASURE_BLOCKED: EXIT.REFUSED,
  IMPORT_INVALID: EXIT.INVALID_INPUT,
  IMPORT_JOB_NOT_FOUND: EXIT.NOT_FOUND,
  INDIVIDUAL_NUMBER_KEY_MISSING: EXIT.INVALID_INPUT,
  CATALOG_INVALID: EXIT.INVALID_INPUT,
  PROCEDURE_NOT_FOUND: EXIT.NOT_FOUND,
  APPLICATION_NOT_FOUND: EXIT.NOT_FOUND,
  APPLICATION_STATE: EXIT.CONFLICT,
  ANSWERS_INVALID: EXIT.INVALID_INPUT,
  DECLARATION_REQUIRED: EXIT.INVALID_INPUT,
  ATTACHMENT_INVALID: EXIT.INVALID_INPUT,
  DOCUMENT_NOT_FOUND: EXIT.NOT_FOUND,
  WEBHOOK_NOT_FOUND: EXIT.NOT_FOUND,
};

const DATABASE_EXIT: { readonly [C in DatabaseErrorCode]: ExitCode } = {
  DATABASE_TARGET_CONFLICT: EXIT.INVALID_INPUT,
  DATABASE_IN_USE: EXIT.DATABASE_UNAVAILABLE,
  DATABASE_UNREACHABLE: EXIT.DATABASE_UNAVAILABLE,
  SCHEMA_NOT_MIGRATED: EXIT.DATABASE_UNAVAILABLE,
  MIGRATION_CHANGED: EXIT.MIGRATION_FAILED,
  MIGRATION_UNKNOWN: EXIT.MIGRATION_FAILED,
  MIGRATION_FAILED: EXIT.MIGRATION_FAILED,
};

export interface Failure {
  readonly exitCode: ExitCode;
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/** Maps any error to what the user sees: a code and a message, never a stack trace. */
export function describeFailure(error: unknown): Failure {
  if (isAppError(error)) {
    return { exitCode: APP_EXIT[error.code], code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof DatabaseError) {
    return { exitCode: DATABASE_EXIT[error.code], code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof UsageError) {
    return { exitCode: EXIT.INVALID_INPUT, code: error.code, message: error.message, details: {} };
  }
  const server = summarizeServerError(error);
  if (server) {
    // The server's message can quote the statement's values (personal data): only what names the cause.
    const where = [server.table, server.column, server.constraint].filter(Boolean).join(', ');
    return {
      exitCode: EXIT.INTERNAL,
      code: 'INTERNAL_ERROR',
      message: `the database refused the operation (SQLSTATE ${server.sqlState}${server.routine ? ` in ${server.routine}` : ''}${where ? `; ${where}` : ''})`,
      details: { ...server },
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT.INTERNAL,
    code: 'INTERNAL_ERROR',
    message: `an unexpected error occurred (${reason.split('\n')[0]?.slice(0, 200)}); run again with MADOGUCHI_DEBUG=1 for details`,
    details: {},
  };
}
