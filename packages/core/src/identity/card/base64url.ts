import { AppError, type AppErrorCode } from '../../errors';

/**
 * Strict base64url decoding. Node's decoder silently skips characters outside the alphabet, so a mangled
 * signature would decode to other bytes and fail later as a bad signature; re-encoding and comparing rejects
 * those, `=` padding and non-canonical trailing bits here, with a message that says what is wrong.
 */
export function decodeBase64url(value: unknown, field: string, code: AppErrorCode): Buffer {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AppError(code, `${field} is missing: expected a base64url string`, { field });
  }
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.toString('base64url') !== value) {
    throw new AppError(code, `${field} is not base64url (letters, digits, "-" and "_", without "=" padding)`, {
      field,
    });
  }
  return bytes;
}

export function encodeBase64url(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
}
