import { Secret, TOTP } from 'otpauth';

/**
 * RFC 6238 with the parameters every authenticator app supports: HMAC-SHA-1, 6 digits,
 * 30-second steps. Other choices are silently ignored by some apps, which then show
 * codes that never match.
 */
export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: ±30 s for clock drift and typing time. */
export const TOTP_WINDOW = 1;
/** 160-bit secrets, as RFC 4226 recommends for HMAC-SHA-1. */
const SECRET_BYTES = 20;
/** RFC 4226's minimum; a shorter stored secret is treated as corrupt. */
const MIN_SECRET_BYTES = 16;

/** A new random shared secret, base32 (32 characters), to store and to show once. */
export function createTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

function totp(secret: string, issuer = '', label = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
  });
}

/** The `otpauth://totp/…` URI an authenticator app reads from a QR code. */
export function totpUri(secret: string, options: { issuer: string; label: string }): string {
  return totp(secret, options.issuer, options.label).toString();
}

/** The time step (RFC 6238's T) at `now`. */
export function totpStep(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S);
}

/** The code for a step: for tests and for showing what an app should display. */
export function generateTotp(secret: string, now: Date = new Date()): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

export interface VerifyTotpOptions {
  /**
   * The step of the last code this account had accepted: a code from that step or an
   * earlier one is refused, so a code seen over someone's shoulder cannot be replayed
   * within its window.
   */
  readonly lastAcceptedStep?: number | null;
}

/**
 * Checks a 6-digit code against now ±1 step. Returns the step it matched, to be remembered
 * as the last accepted one, or null when it is wrong, reused, or the secret is unreadable.
 * Spaces and full-width digits (a Japanese input method left on) are accepted.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Date = new Date(),
  options: VerifyTotpOptions = {},
): number | null {
  const token = code.normalize('NFKC').replace(/\s/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return null;
  let generator: TOTP;
  try {
    generator = totp(secret);
  } catch {
    return null; // a corrupt stored secret fails closed
  }
  if (generator.secret.bytes.length < MIN_SECRET_BYTES) return null;
  const delta = generator.validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  const last = options.lastAcceptedStep;
  return last !== undefined && last !== null && step <= last ? null : step;
}
