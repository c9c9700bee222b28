import { describe, expect, it } from 'vitest';
import { formatResidentsV1, parseResidentsV1, RESIDENTS_V1_COLUMNS } from './index';
import { csvFile, demoForeignRow, demoIndividualNumber, demoRow, HEADER, TODAY } from './test-rows';

const parse = (text: string) => parseResidentsV1(text, { today: TODAY });
const format = (text: string, includeIndividualNumber = true) =>
  [...formatResidentsV1(parse(text).records, { includeIndividualNumber })].join('');

const rows = [
  demoRow(1, { individual_number: demoIndividualNumber(11), address_detail: 'デモハイツ "A" 棟, 101' }),
  demoForeignRow(2, { given_name: 'ALEX, JR.', previous_address: 'デモ国"デモ"市' }),
  demoRow(3, {
    status: 'removed',
    removal_reason: '転出',
    removed_on: '2020-03-31',
    support_measure_until: '2026-03-31',
  }),
  demoRow(4, { given_name: '𠮷子', sex: '9', postal_code: '', family_name_kana: '', given_name_kana: '' }),
];

describe('formatResidentsV1', () => {
  it('round-trips a canonical file byte for byte', () => {
    const text = csvFile(rows);
    expect(parse(text).problems).toEqual([]);
    expect(format(text)).toBe(text);
  });

  it('yields the header line first and one LF-terminated line per record', () => {
    const lines = [...formatResidentsV1(parse(csvFile(rows)).records, { includeIndividualNumber: true })];
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[0]).toBe(`${HEADER}\n`);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('quotes only fields with a comma, quote, CR or LF, doubling quotes', () => {
    const lines = format(csvFile(rows)).split('\n');
    expect(lines[1]).toContain(',"デモハイツ ""A"" 棟, 101",');
    expect(lines[2]).toContain(',"ALEX, JR.",');
    expect(lines[2]).toContain(',"デモ国""デモ""市",');
    expect(lines[3]).not.toContain('"');
  });

  it('leaves individual_number empty, column kept, unless asked to include it', () => {
    const text = csvFile(rows);
    const withoutNumbers = format(text, false);
    expect(withoutNumbers).not.toContain(demoIndividualNumber(11));
    expect(withoutNumbers).toBe(csvFile(rows.map((row) => ({ ...row, individual_number: '' }))));
    const firstRow = withoutNumbers.split('\n')[1] ?? '';
    expect(firstRow.split(',').length).toBeGreaterThanOrEqual(RESIDENTS_V1_COLUMNS.length);
    expect(firstRow.endsWith(',')).toBe(true);
  });

  it('is lazy: it formats records as they are pulled', () => {
    let pulled = 0;
    function* records() {
      for (const record of parse(csvFile(rows)).records) {
        pulled += 1;
        yield record;
      }
    }
    const lines = formatResidentsV1(records(), { includeIndividualNumber: false })[Symbol.iterator]();
    lines.next();
    lines.next();
    expect(pulled).toBe(1);
  });
});
