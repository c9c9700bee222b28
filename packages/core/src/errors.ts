/**
 * A failure the caller can act on. The code is stable and documented; the message says
 * what is wrong and where, in words a counter clerk or an operator understands, and
 * never contains personal data. `details` holds the where (field, line, column).
 */
export type AppErrorCode = 'VALIDATION_FAILED' | 'INVALID_LG_CODE' | 'TENANT_EXISTS' | 'TENANT_NOT_FOUND';

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
