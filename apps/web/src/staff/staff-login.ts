import { NETWORK_ERROR } from '../api-client';
import type { StaffLoginErrorKey, StaffLoginFieldError } from './staff-messages';
import { staffLogin } from './staff-session';

/** The form's fields, in the order they appear (and so in the error summary). */
export const staffLoginFields = ['lgCode', 'loginName', 'password', 'totpCode'] as const;
export type StaffLoginField = (typeof staffLoginFields)[number];
export type StaffLoginFieldErrors = Partial<Record<StaffLoginField, StaffLoginFieldError>>;

export type StaffLoginInputValues = Readonly<Record<StaffLoginField, string>>;

export type StaffLoginOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'invalid'; readonly errors: StaffLoginFieldErrors }
  | { readonly kind: 'refused'; readonly reason: StaffLoginErrorKey; readonly code: string };

/**
 * Authenticator apps show the code as "123 456", and a Japanese input method may type it in
 * full-width digits: both are the same six digits to the person reading them off the phone.
 */
export function normalizeTotp(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '');
}

export function checkStaffLogin(values: StaffLoginInputValues): StaffLoginFieldErrors {
  const errors: StaffLoginFieldErrors = {};
  if (!values.lgCode) errors.lgCode = 'tenantMissing';
  if (!values.loginName.trim()) errors.loginName = 'loginNameMissing';
  if (!values.password) errors.password = 'passwordMissing';
  const totp = normalizeTotp(values.totpCode);
  if (!totp) errors.totpCode = 'totpMissing';
  else if (!/^[0-9]{6}$/.test(totp)) errors.totpCode = 'totpInvalid';
  return errors;
}

/** Which explanation an answer gets: one message for any wrong factor, so a guesser learns nothing. */
export function staffLoginErrorKey(code: string, status: number): StaffLoginErrorKey {
  if (status === 429 || code === 'TOO_MANY_REQUESTS') return 'TOO_MANY_REQUESTS';
  if (status === 423 || code === 'ACCOUNT_LOCKED') return 'ACCOUNT_LOCKED';
  if (status === 403) return 'TERMINAL_NOT_ALLOWED';
  if (code === 'LOGIN_FAILED') return 'LOGIN_FAILED';
  if (code === 'VALIDATION_FAILED') return 'VALIDATION_FAILED';
  if (code === NETWORK_ERROR) return 'NETWORK';
  return 'OTHER';
}

/** Checks the form, then asks the server; the password is sent as typed (spaces can be part of it). */
export async function loginAsStaff(values: StaffLoginInputValues): Promise<StaffLoginOutcome> {
  const errors = checkStaffLogin(values);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const result = await staffLogin({
    lgCode: values.lgCode,
    loginName: values.loginName.trim(),
    password: values.password,
    totpCode: normalizeTotp(values.totpCode),
  });
  if (result.ok) return { kind: 'ok' };
  return { kind: 'refused', reason: staffLoginErrorKey(result.code, result.status), code: result.code };
}
