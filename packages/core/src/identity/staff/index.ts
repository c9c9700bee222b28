export { ARGON2_PARAMS, hashPassword, verifyPassword } from './password';
export {
  checkPasswordPolicy,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordContext,
  type PasswordRule,
} from './password-policy';
export { authenticateStaff, createStaffAccount } from './staff.service';
export {
  type AuthenticatedStaff,
  type AuthenticateStaffInput,
  type CreatedStaffAccount,
  type CreateStaffAccountInput,
  LOCK_DURATION_MS,
  MAX_FAILED_ATTEMPTS,
  TOTP_ISSUER,
} from './staff.types';
export { LOGIN_FAILED_MESSAGE, STAFF_LOGIN_ACTION } from './staff-login';
export {
  createTotpSecret,
  generateTotp,
  TOTP_DIGITS,
  TOTP_PERIOD_S,
  TOTP_WINDOW,
  totpStep,
  totpUri,
  type VerifyTotpOptions,
  verifyTotp,
} from './totp';
