import { individualNumberCheckDigit, registryIdFromSerial } from '../ids';
import { RESIDENTS_V1_COLUMNS, type ResidentsV1Column } from './residents-v1.types';

/**
 * Synthetic rows for the tests of this folder: demo names in デモ市, ids from serials, individual
 * numbers that are obviously made up (leading zeros). No real person.
 */
export type TestRow = Record<ResidentsV1Column, string>;

export const HEADER = RESIDENTS_V1_COLUMNS.join(',');
export const TODAY = '2025-01-01';

/** A made-up 個人番号 with a right check digit. */
export function demoIndividualNumber(n: number): string {
  const first11 = String(n).padStart(11, '0');
  return `${first11}${individualNumberCheckDigit(first11)}`;
}

/** The same digits with the last one (the check digit) changed. */
export function withWrongCheckDigit(id: string): string {
  return `${id.slice(0, -1)}${(Number(id.at(-1)) + 1) % 10}`;
}

/** A valid japanese resident who heads a household of their own. */
export function demoRow(serial: number, overrides: Partial<TestRow> = {}): TestRow {
  return {
    person_id: registryIdFromSerial(serial),
    household_id: registryIdFromSerial(500_000_000 + serial),
    resident_kind: 'japanese',
    family_name: 'デモ',
    given_name: '太郎',
    family_name_kana: 'デモ',
    given_name_kana: 'タロウ',
    alias_name: '',
    former_family_name: '',
    birth_date: '1980-04-01',
    sex: '1',
    relationship: '世帯主',
    postal_code: '100-0001',
    address: 'デモ県デモ市デモ町1-1',
    address_detail: '',
    became_resident_on: '1980-04-01',
    address_since: '2000-04-01',
    notified_on: '2000-04-05',
    previous_address: '',
    nationality: '',
    residence_status: '',
    residence_expiry: '',
    status: 'resident',
    removal_reason: '',
    removed_on: '',
    support_measure_until: '',
    individual_number: '',
    ...overrides,
  };
}

/** A valid foreign resident who heads a household of their own. */
export function demoForeignRow(serial: number, overrides: Partial<TestRow> = {}): TestRow {
  return demoRow(serial, {
    resident_kind: 'foreign',
    family_name: 'DEMO',
    given_name: 'ALEX',
    family_name_kana: 'デモ',
    given_name_kana: 'アレックス',
    alias_name: 'デモ 花子',
    nationality: 'デモ国',
    residence_status: '永住者',
    residence_expiry: '2030-03-31',
    ...overrides,
  });
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(row: TestRow): string {
  return RESIDENTS_V1_COLUMNS.map((column) => csvField(row[column])).join(',');
}

/** Header and rows, LF line ends, a final LF: the canonical form. */
export function csvFile(rows: readonly TestRow[], lineEnd = '\n'): string {
  return [HEADER, ...rows.map(csvLine)].map((line) => `${line}${lineEnd}`).join('');
}

/** 1-based column position of a column, as problems report it. */
export function columnOf(column: ResidentsV1Column): number {
  return RESIDENTS_V1_COLUMNS.indexOf(column) + 1;
}
