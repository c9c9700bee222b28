import type { ResidentsV1ProblemCode } from './residents-v1-problems';

/**
 * Checks of one non-empty cell. A check returns null when the value is fine, otherwise the code and
 * the rest of a sentence that starts with the column name. The sentence says what was expected and
 * never quotes the value: cells are personal data.
 *
 * These run for every cell of a million-row file, so they read char codes rather than run regular
 * expressions, and return shared failure objects.
 */
export interface CellFailure {
  readonly code: ResidentsV1ProblemCode;
  readonly message: string;
}

const failure = (code: ResidentsV1ProblemCode, message: string): CellFailure => Object.freeze({ code, message });

// Unicode Cc: C0 controls (CR and LF included), DEL and C1 controls.
const CONTROL = /\p{Cc}/u;
const LINE_BREAK = /[\r\n]/;
const LINE_BREAK_FAILURE = failure('CONTROL_CHARACTER', 'contains a line break (expected a single line of text)');
const CONTROL_FAILURE = failure('CONTROL_CHARACTER', 'contains a control character (expected printable text only)');

export function controlCharacterFailure(value: string): CellFailure | null {
  if (!CONTROL.test(value)) return null;
  return LINE_BREAK.test(value) ? LINE_BREAK_FAILURE : CONTROL_FAILURE;
}

/** Length in characters (code points), so a surrogate pair such as 𠮷 counts once. */
function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

export function maxLengthFailure(value: string, limit: number): CellFailure | null {
  // value.length counts UTF-16 units, never fewer than characters: count only when it could matter.
  if (value.length <= limit) return null;
  const count = characterCount(value);
  if (count <= limit) return null;
  return { code: 'TOO_LONG', message: `is ${count} characters long (expected at most ${limit})` };
}

export function oneOfFailure(value: string, allowed: readonly string[]): CellFailure | null {
  if (allowed.includes(value)) return null;
  return { code: 'INVALID_VALUE', message: `is not a known value (expected one of ${allowed.join(', ')})` };
}

const DIGIT_0 = 48;
const HYPHEN = 45;

/** The ASCII digit at `index` as a number, or -1. */
function digitAt(value: string, index: number): number {
  const digit = value.charCodeAt(index) - DIGIT_0;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

const NOT_10_DIGITS = failure('INVALID_ID', 'is not 10 digits (expected a 10-digit number)');
const REGISTRY_CHECK_DIGIT = failure('CHECK_DIGIT', 'has a wrong check digit (expected modulus 11, weights 2–7)');

/**
 * 宛名番号 / 世帯番号: 10 digits, the last the modulus 11 check digit of the other 9 with weights 2–7 from
 * the right (`modulus11CheckDigit` in ../ids, computed here on char codes; a test compares the two).
 */
export function registryIdFailure(value: string): CellFailure | null {
  if (value.length !== 10) return NOT_10_DIGITS;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    const digit = digitAt(value, i);
    if (digit < 0) return NOT_10_DIGITS;
    sum += digit * (((8 - i) % 6) + 2);
  }
  const check = digitAt(value, 9);
  if (check < 0) return NOT_10_DIGITS;
  const remainder = sum % 11;
  return check === (remainder <= 1 ? 0 : 11 - remainder) ? null : REGISTRY_CHECK_DIGIT;
}

const NOT_12_DIGITS = failure('INVALID_ID', 'is not 12 digits (expected a 12-digit number)');
const NUMBER_CHECK_DIGIT = failure('CHECK_DIGIT', 'has a wrong check digit (expected the My Number check digit)');

/** 個人番号: 12 digits, the last the check digit of 施行令第8条 (`individualNumberCheckDigit` in ../ids). */
export function individualNumberFailure(value: string): CellFailure | null {
  if (value.length !== 12) return NOT_12_DIGITS;
  let sum = 0;
  for (let i = 0; i < 11; i += 1) {
    const digit = digitAt(value, i);
    if (digit < 0) return NOT_12_DIGITS;
    sum += digit * (i < 5 ? 6 - i : 12 - i); // weight q of the law, n = 11 - i counted from the right
  }
  const check = digitAt(value, 11);
  if (check < 0) return NOT_12_DIGITS;
  const remainder = sum % 11;
  return check === (remainder <= 1 ? 0 : 11 - remainder) ? null : NUMBER_CHECK_DIGIT;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for YYYY-MM-DD naming a day of the (proleptic) Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return false;
  const y0 = digitAt(value, 0);
  const y1 = digitAt(value, 1);
  const y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5);
  const m1 = digitAt(value, 6);
  const d0 = digitAt(value, 8);
  const d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= days;
}

/** YYYYMMDD as a number, for a value {@link isCalendarDate} accepted: compares like the ISO date. */
export function dateNumber(value: string): number {
  let number = 0;
  for (let i = 0; i < 10; i += 1) {
    if (i !== 4 && i !== 7) number = number * 10 + value.charCodeAt(i) - DIGIT_0;
  }
  return number;
}

const INVALID_DATE = failure('INVALID_DATE', 'is not a calendar date (expected YYYY-MM-DD)');

export function calendarDateFailure(value: string): CellFailure | null {
  return isCalendarDate(value) ? null : INVALID_DATE;
}

const INVALID_POSTAL_CODE = failure(
  'INVALID_POSTAL_CODE',
  'is not a postal code (expected NNN-NNNN: 3 digits, a hyphen, 4 digits)',
);

/** NNN-NNNN. */
export function postalCodeFailure(value: string): CellFailure | null {
  if (value.length !== 8 || value.charCodeAt(3) !== HYPHEN) return INVALID_POSTAL_CODE;
  const digits = digitAt(value, 0) | digitAt(value, 1) | digitAt(value, 2) | digitAt(value, 4);
  return (digits | digitAt(value, 5) | digitAt(value, 6) | digitAt(value, 7)) < 0 ? INVALID_POSTAL_CODE : null;
}

/** Full-width katakana (ァ–ヺ, ・, ー, ヽ, ヾ), the small katakana extension (used for Ainu) and U+3000. */
function isKana(code: number): boolean {
  return (code >= 0x30a1 && code <= 0x30fe) || (code >= 0x31f0 && code <= 0x31ff) || code === 0x3000;
}
const HIRAGANA = /[\u3041-\u3096\u309D-\u309F]/;
const HALF_WIDTH = /[\uFF61-\uFF9F]/;
const KANA_EXPECTED = 'expected full-width katakana, ー, ・ and the ideographic space only';
const HIRAGANA_FAILURE = failure('KANA_INVALID', `contains hiragana (${KANA_EXPECTED})`);
const HALF_WIDTH_FAILURE = failure('KANA_INVALID', `contains half-width katakana (${KANA_EXPECTED})`);
const NOT_KANA_FAILURE = failure('KANA_INVALID', `contains characters that are not katakana (${KANA_EXPECTED})`);

export function kanaFailure(value: string, limit: number): CellFailure | null {
  let kana = true;
  for (let i = 0; i < value.length && kana; i += 1) kana = isKana(value.charCodeAt(i));
  if (kana) return maxLengthFailure(value, limit);
  if (HIRAGANA.test(value)) return HIRAGANA_FAILURE;
  return HALF_WIDTH.test(value) ? HALF_WIDTH_FAILURE : NOT_KANA_FAILURE;
}
