import { AppError } from '../../errors';

/** Staff ids and login names: lower-case ASCII, so they survive any terminal, log and URL. */
export const ACCOUNT_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

const MAX_LABEL_LENGTH = 64;

/**
 * Login names are compared after NFKC, trimming and lower-casing, so `Tanaka` typed with a
 * full-width input method finds `tanaka`.
 */
export function normalizeLoginName(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}

export function parseAccountName(input: string, field: 'staffId' | 'loginName'): string {
  if (!ACCOUNT_NAME_PATTERN.test(input)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${field} must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit`,
      { field },
    );
  }
  return input;
}

/** Roles and departments: trimmed, non-empty, without control characters; duplicates dropped. */
export function parseLabels(input: readonly string[], field: 'roles' | 'departments'): string[] {
  const labels = input.map((label) => label.normalize('NFC').trim());
  for (const label of labels) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    if (label.length === 0 || [...label].length > MAX_LABEL_LENGTH || /[\u0000-\u001f\u007f]/.test(label)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `each of ${field} must be 1 to ${MAX_LABEL_LENGTH} characters without control characters`,
        { field },
      );
    }
  }
  return [...new Set(labels)];
}
