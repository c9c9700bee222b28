import { AppError, type FieldProblem } from '../errors';
import { FOREIGN_RESIDENT_CATEGORIES, type ResidentItems } from './resident.types';

const KANA = /^[ァ-ヶー・\u3000]+$/u;
const POSTAL = /^[0-9]{3}-[0-9]{4}$/;
const RESIDENT_CODE = /^[0-9]{11}$/;

export function isCalendarDate(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The items' own rules (sections 10, 20, 60, 70, 180); `prefix` names the field in the request body. */
export function itemProblems(items: ResidentItems, prefix: string, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field: `${prefix}${field}`, message });
  for (const field of ['familyName', 'givenName', 'relationship', 'address'] as const) {
    const value = items[field];
    if (value.trim() === '') add(field, 'is required');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    else if (/[\u0000-\u001f\u007f]/.test(value)) add(field, 'must not contain control characters or line breaks');
  }
  for (const field of ['familyNameKana', 'givenNameKana'] as const) {
    const value = items[field];
    if (value !== null && !KANA.test(value)) add(field, 'must be full-width katakana');
  }
  for (const field of [
    'birthDate',
    'becameResidentOn',
    'addressSince',
    'residenceExpiry',
    'removedOn',
    'plannedMoveOn',
  ] as const) {
    const value = items[field];
    if (value !== null && !isCalendarDate(value)) add(field, 'is not a calendar date (expected YYYY-MM-DD)');
  }
  if (isCalendarDate(items.birthDate) && items.birthDate > today) add('birthDate', 'is in the future');
  if (![0, 1, 2, 9].includes(items.sex)) add('sex', 'must be 0, 1, 2 or 9 (ISO 5218)');
  if (items.becameResidentOn < items.birthDate) add('becameResidentOn', 'is before the birth date');
  if (items.postalCode !== null && !POSTAL.test(items.postalCode)) add('postalCode', 'must be NNN-NNNN');
  if (items.residentCode !== null && !RESIDENT_CODE.test(items.residentCode)) add('residentCode', 'must be 11 digits');
  if (items.residentKind === 'japanese') {
    for (const field of ['nationality', 'residenceStatus', 'residenceExpiry', 'foreignResidentCategory'] as const) {
      if (items[field] !== null) add(field, 'applies to foreign residents only');
    }
  } else {
    if (!items.nationality) add('nationality', 'is required for a foreign resident');
    if (items.honseki !== null || items.hittosha !== null) add('honseki', 'applies to Japanese residents only');
    if (
      items.foreignResidentCategory !== null &&
      !(FOREIGN_RESIDENT_CATEGORIES as readonly string[]).includes(items.foreignResidentCategory)
    ) {
      add('foreignResidentCategory', `must be one of ${FOREIGN_RESIDENT_CATEGORIES.join(', ')}`);
    }
  }
  return problems;
}

export function assertNoProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${problems.length} field(s) are invalid`, { problems });
  }
}

/** A rule of the standard that the requested movement breaks. */
export function refuse(rule: string, message: string, details: Record<string, unknown> = {}): never {
  throw new AppError('MOVEMENT_REFUSED', message, { rule, ...details });
}
