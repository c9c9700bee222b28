/**
 * A failure the caller can act on. The code is stable and documented; the message says
 * what is wrong and where, in words a counter clerk or an operator understands, and
 * never contains personal data. `details` holds the where (field, line, column).
 */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_LG_CODE'
  | 'TENANT_EXISTS'
  | 'TENANT_NOT_FOUND'
  | 'NOT_CONFIGURED'
  // identity and access
  | 'AUTHENTICATION_REQUIRED'
  | 'STEP_UP_REQUIRED'
  | 'ACCESS_DENIED'
  | 'LOGIN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_REQUESTS'
  | 'SESSION_EXPIRED'
  | 'REAUTHENTICATION_REQUIRED'
  // My Number card (JPKI-style) login
  | 'CARD_UNTRUSTED_ISSUER'
  | 'CARD_EXPIRED'
  | 'CARD_REVOKED'
  | 'CARD_BAD_SIGNATURE'
  | 'CARD_INVALID'
  | 'CARD_UNKNOWN'
  | 'CHALLENGE_REUSED'
  | 'CHALLENGE_EXPIRED'
  // OpenID Connect
  | 'OIDC_LOGIN_FAILED'
  // audit log
  | 'AUDIT_CHAIN_BROKEN'
  | 'AUDIT_KEY_MISSING'
  // resident registry
  | 'RESIDENT_NOT_FOUND'
  | 'HOUSEHOLD_NOT_FOUND'
  | 'MOVEMENT_NOT_FOUND'
  | 'MOVEMENT_REFUSED'
  | 'MOVEMENT_SUPERSEDED'
  | 'SUPPORT_MEASURE_BLOCKED'
  | 'IMPORT_INVALID'
  | 'IMPORT_JOB_NOT_FOUND'
  | 'INDIVIDUAL_NUMBER_KEY_MISSING'
  // procedures and applications
  | 'CATALOG_INVALID'
  | 'PROCEDURE_NOT_FOUND'
  | 'APPLICATION_NOT_FOUND'
  | 'APPLICATION_STATE'
  | 'ANSWERS_INVALID'
  | 'DECLARATION_REQUIRED'
  | 'ATTACHMENT_INVALID'
  | 'DOCUMENT_NOT_FOUND'
  | 'WEBHOOK_NOT_FOUND';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
