import { COLUMN_INDEX, type ProblemList } from './residents-v1-problems';
import { type CheckedRow, cellPassed } from './residents-v1-row';

const HEAD = '世帯主';
const I = COLUMN_INDEX;

interface Household {
  readonly firstLine: number;
  heads: number;
  /** Resident rows whose relationship failed its own checks: any of them may be the head. */
  unknownRelationships: number;
  address: string | null;
  addressLine: number;
}

/**
 * The rules between rows, fed one row at a time so a file can be streamed: duplicate person_id and
 * individual_number (reported on the later line, naming the first), one 世帯主 per household and one
 * address per household (resident rows only). A row takes part with the cells that passed their own
 * checks, so one bad cell does not also raise a household problem.
 */
export class CrossRowChecks {
  readonly #problems: ProblemList;
  // Keyed by number, not string: the serial before a valid check digit identifies an id, and number
  // keys make these maps (a million entries) several times faster.
  readonly #personLines = new Map<number, number>();
  readonly #numberLines = new Map<number, number>();
  readonly #households = new Map<number, Household>();

  constructor(problems: ProblemList) {
    this.#problems = problems;
  }

  add(cells: readonly string[], line: number, row: CheckedRow): void {
    if (cellPassed(row, 'person_id')) {
      const first = firstLine(this.#personLines, serialOf(cells[I.person_id]), line);
      if (first !== null) {
        const message = `person_id is the same as on line ${first} (expected each person once)`;
        this.#problems.addAt(line, 'person_id', 'DUPLICATE_ID', message);
      }
    }
    const individualNumber = cells[I.individual_number] ?? '';
    if (individualNumber !== '' && cellPassed(row, 'individual_number')) {
      const first = firstLine(this.#numberLines, serialOf(individualNumber), line);
      if (first !== null) {
        const message = `individual_number is the same as on line ${first} (expected each individual number once)`;
        this.#problems.addAt(line, 'individual_number', 'DUPLICATE_INDIVIDUAL_NUMBER', message);
      }
    }
    if (cells[I.status] === 'resident' && cellPassed(row, 'household_id')) {
      this.#addToHousehold(cells, line, row);
    }
  }

  #addToHousehold(cells: readonly string[], line: number, row: CheckedRow): void {
    const householdId = serialOf(cells[I.household_id]);
    let household = this.#households.get(householdId);
    if (household === undefined) {
      household = { firstLine: line, heads: 0, unknownRelationships: 0, address: null, addressLine: 0 };
      this.#households.set(householdId, household);
    }
    if (!cellPassed(row, 'relationship')) household.unknownRelationships += 1;
    else if (cells[I.relationship] === HEAD) household.heads += 1;
    if (!cellPassed(row, 'address')) return;
    const address = cells[I.address] ?? '';
    if (household.address === null) {
      household.address = address;
      household.addressLine = line;
    } else if (household.address !== address) {
      const message = `address differs from the address of the same household on line ${household.addressLine} (expected one address per household)`;
      this.#problems.addAt(line, 'address', 'HOUSEHOLD_ADDRESS', message);
    }
  }

  /** Household heads can only be counted once every row is in. */
  finish(): void {
    for (const household of this.#households.values()) {
      if (household.heads === 1 || (household.heads === 0 && household.unknownRelationships > 0)) continue;
      const found = household.heads === 0 ? 'no resident row' : `${household.heads} resident rows`;
      this.#problems.addAt(
        household.firstLine,
        'household_id',
        'HOUSEHOLD_HEAD',
        `household starting on this line has ${found} with relationship ${HEAD} (expected exactly one)`,
      );
    }
  }
}

/** The digits before the check digit, as a number (fits: at most 11 digits). */
function serialOf(id: string | undefined): number {
  return Number((id ?? '').slice(0, -1));
}

/** The line `key` was first seen on, or null (and remember this line) when it is new. */
function firstLine(lines: Map<number, number>, key: number, line: number): number | null {
  const first = lines.get(key);
  if (first !== undefined) return first;
  lines.set(key, line);
  return null;
}
