import { AppError } from '../../errors';

/** RFC 5321's limit on a forward path. */
const MAX_LENGTH = 254;
/** Deliberately plain: one @, no spaces or control characters, a dotted domain. The code sent proves the rest. */
const SHAPE = /^[^\s@<>()[\]\\,;:"\p{Cc}]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/u;

/** The address as stored and compared: trimmed and lower-cased, or VALIDATION_FAILED. */
export function normalizeEmail(input: string, field = 'email'): string {
  const email = input.trim().toLowerCase();
  if (email.length > MAX_LENGTH || !SHAPE.test(email)) {
    // The message does not repeat the address: error bodies and logs carry no personal data.
    throw new AppError('VALIDATION_FAILED', `${field} is not an e-mail address (name@example.jp)`, { field });
  }
  return email;
}
