import { COLUMN_INDEX, type ProblemList } from './residents-v1-problems';
import { cellPassed } from './residents-v1-row';
import { SerialTable } from './serial-table';

const HEAD = '世帯主';
const I = COLUMN_INDEX;

/**
 * The rules between rows, fed one row at a time so a file can be streamed: duplicate person_id and
 * individual_number (reported on the later line, naming the first), one 世帯主 per household and one
 * address per household (resident rows only). A row takes part with the cells that passed their own
 * checks, so one bad cell does not also raise a household problem.
 */
export class CrossRowChecks {
  readonly #problems: ProblemList;
  // Keyed by the serial before a valid check digit, which identifies an id: numbers in typed arrays
  // rather than strings in Maps, several times faster for a million ids.
  readonly #personLines = new SerialTable();
  readonly #numberLines = new SerialTable();
  readonly #households = new SerialTable();
  // Household h (in order of first appearance), one array per field: no object per household.
  readonly #firstLines: number[] = [];
  readonly #heads: number[] = [];
  /** Resident rows whose relationship failed its own checks: any of them may be the head. */
  readonly #addresses: (string | null)[] = [];
  readonly #addressLines: number[] = [];
  // Members of a household usually follow each other: the last one is found without a lookup.
  #lastSerial = -1;
  #lastHousehold = -1;

  constructor(problems: ProblemList) {
    this.#problems = problems;
  }

  /** `failedCells`: the cells that failed their own checks, as `RowChecker.check` returns them. */
  add(cells: readonly string[], line: number, failedCells: number): void {
    if (cellPassed(failedCells, I.person_id)) {
      const first = this.#personLines.valueOrAdd(serialOf(cells[I.person_id] as string), line);
      if (first !== -1) {
        const message = `person_id is the same as on line ${first} (expected each person once)`;
        this.#problems.addAt(line, 'person_id', 'DUPLICATE_ID', message);
      }
    }
    const individualNumber = cells[I.individual_number] as string;
    if (individualNumber !== '' && cellPassed(failedCells, I.individual_number)) {
      const first = this.#numberLines.valueOrAdd(serialOf(individualNumber), line);
      if (first !== -1) {
        const message = `individual_number is the same as on line ${first} (expected each individual number once)`;
        this.#problems.addAt(line, 'individual_number', 'DUPLICATE_INDIVIDUAL_NUMBER', message);
      }
    }
    if (cells[I.status] === 'resident' && cellPassed(failedCells, I.household_id)) {
      this.#addToHousehold(cells, line, failedCells);
    }
  }

  #addToHousehold(cells: readonly string[], line: number, failedCells: number): void {
    const serial = serialOf(cells[I.household_id] as string);
    const count = this.#firstLines.length;
    let household = serial === this.#lastSerial ? this.#lastHousehold : this.#households.valueOrAdd(serial, count);
    this.#lastSerial = serial;
    if (household === -1) {
      household = count;
      this.#firstLines.push(line);
      this.#heads.push(0);
      this.#addresses.push(null);
      this.#addressLines.push(0);
    }
    this.#lastHousehold = household;
    if (cellPassed(failedCells, I.relationship) && cells[I.relationship] === HEAD) increment(this.#heads, household);
    if (!cellPassed(failedCells, I.address)) return;
    const address = cells[I.address] as string;
    const known = this.#addresses[household];
    if (known === null) {
      this.#addresses[household] = address;
      this.#addressLines[household] = line;
    } else if (known !== address) {
      const message = `address differs from the address of the same household on line ${this.#addressLines[household]} (expected one address per household)`;
      this.#problems.addAt(line, 'address', 'HOUSEHOLD_ADDRESS', message);
    }
  }

  /** Household heads can only be counted once every row is in. */
  finish(): void {
    for (let household = 0; household < this.#firstLines.length; household += 1) {
      const heads = this.#heads[household] as number;
      // A household without a 世帯主 is allowed (standard section 100: 世帯主未設定); two never.
      if (heads <= 1) continue;
      this.#problems.addAt(
        this.#firstLines[household] as number,
        'household_id',
        'HOUSEHOLD_HEAD',
        `household starting on this line has ${heads} resident rows with relationship ${HEAD} (expected at most one)`,
      );
    }
  }
}

/** The digits before the check digit of an id that passed its checks, as a number (at most 11 digits). */
function serialOf(id: string): number {
  let serial = 0;
  for (let i = 0; i < id.length - 1; i += 1) serial = serial * 10 + id.charCodeAt(i) - 48;
  return serial;
}

function increment(counts: number[], index: number): void {
  counts[index] = (counts[index] as number) + 1;
}
