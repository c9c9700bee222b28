import type { AppErrorCode } from '@madoguchi/core';

/** HTTP status of each domain error code; a new code without a status fails to compile. */
export const HTTP_STATUS: { readonly [C in AppErrorCode]: number } = {
  VALIDATION_FAILED: 400,
  INVALID_LG_CODE: 400,
  TENANT_EXISTS: 409,
  TENANT_NOT_FOUND: 404,
};
