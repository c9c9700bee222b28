import { describe, expect, it } from 'vitest';
import { isValidIndividualNumber, isValidRegistryId, registryIdFromSerial } from '../ids';
import { parseResidentsV1, type ResidentsV1Column } from './index';
import { dateNumber, individualNumberFailure, isCalendarDate, registryIdFailure } from './residents-v1-cells';
import {
  columnOf,
  csvFile,
  demoForeignRow,
  demoIndividualNumber,
  demoRow,
  type TestRow,
  TODAY,
  withWrongCheckDigit,
} from './test-rows';

const parse = (text: string) => parseResidentsV1(text, { today: TODAY });
/** Problems without their messages, for exact comparison. */
const where = (text: string) =>
  parse(text).problems.map(({ line, column, field, code }) => ({ line, column, field, code }));
const at = (line: number, field: ResidentsV1Column, code: string) => ({ line, column: columnOf(field), field, code });
/** The problems of a file whose second line is the given row. */
const rowProblems = (overrides: Partial<TestRow>) => where(csvFile([demoRow(1, overrides)]));

describe('parseResidentsV1: cells', () => {
  it.each([
    ['person_id', '', 'REQUIRED'],
    ['person_id', '000000001', 'INVALID_ID'],
    ['person_id', '00000000１9', 'INVALID_ID'],
    ['person_id', withWrongCheckDigit(registryIdFromSerial(1)), 'CHECK_DIGIT'],
    ['household_id', '', 'REQUIRED'],
    ['household_id', '50000000100', 'INVALID_ID'],
    ['household_id', withWrongCheckDigit(registryIdFromSerial(500_000_001)), 'CHECK_DIGIT'],
    ['resident_kind', 'Japanese', 'INVALID_VALUE'],
    ['sex', '3', 'INVALID_VALUE'],
    ['status', 'moved', 'INVALID_VALUE'],
    ['postal_code', '1000001', 'INVALID_POSTAL_CODE'],
    ['postal_code', '100-001', 'INVALID_POSTAL_CODE'],
    ['individual_number', '12345678901', 'INVALID_ID'],
    ['individual_number', withWrongCheckDigit(demoIndividualNumber(7)), 'CHECK_DIGIT'],
  ] as const)('%s %j: %s', (field, value, code) => {
    expect(rowProblems({ [field]: value })).toEqual([at(2, field, code)]);
  });

  it.each([
    'family_name',
    'given_name',
    'relationship',
    'address',
    'birth_date',
    'became_resident_on',
    'address_since',
  ] as const)('REQUIRED %s', (field) => {
    expect(rowProblems({ [field]: '' })).toEqual([at(2, field, 'REQUIRED')]);
  });

  it('TOO_LONG counts characters, not UTF-16 units', () => {
    expect(rowProblems({ family_name: 'デ'.repeat(101) })).toEqual([at(2, 'family_name', 'TOO_LONG')]);
    expect(rowProblems({ address: 'デ'.repeat(201) })).toEqual([at(2, 'address', 'TOO_LONG')]);
    expect(rowProblems({ given_name: '𠮷'.repeat(100), address: 'デ'.repeat(200) })).toEqual([]);
  });

  it('CONTROL_CHARACTER for a tab, DEL or C1 control in any cell', () => {
    expect(rowProblems({ given_name: '太\t郎' })).toEqual([at(2, 'given_name', 'CONTROL_CHARACTER')]);
    expect(rowProblems({ address_detail: 'デモ\u007f' })).toEqual([at(2, 'address_detail', 'CONTROL_CHARACTER')]);
    expect(rowProblems({ birth_date: '1980-04-01\u0085' })).toEqual([at(2, 'birth_date', 'CONTROL_CHARACTER')]);
  });

  it('KANA_INVALID for hiragana, half-width kana and latin, with a message for each; no normalisation', () => {
    const kanaProblem = (value: string) => parse(csvFile([demoRow(1, { given_name_kana: value })])).problems;
    expect(kanaProblem('たろう')).toMatchObject([{ ...at(2, 'given_name_kana', 'KANA_INVALID') }]);
    expect(kanaProblem('たろう')[0]?.message).toContain('hiragana');
    expect(kanaProblem('ﾀﾛｳ')[0]?.message).toContain('half-width');
    expect(kanaProblem('TARO')[0]?.message).toContain('not katakana');
    expect(kanaProblem('タロウ ジロウ')[0]?.code).toBe('KANA_INVALID');
    expect(kanaProblem('タロー・ジロウ\u3000ヴァ')).toEqual([]);
  });

  it.each([
    ['birth_date', '2023-02-30'],
    ['birth_date', '2023-13-01'],
    ['became_resident_on', '2023-02-29'],
    ['address_since', '1900-02-29'],
    ['notified_on', '2023/01/01'],
    ['removed_on', '2023-1-01'],
    ['support_measure_until', '2023-04-00'],
    ['residence_expiry', '２０２３-01-01'],
  ] as const)('INVALID_DATE %s %s', (field, value) => {
    const row = field === 'residence_expiry' ? demoForeignRow(1, { [field]: value }) : demoRow(1, { [field]: value });
    if (field === 'removed_on') Object.assign(row, { status: 'removed', removal_reason: '転出' });
    expect(where(csvFile([row]))).toEqual([at(2, field, 'INVALID_DATE')]);
  });

  it('accepts leap days of leap years', () => {
    expect(rowProblems({ birth_date: '2000-02-29', became_resident_on: '2024-02-29' })).toEqual([]);
  });

  it('DATE_IN_FUTURE for a birth_date after today, which defaults to the UTC date', () => {
    expect(rowProblems({ birth_date: '2025-01-02' })).toEqual([at(2, 'birth_date', 'DATE_IN_FUTURE')]);
    expect(rowProblems({ birth_date: TODAY, became_resident_on: TODAY, address_since: TODAY })).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const row = demoRow(1, { birth_date: tomorrow, became_resident_on: tomorrow, address_since: tomorrow });
    expect(parseResidentsV1(csvFile([row])).problems.map((problem) => problem.code)).toEqual(['DATE_IN_FUTURE']);
  });

  it('DATE_ORDER when became_resident_on or address_since is before birth_date', () => {
    expect(
      rowProblems({ birth_date: '1990-01-01', became_resident_on: '1989-12-31', address_since: '1989-01-01' }),
    ).toEqual([at(2, 'became_resident_on', 'DATE_ORDER'), at(2, 'address_since', 'DATE_ORDER')]);
  });

  it('NOT_FOR_JAPANESE for the cells only foreign residents have; foreign residents need a nationality', () => {
    expect(
      rowProblems({
        nationality: 'デモ国',
        residence_status: '永住者',
        residence_expiry: '2030-01-01',
        alias_name: 'デモ',
      }),
    ).toEqual([
      at(2, 'alias_name', 'NOT_FOR_JAPANESE'),
      at(2, 'nationality', 'NOT_FOR_JAPANESE'),
      at(2, 'residence_status', 'NOT_FOR_JAPANESE'),
      at(2, 'residence_expiry', 'NOT_FOR_JAPANESE'),
    ]);
    expect(where(csvFile([demoForeignRow(1, { nationality: '' })]))).toEqual([at(2, 'nationality', 'REQUIRED')]);
    expect(rowProblems({ former_family_name: 'デモ旧姓' })).toEqual([]);
    expect(where(csvFile([demoForeignRow(1, { former_family_name: 'DEMO' })]))).toEqual([]);
  });

  it('REMOVAL_INCONSISTENT unless status removed comes with removal_reason and removed_on', () => {
    expect(rowProblems({ status: 'removed' })).toEqual([
      at(2, 'removal_reason', 'REMOVAL_INCONSISTENT'),
      at(2, 'removed_on', 'REMOVAL_INCONSISTENT'),
    ]);
    expect(rowProblems({ removed_on: '2020-01-01' })).toEqual([at(2, 'removed_on', 'REMOVAL_INCONSISTENT')]);
    expect(rowProblems({ status: 'removed', removal_reason: '転出', removed_on: '2020-01-01' })).toEqual([]);
  });

  it('reports every problem of a row, and leaves the row out of the records', () => {
    const text = csvFile([
      demoRow(1),
      demoRow(2, { sex: 'x', birth_date: '2023-02-30', postal_code: '1' }),
      demoRow(3),
    ]);
    const { problems, records, lines } = parse(text);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [3, 'birth_date'],
      [3, 'sex'],
      [3, 'postal_code'],
    ]);
    expect(lines).toEqual([2, 4]);
    expect(records.map((record) => record.personId)).toEqual([registryIdFromSerial(1), registryIdFromSerial(3)]);
  });
});

// The cell checks compute check digits and dates on char codes, for speed: they must agree with ../ids and Date.
describe('cell checks agree with ../ids and Date', () => {
  it('registry ids and individual numbers: every check digit of many serials', () => {
    for (let serial = 1; serial < 100_000_000; serial += 97_301) {
      const first11 = String(serial * 131).padStart(11, '0');
      for (let digit = 0; digit <= 9; digit += 1) {
        const id = `${registryIdFromSerial(serial).slice(0, 9)}${digit}`;
        expect(registryIdFailure(id) === null, id).toBe(isValidRegistryId(id));
        const number = `${first11}${digit}`;
        expect(individualNumberFailure(number) === null, number).toBe(isValidIndividualNumber(number));
      }
    }
  });

  it('calendar dates, and dateNumber orders them like the ISO strings', () => {
    const dates: string[] = [];
    for (const year of [1900, 1999, 2000, 2023, 2024]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(`${value}T00:00:00Z`);
          const valid = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
          expect(isCalendarDate(value), value).toBe(valid);
          if (valid) dates.push(value);
        }
      }
    }
    const byNumber = [...dates].sort((a, b) => dateNumber(a) - dateNumber(b));
    expect(byNumber).toEqual([...dates].sort());
  });
});
