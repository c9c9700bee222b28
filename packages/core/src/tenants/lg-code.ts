import { AppError } from '../errors';

/** Weights of the 地方公共団体コード check digit, for digits 1 to 5. */
const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** The check digit of a 5-digit code: last digit of 11 − (weighted sum mod 11). */
export function lgCodeCheckDigit(fiveDigits: string): number {
  if (!/^\d{5}$/.test(fiveDigits)) throw new RangeError('expected 5 digits');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(fiveDigits[i]), 0);
  return (11 - (sum % 11)) % 10;
}

export function isValidLgCode(code: string): boolean {
  return /^\d{6}$/.test(code) && lgCodeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

/** Returns the code when it is a valid 6-digit 地方公共団体コード, else throws INVALID_LG_CODE. */
export function parseLgCode(input: string, field = 'lgCode'): string {
  const code = input.trim();
  if (!/^\d{6}$/.test(code)) {
    throw new AppError('INVALID_LG_CODE', `${field} must be 6 digits (地方公共団体コード with its check digit)`, {
      field,
    });
  }
  const expected = lgCodeCheckDigit(code.slice(0, 5));
  if (Number(code[5]) !== expected) {
    throw new AppError('INVALID_LG_CODE', `${field} has a wrong check digit: the 6th digit should be ${expected}`, {
      field,
      expectedCheckDigit: expected,
    });
  }
  return code;
}
