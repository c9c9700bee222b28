import type { ResidentKind, ResidentStatus, Sex } from '../resident.types';

/**
 * The `madoguchi-residents-v1` layout (docs/formats/residents-v1.md): one row per person, these
 * columns in this order.
 */
export const RESIDENTS_V1_COLUMNS = [
  'person_id',
  'household_id',
  'resident_kind',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'alias_name',
  'former_family_name',
  'birth_date',
  'sex',
  'relationship',
  'postal_code',
  'address',
  'address_detail',
  'became_resident_on',
  'address_since',
  'notified_on',
  'previous_address',
  'nationality',
  'residence_status',
  'residence_expiry',
  'status',
  'removal_reason',
  'removed_on',
  'support_measure_until',
  'individual_number',
] as const;

export type ResidentsV1Column = (typeof RESIDENTS_V1_COLUMNS)[number];

/** One validated row. Empty cells are null; dates are ISO strings (YYYY-MM-DD). */
export interface ResidentsV1Record {
  readonly personId: string;
  readonly householdId: string;
  readonly residentKind: ResidentKind;
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string | null;
  readonly givenNameKana: string | null;
  readonly aliasName: string | null;
  readonly formerFamilyName: string | null;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly relationship: string;
  readonly postalCode: string | null;
  readonly address: string;
  readonly addressDetail: string | null;
  readonly becameResidentOn: string;
  readonly addressSince: string;
  readonly notifiedOn: string | null;
  readonly previousAddress: string | null;
  readonly nationality: string | null;
  readonly residenceStatus: string | null;
  readonly residenceExpiry: string | null;
  readonly status: ResidentStatus;
  readonly removalReason: string | null;
  readonly removedOn: string | null;
  readonly supportMeasureUntil: string | null;
  /** 個人番号: 12 digits, check digit valid. Personal data of the highest class. */
  readonly individualNumber: string | null;
}

/** What is wrong and where: `line` is the file line the row starts on (1 = header), `column` 1-based. */
export interface CsvProblem {
  readonly line: number;
  readonly column: number | null;
  readonly field: ResidentsV1Column | null;
  readonly code: string;
  readonly message: string;
}
