import { type CsvProblem, RESIDENTS_V1_COLUMNS, type ResidentsV1Column } from './residents-v1.types';

/**
 * Every code a `madoguchi-residents-v1` check can report, with its meaning (docs/formats/residents-v1.md
 * lists the same). Messages never contain a cell's value: they name the column and what was expected.
 */
export const RESIDENTS_V1_PROBLEM_CODES = {
  ENCODING_INVALID: 'the bytes are neither UTF-8 nor Shift_JIS (CP932)',
  EMPTY_FILE: 'the file has no header (it is empty or only blank)',
  MISSING_COLUMN: 'a column of the layout is absent from the header',
  HEADER_MISMATCH: 'a header column is unknown, repeated or out of order',
  CSV_SYNTAX: 'the text is not valid CSV (RFC 4180), e.g. an unclosed quote; later rows are not checked',
  COLUMN_COUNT: 'a row does not have exactly 27 fields',
  REQUIRED: 'a required cell is empty',
  INVALID_ID: 'a 宛名番号/世帯番号/個人番号 does not have the right number of digits',
  CHECK_DIGIT: 'the check digit of an id or individual number is wrong',
  INVALID_VALUE: 'a coded cell (resident_kind, sex, status) has a value outside its list',
  TOO_LONG: 'a text cell is longer than its limit',
  CONTROL_CHARACTER: 'a cell contains a line break or another control character',
  KANA_INVALID: 'a kana cell contains characters other than full-width katakana, ー, ・ and U+3000',
  INVALID_DATE: 'a date is not YYYY-MM-DD or not a calendar date',
  DATE_IN_FUTURE: 'birth_date is after today',
  DATE_ORDER: 'became_resident_on or address_since is before birth_date',
  INVALID_POSTAL_CODE: 'postal_code is not NNN-NNNN',
  NOT_FOR_JAPANESE: 'a cell only foreign residents may have is filled for a Japanese resident',
  REMOVAL_INCONSISTENT: 'removal_reason/removed_on do not match status',
  DUPLICATE_ID: 'a person_id appears on an earlier line',
  DUPLICATE_INDIVIDUAL_NUMBER: 'an individual_number appears on an earlier line',
  HOUSEHOLD_HEAD: 'a household has several resident rows with relationship 世帯主',
  HOUSEHOLD_ADDRESS: 'resident members of a household have different addresses',
  TOO_MANY_PROBLEMS: 'more problems were found than are listed',
} as const;

export type ResidentsV1ProblemCode = keyof typeof RESIDENTS_V1_PROBLEM_CODES;

export const MAX_LISTED_PROBLEMS = 1000;

/** 0-based position of each column. */
export const COLUMN_INDEX = Object.fromEntries(RESIDENTS_V1_COLUMNS.map((column, index) => [column, index])) as Record<
  ResidentsV1Column,
  number
>;

/**
 * Collects problems: the first {@link MAX_LISTED_PROBLEMS} are kept, the rest only counted, so a
 * million bad rows cost no memory; `toArray` ends with one TOO_MANY_PROBLEMS entry when some were left out.
 */
export class ProblemList {
  readonly #listed: CsvProblem[] = [];
  #total = 0;
  #firstUnlistedLine = 0;

  get total(): number {
    return this.#total;
  }

  add(problem: CsvProblem & { readonly code: ResidentsV1ProblemCode }): void {
    this.#total += 1;
    if (this.#listed.length < MAX_LISTED_PROBLEMS) this.#listed.push(problem);
    else if (this.#firstUnlistedLine === 0) this.#firstUnlistedLine = problem.line;
  }

  /** A problem about one cell of the layout. */
  addAt(line: number, field: ResidentsV1Column, code: ResidentsV1ProblemCode, message: string): void {
    this.add({ line, column: COLUMN_INDEX[field] + 1, field, code, message });
  }

  /** The listed problems by line and column, then TOO_MANY_PROBLEMS if some were only counted. */
  toArray(): CsvProblem[] {
    const sorted = this.#listed.toSorted((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    if (this.#total <= MAX_LISTED_PROBLEMS) return sorted;
    const unlisted = this.#total - MAX_LISTED_PROBLEMS;
    sorted.push({
      line: this.#firstUnlistedLine,
      column: null,
      field: null,
      code: 'TOO_MANY_PROBLEMS',
      message: `${this.#total} problems found: the first ${MAX_LISTED_PROBLEMS} found are listed, ${unlisted} more are not (the first of them is on this line)`,
    });
    return sorted;
  }
}
