/**
 * A small RFC 4180 reader, hand-written on purpose: a deliberate exception to "prefer libraries", to be
 * recorded in an ADR. On 200,000 generated rows of 27 fields (2-core machine, busy), csv-parse 7 split
 * ≈ 100k rows/s, and only about half that with the `info` option that line numbers need; with it
 * parse+validate ran at ≈ 55–65k rows/s, while the importer needs ≥ 400k. This reader splits the same
 * rows at ≈ 0.85–1.4M rows/s, and parse+validate runs at ≈ 220k (the records it keeps are most of the
 * rest: building and keeping them alone costs ≈ 2.2 µs a row). A row is read with one regular
 * expression search for its first control character (its line end, if the row is plain), then
 * `indexOf(',')` and `slice` per cell; only rows with a `"` or another control character are read field
 * by field ({@link CsvReader.slowRow}).
 *
 * It reads what csv-parse read with `relax_column_count` and `record_delimiter: ['\r\n', '\n']`:
 * - A record ends at LF or CRLF. A lone CR is cell content (the row checks report it) but is a line
 *   break for line numbers, as are LF and CRLF, quoted or not.
 * - A field that starts with `"` is quoted: `""` inside is one `"`, and the closing quote must be
 *   followed by `,`, a line end or the end of the text (else CSV_INVALID_CLOSING_QUOTE). A `"` inside an
 *   unquoted field is INVALID_OPENING_QUOTE; a quote never closed is CSV_QUOTE_NOT_CLOSED.
 * - Nothing is trimmed; a blank line is one empty cell; a final line end adds no record; a BOM is
 *   left in the first cell (removing it is `decodeCsvBytes`' job).
 * Differential tests against csv-parse found three differences. The first two follow RFC 4180: a quote
 * error after a quoted CRLF in the same row is reported on its own line (csv-parse counted that CRLF
 * twice), and a NUL after a closing quote is an error (csv-parse read on). The third: lone surrogates
 * stay as they are (csv-parse, reading UTF-8 bytes, made them U+FFFD; decoded files have none).
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
// Unicode Cc: C0 controls (CR and LF included), DEL and C1 controls.
const CONTROL = /\p{Cc}/gu;

export type CsvSyntaxCode = 'CSV_QUOTE_NOT_CLOSED' | 'CSV_INVALID_CLOSING_QUOTE' | 'INVALID_OPENING_QUOTE';

/** Why the text is not CSV, and where. */
export interface CsvSyntaxError {
  readonly code: CsvSyntaxCode;
  /** CSV_QUOTE_NOT_CLOSED: the line the row starts on; otherwise the line of the offending quote. */
  readonly line: number;
  /** The 1-based field the error is in. */
  readonly column: number;
}

/** Returned by `onRecord` to end the reading early. */
export const STOP = Symbol('stop');

/**
 * Splits RFC 4180 text into records and calls `onRecord` with each record's cells and the line it
 * starts on (1-based), until it returns {@link STOP}. `plain` true promises that no cell holds a
 * control character (Unicode Cc), so the caller need not look; false promises nothing. Ragged rows are
 * passed on (the caller reports them). Returns the syntax error that stopped the reading, or null.
 */
export function readCsvRecords(
  text: string,
  onRecord: (cells: string[], line: number, plain: boolean) => typeof STOP | undefined,
): CsvSyntaxError | null {
  const reader = new CsvReader(text);
  while (reader.pos < text.length) {
    const line = reader.line;
    const cells = reader.row();
    if (cells === null) return reader.error;
    if (onRecord(cells, line, reader.plain) === STOP) return null;
  }
  return null;
}

class CsvReader {
  readonly #text: string;
  pos = 0;
  line = 1;
  error: CsvSyntaxError | null = null;
  /** The last record has no control character in any cell (false: not known). */
  plain = false;
  /** The next `"` at or after `pos`, found once and reused until passed; text length + 1 when none. */
  #nextQuote = -1;
  /** Cells of the last record read the fast way. */
  #width = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** The record at `pos` (`pos` < text length), or null with `error` set. */
  row(): string[] | null {
    const text = this.#text;
    const start = this.pos;
    if (this.#nextQuote < start) {
      const quote = text.indexOf('"', start);
      this.#nextQuote = quote === -1 ? text.length + 1 : quote;
    }
    // Every line end is a control character, so the first one from `start` ends a plain row, unless it
    // is another one (a tab, a lone CR...): such rows, and rows with a quote, are read the slow way.
    CONTROL.lastIndex = start;
    const end = CONTROL.test(text) ? CONTROL.lastIndex - 1 : text.length;
    const code = text.charCodeAt(end);
    const crlf = code === CR && text.charCodeAt(end + 1) === LF;
    if (this.#nextQuote < end || (end < text.length && code !== LF && !crlf)) return this.slowRow();
    this.plain = true;
    this.pos = end + (crlf ? 2 : 1);
    this.line += 1;
    return this.#split(start, end);
  }

  /** The cells between `start` and `end`, where there is no `"` and no line end. */
  #split(start: number, end: number): string[] {
    const text = this.#text;
    // Sized like the last record: one allocation for a file of equal rows (faster than `split`).
    const cells: string[] = new Array(this.#width);
    let count = 0;
    for (let from = start; ; count += 1) {
      let comma = text.indexOf(',', from);
      if (comma === -1 || comma > end) comma = end;
      cells[count] = text.slice(from, comma);
      if (comma === end) break;
      from = comma + 1;
    }
    count += 1;
    if (cells.length !== count) cells.length = count;
    this.#width = count;
    return cells;
  }

  /** Field by field, for rows with a `"` or a lone CR: quoted parts by `indexOf`, the rest by character. */
  slowRow(): string[] | null {
    this.plain = false;
    const text = this.#text;
    const end = text.length;
    const rowLine = this.line;
    const cells: string[] = [];
    let pos = this.pos;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let from = pos + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) return this.#fail('CSV_QUOTE_NOT_CLOSED', rowLine, cells.length + 1);
          this.line += lineBreaks(text, from, quote);
          value += text.slice(from, quote);
          pos = quote + 1;
          if (text.charCodeAt(pos) !== QUOTE) break;
          value += '"';
          from = pos + 1;
        }
        cells.push(value);
        const next = text.charCodeAt(pos);
        if (next === COMMA) {
          pos += 1;
          continue;
        }
        if (pos < end && next !== LF && !(next === CR && text.charCodeAt(pos + 1) === LF)) {
          return this.#fail('CSV_INVALID_CLOSING_QUOTE', this.line, cells.length);
        }
      } else {
        let at = pos;
        let code = text.charCodeAt(at);
        while (at < end && code !== COMMA && code !== LF && !(code === CR && text.charCodeAt(at + 1) === LF)) {
          if (code === QUOTE) return this.#fail('INVALID_OPENING_QUOTE', this.line, cells.length + 1);
          if (code === CR) this.line += 1;
          at += 1;
          code = text.charCodeAt(at);
        }
        cells.push(text.slice(pos, at));
        pos = at;
        if (code === COMMA) {
          pos += 1;
          continue;
        }
      }
      // At a line end (LF or CRLF) or the end of the text: the record is complete.
      if (pos < end) {
        pos += text.charCodeAt(pos) === CR ? 2 : 1;
        this.line += 1;
      }
      this.pos = pos;
      return cells;
    }
  }

  #fail(code: CsvSyntaxCode, line: number, column: number): null {
    this.error = { code, line, column };
    return null;
  }
}

/** Line breaks between `from` and `to`: LF, CRLF (once) and a lone CR. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) count += 1;
  }
  return count;
}
