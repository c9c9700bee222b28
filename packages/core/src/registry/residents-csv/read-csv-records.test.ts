import { describe, expect, it } from 'vitest';
import { readCsvRecords, STOP } from './read-csv-records';

/** Every record as [line, cells], and the syntax error, if any. */
function read(text: string) {
  const records: [number, string[]][] = [];
  const error = readCsvRecords(text, (cells, line) => {
    records.push([line, cells]);
    return undefined;
  });
  return { records, error };
}
const records = (text: string) => read(text).records;

describe('readCsvRecords: fields', () => {
  it('splits on commas, keeping empty fields and spaces', () => {
    expect(records('a,b,c\n,,\n a , b\n')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['', '', '']],
      [3, [' a ', ' b']],
    ]);
  });

  it('reads quoted fields: commas inside, doubled quotes, empty quotes', () => {
    expect(records('"a,b","say ""hi""","",""""\n')).toEqual([[1, ['a,b', 'say "hi"', '', '"']]]);
    expect(records('x,"y"')).toEqual([[1, ['x', 'y']]]);
  });

  it('passes ragged rows on, and rows of changing width', () => {
    expect(records('a,b,c\nd\ne,f,g,h\ni,j,k\n')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['d']],
      [3, ['e', 'f', 'g', 'h']],
      [4, ['i', 'j', 'k']],
    ]);
  });

  it('leaves a BOM in the first cell (decodeCsvBytes removes it)', () => {
    expect(records('\uFEFFa,b\n')).toEqual([[1, ['\uFEFFa', 'b']]]);
  });
});

describe('readCsvRecords: lines', () => {
  it('ends records at LF and CRLF alike, with or without a final line end', () => {
    const expected = [
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ];
    for (const text of ['a,b\nc,d\n', 'a,b\r\nc,d\r\n', 'a,b\r\nc,d\n', 'a,b\nc,d', 'a,b\r\nc,d']) {
      expect(records(text), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('gives a blank line one empty cell; a final line end adds no record', () => {
    expect(records('a\n\nb\r\n\r\n')).toEqual([
      [1, ['a']],
      [2, ['']],
      [3, ['b']],
      [4, ['']],
    ]);
    expect(records('')).toEqual([]);
  });

  it('keeps quoted LF and CRLF in the cell and counts each as one line', () => {
    expect(records('h\r\n"a\r\nb",c\r\nnext\r\n"x\ny"\nlast')).toEqual([
      [1, ['h']],
      [2, ['a\r\nb', 'c']],
      [4, ['next']],
      [5, ['x\ny']],
      [7, ['last']],
    ]);
  });

  it('gives the row after a row spanning 3 lines the right line number', () => {
    expect(records('h\n"a\nb\nc",x\nnext\n')).toEqual([
      [1, ['h']],
      [2, ['a\nb\nc', 'x']],
      [5, ['next']],
    ]);
  });

  it('keeps a lone CR in the cell, where the row checks report it, and counts it as a line break', () => {
    expect(records('a\rb,c\n"d\re"\nf\n')).toEqual([
      [1, ['a\rb', 'c']],
      [3, ['d\re']],
      [5, ['f']],
    ]);
    expect(records('a,b\r')).toEqual([[1, ['a', 'b\r']]]);
  });
});

describe('readCsvRecords: syntax errors', () => {
  it('CSV_QUOTE_NOT_CLOSED on the line where the row starts, after the rows before it', () => {
    expect(read('a,b\nc,"d\ne,f\ng,h\n')).toEqual({
      records: [[1, ['a', 'b']]],
      error: { code: 'CSV_QUOTE_NOT_CLOSED', line: 2, column: 2 },
    });
    expect(read('"abc""').error).toEqual({ code: 'CSV_QUOTE_NOT_CLOSED', line: 1, column: 1 });
  });

  it('CSV_INVALID_CLOSING_QUOTE for anything but a comma or a line end after a closing quote', () => {
    for (const after of ['x', ' ', '\r', '\rx', '\u0000']) {
      expect(read(`a\n"b"${after},c\n`).error, JSON.stringify(after)).toEqual({
        code: 'CSV_INVALID_CLOSING_QUOTE',
        line: 2,
        column: 1,
      });
    }
    expect(read('a,"b\nc"d\n').error).toEqual({ code: 'CSV_INVALID_CLOSING_QUOTE', line: 2, column: 2 });
  });

  it('INVALID_OPENING_QUOTE for a quote inside an unquoted field, on the line of the quote', () => {
    expect(read('a\nb,c"d",e\n').error).toEqual({ code: 'INVALID_OPENING_QUOTE', line: 2, column: 2 });
    expect(read('a\nb,\r"x"\n').error).toEqual({ code: 'INVALID_OPENING_QUOTE', line: 3, column: 2 });
    expect(read('"a\r\nb",c"d\n').error).toEqual({ code: 'INVALID_OPENING_QUOTE', line: 2, column: 2 });
  });
});

describe('readCsvRecords: the caller', () => {
  it('stops when onRecord returns STOP, without reading (or failing on) the rest', () => {
    const seen: string[][] = [];
    const error = readCsvRecords('a\nb\n"c', (cells) => {
      seen.push(cells);
      return seen.length === 2 ? STOP : undefined;
    });
    expect({ seen, error }).toEqual({ seen: [['a'], ['b']], error: null });
  });

  it('says a row is plain only when no cell holds a control character', () => {
    const plain: boolean[] = [];
    readCsvRecords('a,b\r\nc\td\n"e",f\ng\u0085\nh\rx\ni', (_cells, _line, isPlain) => {
      plain.push(isPlain);
      return undefined;
    });
    expect(plain).toEqual([true, false, false, false, false, true]);
  });
});
