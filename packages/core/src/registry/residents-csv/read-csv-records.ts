import { CsvError, parse } from 'csv-parse/sync';

/** Where csv-parse gave up. `column` is the 1-based field the error is in, when it knows. */
export interface CsvSyntaxError {
  readonly csvParseCode: string;
  readonly line: number;
  readonly column: number | null;
}

/** Returned by `onRecord` to end the parse early. */
export const STOP = Symbol('stop');
const stopping = new Error('stopped by the caller');

/**
 * Splits RFC 4180 text into records with csv-parse and calls `onRecord` with each record's cells and the
 * line it starts on, until it returns {@link STOP}. Cells are not trimmed, ragged rows are passed on (the
 * caller reports them), blank lines come as one empty cell. Returns the syntax error that stopped the
 * parse, or null.
 *
 * Line numbers: csv-parse counts the CR and the LF of a CRLF inside a quoted cell as two lines; we count
 * one, so we subtract the quoted CRLFs seen so far. A record starts on the line after the previous one
 * ends, which csv-parse's `info.lines` (the line a record ends on) gives without scanning every cell.
 */
export function readCsvRecords(
  text: string,
  onRecord: (cells: string[], line: number) => typeof STOP | undefined,
): CsvSyntaxError | null {
  let previousEnd = 0; // in csv-parse's count
  let quotedCrlfs = 0;
  try {
    parse(text, {
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n'],
      on_record: (cells: string[], info) => {
        const start = previousEnd + 1;
        previousEnd = info.lines;
        const line = start - quotedCrlfs;
        if (info.lines !== start) quotedCrlfs += countCrlf(cells);
        if (onRecord(cells, line) === STOP) throw stopping;
        return null;
      },
    });
    return null;
  } catch (error) {
    if (error === stopping) return null;
    if (!(error instanceof CsvError)) throw error;
    const column = typeof error.column === 'number' ? error.column + 1 : null;
    // csv-parse reports an unclosed quote on the last line of the file; the row it opened in is more use.
    const reported = error.code === 'CSV_QUOTE_NOT_CLOSED' ? previousEnd + 1 : Number(error.lines);
    return { csvParseCode: error.code, line: reported - quotedCrlfs, column };
  }
}

function countCrlf(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\r\n'); at !== -1; at = cell.indexOf('\r\n', at + 2)) count += 1;
  }
  return count;
}
