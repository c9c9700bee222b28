import type { Sex } from '../resident.types';
import { RESIDENTS_V1_COLUMNS, type ResidentsV1Column, type ResidentsV1Record } from './residents-v1.types';
import {
  type CellFailure,
  calendarDateFailure,
  controlCharacterFailure,
  dateNumber,
  individualNumberFailure,
  kanaFailure,
  maxLengthFailure,
  oneOfFailure,
  postalCodeFailure,
  registryIdFailure,
} from './residents-v1-cells';
import { COLUMN_INDEX, type ProblemList, type ResidentsV1ProblemCode } from './residents-v1-problems';

const NAME_MAX = 100;
const ADDRESS_MAX = 200;
const TEXT_MAX = 100;

// What a cell holds: a number tag and one switch, not a closure per rule (a call site calling ten
// different closures is slow), and every rule of the same shape.
const TEXT = 0;
const KANA = 1;
const ONE_OF = 2;
const DATE = 3;
const REGISTRY_ID = 4;
const POSTAL_CODE = 5;
const INDIVIDUAL_NUMBER = 6;

interface CellRule {
  readonly check: number;
  readonly required: boolean;
  /** TEXT and KANA: the most characters. */
  readonly limit: number;
  /** ONE_OF: the values allowed. */
  readonly allowed: readonly string[];
}
const rule = (check: number, required: boolean, limit = 0, allowed: readonly string[] = []): CellRule => ({
  check,
  required,
  limit,
  allowed,
});

/** The rules of one cell on its own; rules that compare cells are in {@link RowChecker}. */
const CELL_RULES: Record<ResidentsV1Column, CellRule> = {
  person_id: rule(REGISTRY_ID, true),
  household_id: rule(REGISTRY_ID, true),
  resident_kind: rule(ONE_OF, true, 0, ['japanese', 'foreign']),
  family_name: rule(TEXT, true, NAME_MAX),
  given_name: rule(TEXT, true, NAME_MAX),
  family_name_kana: rule(KANA, false, NAME_MAX),
  given_name_kana: rule(KANA, false, NAME_MAX),
  alias_name: rule(TEXT, false, NAME_MAX),
  former_family_name: rule(TEXT, false, NAME_MAX),
  birth_date: rule(DATE, true),
  sex: rule(ONE_OF, true, 0, ['0', '1', '2', '9']),
  relationship: rule(TEXT, true, TEXT_MAX),
  postal_code: rule(POSTAL_CODE, false),
  address: rule(TEXT, true, ADDRESS_MAX),
  address_detail: rule(TEXT, false, ADDRESS_MAX),
  became_resident_on: rule(DATE, true),
  address_since: rule(DATE, true),
  notified_on: rule(DATE, false),
  previous_address: rule(TEXT, false, ADDRESS_MAX),
  nationality: rule(TEXT, false, TEXT_MAX),
  residence_status: rule(TEXT, false, TEXT_MAX),
  residence_expiry: rule(DATE, false),
  status: rule(ONE_OF, true, 0, ['resident', 'removed']),
  removal_reason: rule(TEXT, false, TEXT_MAX),
  removed_on: rule(DATE, false),
  support_measure_until: rule(DATE, false),
  individual_number: rule(INDIVIDUAL_NUMBER, false),
};
const RULES_IN_ORDER = RESIDENTS_V1_COLUMNS.map((column) => CELL_RULES[column]);

function cellFailure(rule: CellRule, value: string): CellFailure | null {
  switch (rule.check) {
    case TEXT:
      return value.length <= rule.limit ? null : maxLengthFailure(value, rule.limit);
    case KANA:
      return kanaFailure(value, rule.limit);
    case ONE_OF:
      return oneOfFailure(value, rule.allowed);
    case DATE:
      return calendarDateFailure(value);
    case REGISTRY_ID:
      return registryIdFailure(value);
    case POSTAL_CODE:
      return postalCodeFailure(value);
    default:
      return individualNumberFailure(value);
  }
}

const I = COLUMN_INDEX;
const FOREIGN_ONLY = [I.nationality, I.residence_status, I.residence_expiry, I.alias_name];
const REMOVAL_COLUMNS = [I.removal_reason, I.removed_on];
const NOT_BEFORE_BIRTH = [I.became_resident_on, I.address_since];

/** Whether cell `index` passed its checks, given the failed-cells bits {@link RowChecker.check} returned. */
export function cellPassed(failedCells: number, index: number): boolean {
  return (failedCells & (1 << index)) === 0;
}

/**
 * Checks rows of exactly 27 cells: each cell on its own (first failing rule only, so one problem per
 * cell), then the rules between cells, skipped when a cell they read already failed. One instance checks
 * a whole file; it keeps the row being checked in fields rather than closures, for speed.
 */
export class RowChecker {
  readonly #today: string;
  readonly #todayNumber: number;
  readonly #problems: ProblemList;
  #cells: readonly string[] = [];
  #line = 0;
  #failed = 0;

  constructor(today: string, problems: ProblemList) {
    this.#today = today;
    this.#todayNumber = dateNumber(today);
    this.#problems = problems;
  }

  /**
   * Reports the row's problems and returns its failed cells: bit i set when cell i had a problem (an
   * empty optional cell has none). `plain`: the reader found no control character in the row.
   */
  check(cells: readonly string[], line: number, plain: boolean): number {
    this.#cells = cells;
    this.#line = line;
    this.#failed = 0;
    for (let i = 0; i < RULES_IN_ORDER.length; i += 1) {
      const value = cells[i] ?? '';
      const rule = RULES_IN_ORDER[i] as CellRule;
      if (value === '') {
        if (rule.required) this.#fail(i, 'REQUIRED', 'is required but empty');
        continue;
      }
      const failure = (plain ? null : controlCharacterFailure(value)) ?? cellFailure(rule, value);
      if (failure !== null) this.#fail(i, failure.code, failure.message);
    }
    this.#checkKind();
    this.#checkRemoval();
    this.#checkDates();
    return this.#failed;
  }

  #checkKind(): void {
    if (!cellPassed(this.#failed, I.resident_kind)) return;
    if (this.#cells[I.resident_kind] === 'foreign') {
      if (this.#cells[I.nationality] === '') {
        this.#fail(I.nationality, 'REQUIRED', 'is required for a foreign resident');
      }
      return;
    }
    for (const index of FOREIGN_ONLY) {
      if (this.#cells[index] !== '' && cellPassed(this.#failed, index)) {
        this.#fail(index, 'NOT_FOR_JAPANESE', 'must be empty for a japanese resident (foreign residents only)');
      }
    }
  }

  #checkRemoval(): void {
    if (!cellPassed(this.#failed, I.status)) return;
    const removed = this.#cells[I.status] === 'removed';
    for (const index of REMOVAL_COLUMNS) {
      const present = this.#cells[index] !== '';
      if (removed && !present) {
        this.#fail(index, 'REMOVAL_INCONSISTENT', 'is required when status is removed');
      } else if (!removed && present && cellPassed(this.#failed, index)) {
        this.#fail(index, 'REMOVAL_INCONSISTENT', 'must be empty when status is resident');
      }
    }
  }

  #checkDates(): void {
    if (!cellPassed(this.#failed, I.birth_date)) return;
    // Compared as YYYYMMDD numbers: the cells read here passed their date checks.
    const birthDate = dateNumber(this.#cells[I.birth_date] as string);
    if (birthDate > this.#todayNumber) {
      this.#fail(I.birth_date, 'DATE_IN_FUTURE', `is after today, ${this.#today} (expected a past date)`);
      return;
    }
    for (const index of NOT_BEFORE_BIRTH) {
      if (cellPassed(this.#failed, index) && dateNumber(this.#cells[index] as string) < birthDate) {
        this.#fail(index, 'DATE_ORDER', 'is before birth_date (expected on or after birth_date)');
      }
    }
  }

  /** `message` is the rest of a sentence that starts with the column name. */
  #fail(index: number, code: ResidentsV1ProblemCode, message: string): void {
    this.#failed |= 1 << index;
    const column = RESIDENTS_V1_COLUMNS[index] as ResidentsV1Column;
    this.#problems.addAt(this.#line, column, code, `${column} ${message}`);
  }
}

/**
 * The record of a row that passed every check. Built once, by plain indexing; the coded cells become
 * shared constants, so a million records do not keep a million copies of 'japanese' and 'resident'.
 */
export function toRecord(cells: readonly string[]): ResidentsV1Record {
  return {
    personId: cells[I.person_id] as string,
    householdId: cells[I.household_id] as string,
    residentKind: cells[I.resident_kind] === 'foreign' ? 'foreign' : 'japanese',
    familyName: cells[I.family_name] as string,
    givenName: cells[I.given_name] as string,
    familyNameKana: cells[I.family_name_kana] || null,
    givenNameKana: cells[I.given_name_kana] || null,
    aliasName: cells[I.alias_name] || null,
    formerFamilyName: cells[I.former_family_name] || null,
    birthDate: cells[I.birth_date] as string,
    sex: ((cells[I.sex] as string).charCodeAt(0) - 48) as Sex, // one of 0, 1, 2, 9: checked
    relationship: cells[I.relationship] as string,
    postalCode: cells[I.postal_code] || null,
    address: cells[I.address] as string,
    addressDetail: cells[I.address_detail] || null,
    becameResidentOn: cells[I.became_resident_on] as string,
    addressSince: cells[I.address_since] as string,
    notifiedOn: cells[I.notified_on] || null,
    previousAddress: cells[I.previous_address] || null,
    nationality: cells[I.nationality] || null,
    residenceStatus: cells[I.residence_status] || null,
    residenceExpiry: cells[I.residence_expiry] || null,
    status: cells[I.status] === 'removed' ? 'removed' : 'resident',
    removalReason: cells[I.removal_reason] || null,
    removedOn: cells[I.removed_on] || null,
    supportMeasureUntil: cells[I.support_measure_until] || null,
    individualNumber: cells[I.individual_number] || null,
  };
}
