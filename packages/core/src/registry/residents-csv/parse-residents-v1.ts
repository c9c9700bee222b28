import { type CsvSyntaxCode, type CsvSyntaxError, readCsvRecords, STOP } from './read-csv-records';
import { type CsvProblem, RESIDENTS_V1_COLUMNS, type ResidentsV1Record } from './residents-v1.types';
import { isCalendarDate } from './residents-v1-cells';
import { CrossRowChecks } from './residents-v1-cross-row';
import { checkHeader } from './residents-v1-header';
import { ProblemList } from './residents-v1-problems';
import { RowChecker, toRecord } from './residents-v1-row';

export interface ParseResidentsV1Options {
  /** The date birth dates may not be after (YYYY-MM-DD); default today in UTC. */
  readonly today?: string;
  /** Called every {@link PROGRESS_EVERY} data rows and once at the end with the rows read so far. */
  readonly onProgress?: (rowsDone: number) => void;
}

export interface ParseResidentsV1Result {
  /** The rows without a problem of their own, in file order. Rules between rows do not remove rows. */
  readonly records: ResidentsV1Record[];
  /** lines[i]: the file line records[i] starts on (1 is the header). */
  readonly lines: number[];
  /** Every problem, or the first 1,000 and a TOO_MANY_PROBLEMS entry. Import nothing unless empty. */
  readonly problems: CsvProblem[];
}

export const PROGRESS_EVERY = 10_000;

const SYNTAX_MESSAGES: Record<CsvSyntaxCode, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field opened in this row is never closed (expected a closing double quote)',
  CSV_INVALID_CLOSING_QUOTE: 'a closing double quote is followed by other characters (expected a comma or a line end)',
  INVALID_OPENING_QUOTE:
    'a double quote appears inside an unquoted field (expected the field quoted and quotes doubled)',
};

/**
 * Parses and checks a `madoguchi-residents-v1` file (docs/formats/residents-v1.md) decoded to text, see
 * `decodeCsvBytes`. Checks every row and reports every problem with line, column, field and code; a
 * wrong header stops the checks, as does a CSV syntax error (the rows after it cannot be split reliably).
 * Nothing is trimmed but the header cells; an empty cell is null.
 */
export function parseResidentsV1(text: string, options: ParseResidentsV1Options = {}): ParseResidentsV1Result {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(today)) throw new RangeError('today must be a calendar date (YYYY-MM-DD)');
  const { onProgress } = options;
  const problems = new ProblemList();
  if (!/\S/.test(text)) {
    const message = 'the file is empty (expected a header row and data rows)';
    return { records: [], lines: [], problems: [{ line: 1, column: null, field: null, code: 'EMPTY_FILE', message }] };
  }
  const records: ResidentsV1Record[] = [];
  const lines: number[] = [];
  const rowChecker = new RowChecker(today, problems);
  const crossRow = new CrossRowChecks(problems);
  // Asserted, not annotated: the callback below changes it, which narrowing would not see.
  let header = 'unread' as 'unread' | 'right' | 'wrong';
  let rowsDone = 0;

  const syntaxError = readCsvRecords(text, (cells, line, plain) => {
    if (header === 'unread') {
      header = checkHeader(cells, line, problems) ? 'right' : 'wrong';
      return header === 'wrong' ? STOP : undefined;
    }
    rowsDone += 1;
    if (onProgress !== undefined && rowsDone % PROGRESS_EVERY === 0) onProgress(rowsDone);
    if (cells.length !== RESIDENTS_V1_COLUMNS.length) {
      problems.add({ line, column: null, field: null, code: 'COLUMN_COUNT', message: columnCountMessage(cells) });
      return undefined;
    }
    const failedCells = rowChecker.check(cells, line, plain);
    crossRow.add(cells, line, failedCells);
    if (failedCells === 0) {
      records.push(toRecord(cells));
      lines.push(line);
    }
    return undefined;
  });

  if (syntaxError !== null) {
    // The households after a syntax error were never read: their checks would be wrong.
    problems.add(syntaxProblem(syntaxError));
  } else if (header === 'right') {
    crossRow.finish();
  }
  onProgress?.(rowsDone);
  return { records, lines, problems: problems.toArray() };
}

function columnCountMessage(cells: readonly string[]): string {
  const expected = RESIDENTS_V1_COLUMNS.length;
  if (cells.length === 1 && cells[0] === '') return `row is blank (expected ${expected} fields; remove blank lines)`;
  return `row has ${cells.length} fields (expected ${expected})`;
}

function syntaxProblem(error: CsvSyntaxError): CsvProblem & { readonly code: 'CSV_SYNTAX' } {
  const field = RESIDENTS_V1_COLUMNS[error.column - 1] ?? null;
  const what = SYNTAX_MESSAGES[error.code];
  return {
    line: error.line,
    column: error.column,
    field,
    code: 'CSV_SYNTAX',
    message: `${what}; the rows after it were not checked`,
  };
}
