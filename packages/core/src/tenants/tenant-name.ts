import { AppError } from '../errors';

const MAX_LENGTH = 100;

/** Trims and NFC-normalises a municipality name (variation selectors are kept as they are). */
export function parseTenantName(input: string, field = 'name'): string {
  const name = input.normalize('NFC').trim();
  if (name.length === 0) throw new AppError('VALIDATION_FAILED', `${field} must not be empty`, { field });
  if ([...name].length > MAX_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `${field} must be at most ${MAX_LENGTH} characters`, { field });
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new AppError('VALIDATION_FAILED', `${field} must not contain control characters`, { field });
  }
  return name;
}
