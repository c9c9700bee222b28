import { describe, expect, it } from 'vitest';
import { formatJapaneseEraDate, formatRecordDate, formatWesternDate } from './japanese-date';

describe('formatJapaneseEraDate', () => {
  it.each([
    ['2023-04-01', '令和5年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1868-10-23', '明治元年10月23日'],
    ['2024-02-29', '令和6年2月29日'],
  ])('%s is %s', (iso, expected) => {
    expect(formatJapaneseEraDate(iso)).toBe(expected);
  });

  it('prints dates before 明治 in 西暦', () => {
    expect(formatJapaneseEraDate('1868-10-22')).toBe('1868年10月22日');
  });
});

describe('formatWesternDate', () => {
  it('drops leading zeros', () => {
    expect(formatWesternDate('2023-04-01')).toBe('2023年4月1日');
    expect(formatWesternDate('1999-12-31')).toBe('1999年12月31日');
  });
});

describe('formatRecordDate', () => {
  it('uses 和暦 for Japanese residents and 西暦 for foreign residents', () => {
    expect(formatRecordDate('1985-06-15', 'japanese')).toBe('昭和60年6月15日');
    expect(formatRecordDate('1985-06-15', 'foreign')).toBe('1985年6月15日');
  });
});

describe('malformed dates', () => {
  it.each([
    '',
    '2023-4-1',
    '2023/04/01',
    '2023-04-01T00:00:00Z',
    '2023-13-01',
    '2023-00-10',
    '2023-02-29',
    '1900-02-29',
    '2023-04-31',
    '2023-04-00',
  ])("'%s' throws a RangeError", (iso) => {
    expect(() => formatJapaneseEraDate(iso)).toThrow(RangeError);
    expect(() => formatWesternDate(iso)).toThrow(RangeError);
  });
});
