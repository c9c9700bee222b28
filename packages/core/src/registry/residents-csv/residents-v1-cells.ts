import { isValidIndividualNumber, isValidRegistryId } from '../ids';
import type { ResidentsV1ProblemCode } from './residents-v1-problems';

/**
 * Checks of one non-empty cell. A check returns null when the value is fine, otherwise the code and
 * the rest of a sentence that starts with the column name. The sentence says what was expected and
 * never quotes the value: cells are personal data.
 */
export interface CellFailure {
  readonly code: ResidentsV1ProblemCode;
  readonly message: string;
}
export type CellCheck = (value: string) => CellFailure | null;

// Unicode Cc: C0 controls (CR and LF included), DEL and C1 controls.
const CONTROL = /\p{Cc}/u;
const LINE_BREAK = /[\r\n]/;

export function controlCharacterFailure(value: string): CellFailure | null {
  if (!CONTROL.test(value)) return null;
  if (LINE_BREAK.test(value)) {
    return { code: 'CONTROL_CHARACTER', message: 'contains a line break (expected a single line of text)' };
  }
  return { code: 'CONTROL_CHARACTER', message: 'contains a control character (expected printable text only)' };
}

/** Length in characters (code points), so a surrogate pair such as 𠮷 counts once. */
function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

export function maxLength(limit: number): CellCheck {
  return (value) => {
    // value.length counts UTF-16 units, never fewer than characters: count only when it could matter.
    if (value.length <= limit) return null;
    const count = characterCount(value);
    if (count <= limit) return null;
    return { code: 'TOO_LONG', message: `is ${count} characters long (expected at most ${limit})` };
  };
}

export function oneOf(allowed: readonly string[]): CellCheck {
  const list = allowed.join(', ');
  return (value) =>
    allowed.includes(value)
      ? null
      : { code: 'INVALID_VALUE', message: `is not a known value (expected one of ${list})` };
}

export const registryId: CellCheck = (value) => {
  if (!/^[0-9]{10}$/.test(value))
    return { code: 'INVALID_ID', message: 'is not 10 digits (expected a 10-digit number)' };
  if (!isValidRegistryId(value)) {
    return { code: 'CHECK_DIGIT', message: 'has a wrong check digit (expected modulus 11, weights 2–7)' };
  }
  return null;
};

export const individualNumber: CellCheck = (value) => {
  if (!/^[0-9]{12}$/.test(value))
    return { code: 'INVALID_ID', message: 'is not 12 digits (expected a 12-digit number)' };
  if (!isValidIndividualNumber(value)) {
    return { code: 'CHECK_DIGIT', message: 'has a wrong check digit (expected the My Number check digit)' };
  }
  return null;
};

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const HYPHEN = 45;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `count` ASCII digits at `start`, or -1 (char codes: this runs for millions of cells). */
function digitsAt(value: string, start: number, count: number): number {
  let number = 0;
  for (let i = start; i < start + count; i += 1) {
    const code = value.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    number = number * 10 + (code - DIGIT_0);
  }
  return number;
}

/** True for YYYY-MM-DD naming a day of the (proleptic) Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= days;
}

export const calendarDate: CellCheck = (value) =>
  isCalendarDate(value) ? null : { code: 'INVALID_DATE', message: 'is not a calendar date (expected YYYY-MM-DD)' };

export const postalCode: CellCheck = (value) =>
  /^[0-9]{3}-[0-9]{4}$/.test(value)
    ? null
    : {
        code: 'INVALID_POSTAL_CODE',
        message: 'is not a postal code (expected NNN-NNNN: 3 digits, a hyphen, 4 digits)',
      };

// Full-width katakana (ァ–ヺ, ・, ー, ヽ, ヾ), the small katakana extension (used for Ainu) and U+3000.
const KANA = /^[\u30A1-\u30FE\u31F0-\u31FF\u3000]+$/;
const HIRAGANA = /[\u3041-\u3096\u309D-\u309F]/;
const HALF_WIDTH = /[\uFF61-\uFF9F]/;
const KANA_EXPECTED = 'expected full-width katakana, ー, ・ and the ideographic space only';

export function kana(limit: number): CellCheck {
  const length = maxLength(limit);
  return (value) => {
    if (KANA.test(value)) return length(value);
    if (HIRAGANA.test(value)) return { code: 'KANA_INVALID', message: `contains hiragana (${KANA_EXPECTED})` };
    if (HALF_WIDTH.test(value)) {
      return { code: 'KANA_INVALID', message: `contains half-width katakana (${KANA_EXPECTED})` };
    }
    return { code: 'KANA_INVALID', message: `contains characters that are not katakana (${KANA_EXPECTED})` };
  };
}
