import { RESIDENTS_V1_COLUMNS, type ResidentsV1Column } from './residents-v1.types';
import type { ProblemList } from './residents-v1-problems';

const KNOWN = new Set<string>(RESIDENTS_V1_COLUMNS);
const isColumn = (name: string): name is ResidentsV1Column => KNOWN.has(name);

/**
 * Checks the header row (cells are trimmed; nothing else in the file is). Reports each missing column
 * (MISSING_COLUMN) and each unknown, repeated or misplaced one (HEADER_MISMATCH). Unknown names are not
 * quoted back: a header cell may hold anything, personal data included. True when the header is right.
 */
export function checkHeader(cells: readonly string[], line: number, problems: ProblemList): boolean {
  const names = cells.map((cell) => cell.trim());
  if (names.length === RESIDENTS_V1_COLUMNS.length && names.every((name, i) => name === RESIDENTS_V1_COLUMNS[i])) {
    return true;
  }
  const firstPosition = new Map<ResidentsV1Column, number>();
  names.forEach((name, i) => {
    const position = i + 1;
    const expected = RESIDENTS_V1_COLUMNS[i] ?? null;
    if (!isColumn(name)) {
      const wanted =
        expected === null ? `the layout has ${RESIDENTS_V1_COLUMNS.length} columns` : `expected ${expected}`;
      problems.add({
        line,
        column: position,
        field: expected,
        code: 'HEADER_MISMATCH',
        message: `header column ${position} is not a column of madoguchi-residents-v1 (${wanted})`,
      });
      return;
    }
    const earlier = firstPosition.get(name);
    if (earlier !== undefined) {
      problems.add({
        line,
        column: position,
        field: name,
        code: 'HEADER_MISMATCH',
        message: `header column ${position} repeats ${name} of header column ${earlier} (expected each column once)`,
      });
      return;
    }
    firstPosition.set(name, position);
  });
  for (const [index, column] of RESIDENTS_V1_COLUMNS.entries()) {
    if (firstPosition.has(column)) continue;
    problems.add({
      line,
      column: null,
      field: column,
      code: 'MISSING_COLUMN',
      message: `header has no column ${column} (expected as column ${index + 1})`,
    });
  }
  // Compare the order of the known columns with the layout's order, missing ones left out, so one
  // missing column does not make every later column "misplaced".
  const expectedOrder = RESIDENTS_V1_COLUMNS.filter((column) => firstPosition.has(column));
  [...firstPosition].forEach(([name, position], i) => {
    const expected = expectedOrder[i];
    if (name === expected) return;
    problems.add({
      line,
      column: position,
      field: name,
      code: 'HEADER_MISMATCH',
      message: `header column ${position} is ${name}, out of order (expected ${expected} here; columns must follow the documented order)`,
    });
  });
  return false;
}
