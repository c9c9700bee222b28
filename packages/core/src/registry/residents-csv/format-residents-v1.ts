import { RESIDENTS_V1_COLUMNS, type ResidentsV1Column, type ResidentsV1Record } from './residents-v1.types';

export interface FormatResidentsV1Options {
  /**
   * Write 個人番号. Only for an operator authorised to export them (`--include-individual-number`);
   * otherwise the column is present and empty.
   */
  readonly includeIndividualNumber: boolean;
}

const KEY_OF: Record<ResidentsV1Column, keyof ResidentsV1Record> = {
  person_id: 'personId',
  household_id: 'householdId',
  resident_kind: 'residentKind',
  family_name: 'familyName',
  given_name: 'givenName',
  family_name_kana: 'familyNameKana',
  given_name_kana: 'givenNameKana',
  alias_name: 'aliasName',
  former_family_name: 'formerFamilyName',
  birth_date: 'birthDate',
  sex: 'sex',
  relationship: 'relationship',
  postal_code: 'postalCode',
  address: 'address',
  address_detail: 'addressDetail',
  became_resident_on: 'becameResidentOn',
  address_since: 'addressSince',
  notified_on: 'notifiedOn',
  previous_address: 'previousAddress',
  nationality: 'nationality',
  residence_status: 'residenceStatus',
  residence_expiry: 'residenceExpiry',
  status: 'status',
  removal_reason: 'removalReason',
  removed_on: 'removedOn',
  support_measure_until: 'supportMeasureUntil',
  individual_number: 'individualNumber',
};
const KEYS = RESIDENTS_V1_COLUMNS.map((column) => KEY_OF[column]);
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: quoted only when it must be, quotes doubled. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes `madoguchi-residents-v1` (docs/formats/residents-v1.md): yields the header line, then one line
 * per record, each ending in LF; join them and encode as UTF-8 without BOM. Lazy, so a million records
 * can be written to a stream without building the file in memory. A canonical file (this output)
 * parses back to the same records and formats to the same bytes.
 */
export function* formatResidentsV1(
  records: Iterable<ResidentsV1Record>,
  options: FormatResidentsV1Options,
): Iterable<string> {
  yield `${RESIDENTS_V1_COLUMNS.join(',')}\n`;
  for (const record of records) {
    let line = '';
    for (let i = 0; i < KEYS.length; i += 1) {
      const key = KEYS[i] as keyof ResidentsV1Record;
      const value = key === 'individualNumber' && !options.includeIndividualNumber ? null : record[key];
      line += i === 0 ? field(value) : `,${field(value)}`;
    }
    yield `${line}\n`;
  }
}
