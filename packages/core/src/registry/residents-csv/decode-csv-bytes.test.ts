import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvEncodingError, decodeCsvBytes, parseResidentsV1 } from './index';
import { csvFile, demoForeignRow, demoRow, HEADER, TODAY } from './test-rows';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const thrown = (bytes: Uint8Array): CsvEncodingError => {
  try {
    decodeCsvBytes(bytes);
  } catch (error) {
    if (error instanceof CsvEncodingError) return error;
    throw error;
  }
  throw new Error('expected a CsvEncodingError');
};

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 and removes a BOM', () => {
    expect(decodeCsvBytes(utf8('デモ,太郎\n'))).toEqual({ text: 'デモ,太郎\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(concat([0xef, 0xbb, 0xbf], utf8('デモ\n')))).toEqual({ text: 'デモ\n', encoding: 'utf-8' });
  });

  it('decodes Shift_JIS as CP932, NEC and IBM extensions included', () => {
    // デ モ , ① 髙 ～ (0x8160 → U+FF5E, the CP932 mapping)
    const bytes = [0x83, 0x66, 0x83, 0x82, 0x2c, 0x87, 0x40, 0xfb, 0xfc, 0x81, 0x60, 0x0d, 0x0a];
    expect(decodeCsvBytes(Uint8Array.from(bytes))).toEqual({ text: 'デモ,①髙～\r\n', encoding: 'shift_jis' });
  });

  it('decodes and parses a CP932 file written by iconv -t cp932', () => {
    const rows = [
      demoRow(1, { family_name: '髙デモ', family_name_kana: 'タカデモ', address_detail: 'デモハイツ①号棟' }),
      demoForeignRow(2, { address: 'デモ県デモ市デモ町1～2', alias_name: '髙 デモ花子' }),
    ];
    const bytes = readFileSync(new URL('./fixtures/residents-v1-cp932.csv', import.meta.url));
    const { text, encoding } = decodeCsvBytes(bytes);
    expect(encoding).toBe('shift_jis');
    expect(text).toBe(csvFile(rows, '\r\n'));
    const { records, problems } = parseResidentsV1(text, { today: TODAY });
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.familyName, record.addressDetail, record.address])).toEqual([
      ['髙デモ', 'デモハイツ①号棟', 'デモ県デモ市デモ町1-1'],
      ['DEMO', null, 'デモ県デモ市デモ町1～2'],
    ]);
  });

  it('throws ENCODING_INVALID for bytes that are neither UTF-8 nor Shift_JIS', () => {
    const error = thrown(Uint8Array.from([0x82, 0xff, 0xfe]));
    expect(error).toMatchObject({ code: 'ENCODING_INVALID', line: 1, column: 1, field: 'person_id', byteOffset: 0 });
    expect(error.message).toContain('neither UTF-8 nor Shift_JIS');
  });

  it('locates the first byte that is not UTF-8 by line and CSV field, following quotes', () => {
    const bytes = concat(utf8(`${HEADER}\n0000000019,"デモ\n,デモ",`), [0xff, 0xfe, 0x82], utf8('\n'));
    expect(thrown(bytes)).toMatchObject({ line: 3, column: 3, field: 'resident_kind', byteOffset: bytes.length - 4 });
  });

  it('treats a file with a UTF-8 BOM as UTF-8 only', () => {
    const error = thrown(concat([0xef, 0xbb, 0xbf], [0x83, 0x66]));
    expect(error).toMatchObject({ code: 'ENCODING_INVALID', line: 1, byteOffset: 3 });
  });
});
