import type { ResidentKind, ResidentStatus, Sex } from '../resident.types';
import { RESIDENTS_V1_COLUMNS, type ResidentsV1Column, type ResidentsV1Record } from './residents-v1.types';
import {
  type CellCheck,
  calendarDate,
  controlCharacterFailure,
  individualNumber,
  kana,
  maxLength,
  oneOf,
  postalCode,
  registryId,
} from './residents-v1-cells';
import { COLUMN_INDEX, type ProblemList, type ResidentsV1ProblemCode } from './residents-v1-problems';

const NAME_MAX = 100;
const ADDRESS_MAX = 200;
const TEXT_MAX = 100;

interface CellRule {
  readonly required: boolean;
  readonly check: CellCheck;
}
const required = (check: CellCheck): CellRule => ({ required: true, check });
const optional = (check: CellCheck): CellRule => ({ required: false, check });

/** The rules of one cell on its own; rules that compare cells are in {@link checkRow}. */
const CELL_RULES: Record<ResidentsV1Column, CellRule> = {
  person_id: required(registryId),
  household_id: required(registryId),
  resident_kind: required(oneOf(['japanese', 'foreign'])),
  family_name: required(maxLength(NAME_MAX)),
  given_name: required(maxLength(NAME_MAX)),
  family_name_kana: optional(kana(NAME_MAX)),
  given_name_kana: optional(kana(NAME_MAX)),
  alias_name: optional(maxLength(NAME_MAX)),
  former_family_name: optional(maxLength(NAME_MAX)),
  birth_date: required(calendarDate),
  sex: required(oneOf(['0', '1', '2', '9'])),
  relationship: required(maxLength(TEXT_MAX)),
  postal_code: optional(postalCode),
  address: required(maxLength(ADDRESS_MAX)),
  address_detail: optional(maxLength(ADDRESS_MAX)),
  became_resident_on: required(calendarDate),
  address_since: required(calendarDate),
  notified_on: optional(calendarDate),
  previous_address: optional(maxLength(ADDRESS_MAX)),
  nationality: optional(maxLength(TEXT_MAX)),
  residence_status: optional(maxLength(TEXT_MAX)),
  residence_expiry: optional(calendarDate),
  status: required(oneOf(['resident', 'removed'])),
  removal_reason: optional(maxLength(TEXT_MAX)),
  removed_on: optional(calendarDate),
  support_measure_until: optional(calendarDate),
  individual_number: optional(individualNumber),
};
const RULES_IN_ORDER = RESIDENTS_V1_COLUMNS.map((column) => CELL_RULES[column]);
const FOREIGN_ONLY: readonly ResidentsV1Column[] = [
  'nationality',
  'residence_status',
  'residence_expiry',
  'alias_name',
];
const REMOVAL_COLUMNS: readonly ResidentsV1Column[] = ['removal_reason', 'removed_on'];
const NOT_BEFORE_BIRTH: readonly ResidentsV1Column[] = ['became_resident_on', 'address_since'];

/** One row after its own checks: the record when it had no problem, and which cells failed. */
export interface CheckedRow {
  readonly record: ResidentsV1Record | null;
  /** Bit i set: cell i had a problem (an empty optional cell has none). */
  readonly failedCells: number;
}

export function cellPassed(row: CheckedRow, column: ResidentsV1Column): boolean {
  return (row.failedCells & (1 << COLUMN_INDEX[column])) === 0;
}

const I = COLUMN_INDEX;

/**
 * Checks rows of exactly 27 cells: each cell on its own (first failing rule only, so one problem per
 * cell), then the rules between cells, skipped when a cell they read already failed. One instance checks
 * a whole file; it keeps the row being checked in fields rather than closures, for speed.
 */
export class RowChecker {
  readonly #today: string;
  readonly #problems: ProblemList;
  #cells: readonly string[] = [];
  #line = 0;
  #failed = 0;

  constructor(today: string, problems: ProblemList) {
    this.#today = today;
    this.#problems = problems;
  }

  check(cells: readonly string[], line: number): CheckedRow {
    this.#cells = cells;
    this.#line = line;
    this.#failed = 0;
    for (let i = 0; i < RULES_IN_ORDER.length; i += 1) {
      const value = cells[i] ?? '';
      const column = RESIDENTS_V1_COLUMNS[i] as ResidentsV1Column;
      const rule = RULES_IN_ORDER[i] as CellRule;
      if (value === '') {
        if (rule.required) this.#fail(column, 'REQUIRED', `${column} is required but empty`);
        continue;
      }
      const failure = controlCharacterFailure(value) ?? rule.check(value);
      if (failure !== null) this.#fail(column, failure.code, `${column} ${failure.message}`);
    }
    this.#checkKind();
    this.#checkRemoval();
    this.#checkDates();
    return { record: this.#failed === 0 ? toRecord(cells) : null, failedCells: this.#failed };
  }

  #checkKind(): void {
    if (!this.#passed('resident_kind')) return;
    if (this.#cell('resident_kind') === 'foreign') {
      if (this.#cell('nationality') === '') {
        this.#fail('nationality', 'REQUIRED', 'nationality is required for a foreign resident');
      }
      return;
    }
    for (const column of FOREIGN_ONLY) {
      if (this.#cell(column) !== '' && this.#passed(column)) {
        this.#fail(
          column,
          'NOT_FOR_JAPANESE',
          `${column} must be empty for a japanese resident (foreign residents only)`,
        );
      }
    }
  }

  #checkRemoval(): void {
    if (!this.#passed('status')) return;
    const removed = this.#cell('status') === 'removed';
    for (const column of REMOVAL_COLUMNS) {
      const present = this.#cell(column) !== '';
      if (removed && !present) {
        this.#fail(column, 'REMOVAL_INCONSISTENT', `${column} is required when status is removed`);
      } else if (!removed && present && this.#passed(column)) {
        this.#fail(column, 'REMOVAL_INCONSISTENT', `${column} must be empty when status is resident`);
      }
    }
  }

  #checkDates(): void {
    if (!this.#passed('birth_date')) return;
    const birthDate = this.#cell('birth_date');
    if (birthDate > this.#today) {
      this.#fail('birth_date', 'DATE_IN_FUTURE', `birth_date is after today, ${this.#today} (expected a past date)`);
      return;
    }
    // ISO dates compare as strings.
    for (const column of NOT_BEFORE_BIRTH) {
      if (this.#passed(column) && this.#cell(column) < birthDate) {
        this.#fail(column, 'DATE_ORDER', `${column} is before birth_date (expected on or after birth_date)`);
      }
    }
  }

  #cell(column: ResidentsV1Column): string {
    return this.#cells[I[column]] ?? '';
  }

  #passed(column: ResidentsV1Column): boolean {
    return (this.#failed & (1 << I[column])) === 0;
  }

  #fail(column: ResidentsV1Column, code: ResidentsV1ProblemCode, message: string): void {
    this.#failed |= 1 << I[column];
    this.#problems.addAt(this.#line, column, code, message);
  }
}

// Plain indexing, no helper closures: this runs a million times per file.
function toRecord(cells: readonly string[]): ResidentsV1Record {
  return {
    personId: cells[I.person_id] ?? '',
    householdId: cells[I.household_id] ?? '',
    residentKind: (cells[I.resident_kind] ?? '') as ResidentKind,
    familyName: cells[I.family_name] ?? '',
    givenName: cells[I.given_name] ?? '',
    familyNameKana: cells[I.family_name_kana] || null,
    givenNameKana: cells[I.given_name_kana] || null,
    aliasName: cells[I.alias_name] || null,
    formerFamilyName: cells[I.former_family_name] || null,
    birthDate: cells[I.birth_date] ?? '',
    sex: Number(cells[I.sex] ?? '') as Sex,
    relationship: cells[I.relationship] ?? '',
    postalCode: cells[I.postal_code] || null,
    address: cells[I.address] ?? '',
    addressDetail: cells[I.address_detail] || null,
    becameResidentOn: cells[I.became_resident_on] ?? '',
    addressSince: cells[I.address_since] ?? '',
    notifiedOn: cells[I.notified_on] || null,
    previousAddress: cells[I.previous_address] || null,
    nationality: cells[I.nationality] || null,
    residenceStatus: cells[I.residence_status] || null,
    residenceExpiry: cells[I.residence_expiry] || null,
    status: (cells[I.status] ?? '') as ResidentStatus,
    removalReason: cells[I.removal_reason] || null,
    removedOn: cells[I.removed_on] || null,
    supportMeasureUntil: cells[I.support_measure_until] || null,
    individualNumber: cells[I.individual_number] || null,
  };
}
