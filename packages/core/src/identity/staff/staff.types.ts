export interface CreateStaffAccountInput {
  readonly lgCode: string;
  /** Stable id used in the audit log; never changes, even when the login name does. */
  readonly staffId: string;
  readonly loginName: string;
  readonly password: string;
  readonly roles: readonly string[];
  readonly departments: readonly string[];
}

/** What the administrator hands to the staff member once: the secret is not shown again. */
export interface CreatedStaffAccount {
  readonly staffId: string;
  /** Base32 TOTP secret, for typing into an authenticator app by hand. */
  readonly totpSecret: string;
  /** otpauth:// URI, for a QR code. */
  readonly totpUri: string;
}

export interface AuthenticateStaffInput {
  readonly lgCode: string;
  readonly loginName: string;
  readonly password: string;
  readonly totpCode: string;
  /** The clock, for tests. */
  readonly now?: Date;
}

export interface AuthenticatedStaff {
  readonly staffId: string;
  readonly roles: readonly string[];
  readonly departments: readonly string[];
}

/** Consecutive failures that lock an account. */
export const MAX_FAILED_ATTEMPTS = 5;
/** How long a lock lasts. */
export const LOCK_DURATION_MS = 15 * 60 * 1000;
/** Shown as the issuer in authenticator apps. */
export const TOTP_ISSUER = 'Madoguchi';
