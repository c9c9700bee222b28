import { describe, expect, it } from 'vitest';
import { registryIdFromSerial } from '../ids';
import { parseResidentsV1, RESIDENTS_V1_COLUMNS, RESIDENTS_V1_PROBLEM_CODES, type ResidentsV1Column } from './index';
import {
  columnOf,
  csvFile,
  csvLine,
  demoForeignRow,
  demoIndividualNumber,
  demoRow,
  HEADER,
  type TestRow,
  TODAY,
  withWrongCheckDigit,
} from './test-rows';

const parse = (text: string) => parseResidentsV1(text, { today: TODAY });
/** Problems without their messages, for exact comparison. */
const where = (text: string) =>
  parse(text).problems.map(({ line, column, field, code }) => ({ line, column, field, code }));
const at = (line: number, field: ResidentsV1Column, code: string) => ({ line, column: columnOf(field), field, code });

describe('parseResidentsV1: a good file', () => {
  it('returns the records and the lines they start on, without problems', () => {
    const text = csvFile([demoRow(1), demoForeignRow(2), demoRow(3, { individual_number: demoIndividualNumber(7) })]);
    const { records, lines, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(lines).toEqual([2, 3, 4]);
    expect(records[0]).toMatchObject({
      personId: registryIdFromSerial(1),
      sex: 1,
      aliasName: null,
      status: 'resident',
    });
    expect(records[1]).toMatchObject({ residentKind: 'foreign', nationality: 'デモ国', residenceExpiry: '2030-03-31' });
    expect(records[2]?.individualNumber).toBe(demoIndividualNumber(7));
  });

  it('accepts CRLF line ends, a missing final line end and a header with spaces around names', () => {
    const header = RESIDENTS_V1_COLUMNS.map((column) => ` ${column} `).join(',');
    const text = `${header}\r\n${csvLine(demoRow(1))}\r\n${csvLine(demoRow(2))}`;
    expect(parse(text)).toMatchObject({ problems: [], lines: [2, 3] });
  });

  it('reports the rows read through onProgress', () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => demoRow(i + 1));
    const calls: number[] = [];
    parseResidentsV1(csvFile(rows), { today: TODAY, onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([10_000, 20_000, 20_001]);
  });
});

describe('parseResidentsV1: file structure', () => {
  it.each(['', '\n\n', ' \r\n'])('EMPTY_FILE for %j', (text) => {
    expect(where(text)).toEqual([{ line: 1, column: null, field: null, code: 'EMPTY_FILE' }]);
  });

  it('MISSING_COLUMN once per missing column, and no row checks', () => {
    const header = RESIDENTS_V1_COLUMNS.filter((column) => column !== 'alias_name' && column !== 'sex').join(',');
    const text = `${header}\nnot,a,row\n`;
    expect(where(text)).toEqual([
      { line: 1, column: null, field: 'alias_name', code: 'MISSING_COLUMN' },
      { line: 1, column: null, field: 'sex', code: 'MISSING_COLUMN' },
    ]);
  });

  it('HEADER_MISMATCH names the position of an unknown column, without quoting it', () => {
    const text = `${HEADER.replace(',sex,', ',seibetsu,')}\n${csvLine(demoRow(1, { sex: '7' }))}\n`;
    const { problems } = parse(text);
    expect(problems.map(({ line, column, field, code }) => ({ line, column, field, code }))).toEqual([
      { line: 1, column: null, field: 'sex', code: 'MISSING_COLUMN' },
      { line: 1, column: 11, field: 'sex', code: 'HEADER_MISMATCH' },
    ]);
    expect(problems[1]?.message).toBe('header column 11 is not a column of madoguchi-residents-v1 (expected sex)');
  });

  it('HEADER_MISMATCH for columns out of order and for a repeated column', () => {
    const swapped = HEADER.replace('family_name,given_name,', 'given_name,family_name,');
    expect(where(`${swapped}\n`)).toEqual([
      { line: 1, column: 4, field: 'given_name', code: 'HEADER_MISMATCH' },
      { line: 1, column: 5, field: 'family_name', code: 'HEADER_MISMATCH' },
    ]);
    expect(where(`${HEADER},sex\n`)).toEqual([{ line: 1, column: 28, field: 'sex', code: 'HEADER_MISMATCH' }]);
  });

  it('COLUMN_COUNT with the expected and the actual count, for short, long and blank rows', () => {
    const line = csvLine(demoRow(1));
    const text = `${HEADER}\n${line.slice(0, line.lastIndexOf(','))}\n${line},x\n\n${csvLine(demoRow(2))}\n`;
    const { problems, lines } = parse(text);
    expect(problems.map(({ line, column, field, code }) => ({ line, column, field, code }))).toEqual([
      { line: 2, column: null, field: null, code: 'COLUMN_COUNT' },
      { line: 3, column: null, field: null, code: 'COLUMN_COUNT' },
      { line: 4, column: null, field: null, code: 'COLUMN_COUNT' },
    ]);
    expect(problems[0]?.message).toBe('row has 26 fields (expected 27)');
    expect(problems[1]?.message).toBe('row has 28 fields (expected 27)');
    expect(problems[2]?.message).toContain('blank');
    expect(lines).toEqual([5]);
  });

  it('CSV_SYNTAX for an unclosed quote, on the line the row starts; later rows are not checked', () => {
    const text = `${HEADER}\n${csvLine(demoRow(1))}\n${csvLine(demoRow(2)).replace('デモ県', '"デモ県')}\n${csvLine(demoRow(3, { sex: '5' }))}\n`;
    const { problems, records } = parse(text);
    expect(problems.map(({ line, column, field, code }) => ({ line, column, field, code }))).toEqual([
      { line: 3, column: 14, field: 'address', code: 'CSV_SYNTAX' },
    ]);
    expect(problems[0]?.message).toContain('not checked');
    expect(records).toHaveLength(1);
  });

  it('CSV_SYNTAX for a quote inside an unquoted field, at its line', () => {
    const text = csvFile([demoRow(1), demoRow(2, { given_name: 'x' })]).replace(',x,', ',デモ"x",');
    expect(where(text)).toEqual([{ line: 3, column: 5, field: 'given_name', code: 'CSV_SYNTAX' }]);
  });

  it('keeps line numbers right after quoted line breaks (LF and CRLF), reporting them as CONTROL_CHARACTER', () => {
    for (const lineEnd of ['\n', '\r\n']) {
      const rows = [
        demoRow(1, { address: `デモ市${lineEnd}デモ町1-1` }),
        demoRow(2, { given_name: `太${lineEnd}${lineEnd}郎` }),
        demoRow(3, { sex: '3' }),
        demoRow(4),
      ];
      const { problems, lines } = parse(csvFile(rows, lineEnd));
      expect(problems.map(({ line, column, field, code }) => ({ line, column, field, code }))).toEqual([
        at(2, 'address', 'CONTROL_CHARACTER'),
        at(4, 'given_name', 'CONTROL_CHARACTER'),
        at(7, 'sex', 'INVALID_VALUE'),
      ]);
      expect(problems[0]?.message).toBe('address contains a line break (expected a single line of text)');
      expect(lines).toEqual([8]);
    }
  });
});

describe('parseResidentsV1: rules between rows', () => {
  it('DUPLICATE_ID on the later line, naming the first', () => {
    const { problems } = parse(
      csvFile([demoRow(1), demoRow(2), demoRow(1, { household_id: registryIdFromSerial(9) })]),
    );
    expect(problems).toMatchObject([
      { ...at(4, 'person_id', 'DUPLICATE_ID'), message: expect.stringContaining('line 2') },
    ]);
  });

  it('DUPLICATE_INDIVIDUAL_NUMBER on the later line, naming the first, never quoting the number', () => {
    const number = demoIndividualNumber(42);
    const { problems } = parse(
      csvFile([demoRow(1, { individual_number: number }), demoRow(2, { individual_number: number })]),
    );
    expect(problems).toMatchObject([
      { ...at(3, 'individual_number', 'DUPLICATE_INDIVIDUAL_NUMBER'), message: expect.stringContaining('line 2') },
    ]);
    expect(problems[0]?.message).not.toContain(number);
  });

  it('HOUSEHOLD_HEAD on the first line of a household with two 世帯主; none is allowed (section 100); removed rows do not count', () => {
    const household = (serial: number) => ({ household_id: registryIdFromSerial(serial) });
    const rows = [
      demoRow(1, { ...household(100), relationship: '子' }),
      demoRow(2, { ...household(200) }),
      demoRow(3, { ...household(100), relationship: '妻' }),
      demoRow(4, { ...household(200) }),
      demoRow(5, { ...household(300), status: 'removed', removal_reason: '転出', removed_on: '2020-01-01' }),
      demoRow(6, { ...household(300) }),
      demoRow(7, {
        ...household(400),
        relationship: '子',
        status: 'removed',
        removal_reason: '死亡',
        removed_on: '2020-01-01',
      }),
    ];
    const { problems } = parse(csvFile(rows));
    expect(problems).toMatchObject([
      { ...at(3, 'household_id', 'HOUSEHOLD_HEAD'), message: expect.stringContaining('2 resident rows') },
    ]);
  });

  it('HOUSEHOLD_ADDRESS on a resident member whose address differs, naming the first line', () => {
    const household = { household_id: registryIdFromSerial(100) };
    const rows = [
      demoRow(1, household),
      demoRow(2, { ...household, relationship: '子', address: 'デモ県デモ市デモ町9-9' }),
      demoRow(3, {
        ...household,
        relationship: '子',
        address: 'デモ県デモ市デモ町8-8',
        status: 'removed',
        removal_reason: '転出',
        removed_on: '2020-01-01',
      }),
    ];
    const { problems } = parse(csvFile(rows));
    expect(problems).toMatchObject([
      { ...at(3, 'address', 'HOUSEHOLD_ADDRESS'), message: expect.stringContaining('line 2') },
    ]);
  });

  it('lists 1,000 problems and TOO_MANY_PROBLEMS with the total, having checked every row', () => {
    const rows = Array.from({ length: 1_100 }, (_, i) => demoRow(i + 1, { sex: '3' }));
    const { problems } = parse(csvFile(rows));
    expect(problems).toHaveLength(1_001);
    expect(problems[999]).toMatchObject(at(1_001, 'sex', 'INVALID_VALUE'));
    expect(problems[1_000]).toMatchObject({ line: 1_002, column: null, field: null, code: 'TOO_MANY_PROBLEMS' });
    expect(problems[1_000]?.message).toContain('1100 problems');
  });
});

describe('parseResidentsV1: problem messages', () => {
  it('never contain a cell value', () => {
    // Distinctive bad values in every column, a few per row, so every rule fires somewhere.
    const badValues: Partial<TestRow>[] = [
      {
        person_id: withWrongCheckDigit(registryIdFromSerial(1)),
        household_id: '77777',
        resident_kind: 'japanezu',
        sex: '8',
      },
      {
        family_name: 'ぞぞぞ\tデモ',
        given_name: 'デ'.repeat(101),
        family_name_kana: 'ぞぞかな',
        given_name_kana: 'ｿﾞｿﾞｶﾅ',
      },
      {
        alias_name: 'デモ別名ZQ',
        nationality: 'デモ国ZQ',
        residence_status: 'デモ資格ZQ',
        residence_expiry: '2031-02-30',
      },
      { birth_date: '2999-12-31', postal_code: '12-34567', address: 'デモ市\nZQ町', address_detail: 'ZQ\u0001' },
      {
        birth_date: '1999-09-09',
        became_resident_on: '1999-09-08',
        address_since: '1111-11-11',
        notified_on: '2023-13-13',
      },
      { status: 'gone-zq', removal_reason: '転出ZQ', removed_on: '2022-22-22', support_measure_until: '2024-02-30' },
      { individual_number: '98765432109', previous_address: 'デ'.repeat(201) },
      { individual_number: withWrongCheckDigit(demoIndividualNumber(31_415)) },
      { status: 'removed', removal_reason: 'ZQ転出理由' },
      { individual_number: demoIndividualNumber(27_182) },
      { individual_number: demoIndividualNumber(27_182), person_id: registryIdFromSerial(2) },
      { relationship: 'ZQ続柄', household_id: registryIdFromSerial(500_000_010), address: 'ZQ別住所' },
      { household_id: registryIdFromSerial(500_000_003) },
    ];
    const rows = badValues.map((overrides, i) => demoRow(i + 1, overrides));
    const { problems } = parse(csvFile(rows));
    const constants = new Set(['japanese', 'foreign', 'resident', 'removed', '世帯主']);
    const values = rows.flatMap((row) => Object.values(row)).filter((v) => v.length >= 3 && !constants.has(v));
    const codes = new Set(problems.map((problem) => problem.code));
    expect(codes.size).toBeGreaterThanOrEqual(16);
    for (const problem of problems) {
      expect(problem.code in RESIDENTS_V1_PROBLEM_CODES, problem.code).toBe(true);
      for (const value of values) expect(problem.message, problem.code).not.toContain(value);
      expect(problem.message).not.toMatch(/ZQ|ぞ|ｿﾞ|[0-9]{9,}|2999|1111-|2022-22/);
    }
  });
});
