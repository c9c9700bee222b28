import { type CsvProblem, RESIDENTS_V1_COLUMNS, type ResidentsV1Column } from './residents-v1.types';

export type CsvTextEncoding = 'utf-8' | 'shift_jis';

/**
 * Thrown by {@link decodeCsvBytes} when the bytes are neither UTF-8 nor Shift_JIS/CP932. It is a
 * {@link CsvProblem} (code ENCODING_INVALID) so it can be reported like any other problem: `line` is the
 * line of the first byte that is not UTF-8, `column` the 1-based CSV field it falls in, and `byteOffset`
 * its offset in the file (BOM included). The message quotes no bytes.
 */
export class CsvEncodingError extends Error implements CsvProblem {
  override readonly name = 'CsvEncodingError';
  readonly code = 'ENCODING_INVALID';
  readonly line: number;
  readonly column: number;
  readonly field: ResidentsV1Column | null;
  readonly byteOffset: number;

  constructor(byteOffset: number, line: number, column: number) {
    super(
      `the file is neither UTF-8 nor Shift_JIS (CP932): the first byte that is not UTF-8 is at byte offset ${byteOffset}, line ${line}, field ${column} (expected UTF-8, or Shift_JIS/CP932 as saved by Excel)`,
    );
    this.byteOffset = byteOffset;
    this.line = line;
    this.column = column;
    this.field = RESIDENTS_V1_COLUMNS[column - 1] ?? null;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decodes an uploaded CSV: UTF-8 (a BOM is removed) when the bytes are valid UTF-8, otherwise Shift_JIS as
 * WHATWG defines it, which is CP932 (windows-31j) with the NEC and IBM extensions (①, 髙). A file that
 * starts with a UTF-8 BOM must be UTF-8. Throws {@link CsvEncodingError} when neither fits.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvTextEncoding } {
  const bom = bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: try Shift_JIS.
  }
  if (!bom) {
    try {
      return { text: new TextDecoder('shift_jis', { fatal: true }).decode(body), encoding: 'shift_jis' };
    } catch {
      // Neither: report where UTF-8 breaks.
    }
  }
  const offset = firstInvalidUtf8Offset(bytes);
  const { line, column } = csvPosition(bytes, offset);
  throw new CsvEncodingError(offset, line, column);
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // How many continuation bytes follow, and the range the first of them must be in (no overlong
    // forms, no surrogates, nothing above U+10FFFF).
    let rest: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) rest = 1;
    else if (lead === 0xe0) [rest, low] = [2, 0xa0];
    else if (lead === 0xed) [rest, high] = [2, 0x9f];
    else if (lead >= 0xe1 && lead <= 0xef) rest = 2;
    else if (lead === 0xf0) [rest, low] = [3, 0x90];
    else if (lead === 0xf4) [rest, high] = [3, 0x8f];
    else if (lead >= 0xf1 && lead <= 0xf3) rest = 3;
    else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= rest; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += rest + 1;
  }
  return i;
}

/**
 * Line (CRLF, LF or a lone CR ends one) and 1-based CSV field of a byte offset, following quotes. Safe on
 * bytes that are not UTF-8: comma, quote, CR and LF never occur inside a UTF-8 or Shift_JIS sequence.
 */
function csvPosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < offset; i += 1) {
    const byte = bytes[i];
    if (byte === 0x22) quoted = !quoted;
    else if (byte === 0x2c && !quoted) column += 1;
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) {
      line += 1;
      if (!quoted) column = 1;
    }
  }
  return { line, column };
}
