import { searchKeys } from '../record-row';
import type { ResidentItems } from '../resident.types';

/** Columns written by the bulk path, in COPY order. */
export const RECORD_COPY_COLUMNS = [
  'lg_code',
  'person_id',
  'version',
  'is_current',
  'movement_id',
  'reason_code',
  'effective_on',
  'notified_on',
  'processed_at',
  'operator_id',
  'resident_kind',
  'status',
  'household_id',
  'household_order',
  'relationship',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'kana_certified',
  'alias_name',
  'former_family_name',
  'birth_date',
  'sex',
  'became_resident_on',
  'postal_code',
  'address',
  'address_detail',
  'address_since',
  'previous_address',
  'nationality',
  'residence_status',
  'residence_expiry',
  'removal_reason',
  'removed_on',
  'name_key',
  'kana_key',
  'alias_name_key',
  'address_key',
] as const;

const NEEDS_QUOTES = /[",\r\n\\]/;

/** A CSV field for COPY: NULL is an empty unquoted field; text is quoted when it must be. */
function field(value: string | null): string {
  if (value === null) return '';
  if (value === '' || NEEDS_QUOTES.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export interface VersionStamp {
  readonly lgCode: string;
  readonly movementId: string;
  readonly reasonCode: string;
  readonly processedAt: string;
  readonly operatorId: string;
}

/** One COPY line (with its newline) for a version of a record. */
export function copyLine(
  stamp: VersionStamp,
  personId: string,
  version: number,
  items: ResidentItems,
  notifiedOn: string | null,
): string {
  const keys = searchKeys(items);
  // A migrated record holds as it stands since its removal, or since the person came to the address.
  const effectiveOn = items.removedOn ?? items.addressSince;
  return [
    stamp.lgCode,
    personId,
    String(version),
    't',
    stamp.movementId,
    stamp.reasonCode,
    effectiveOn,
    field(notifiedOn),
    stamp.processedAt,
    field(stamp.operatorId),
    items.residentKind,
    items.status,
    items.householdId,
    String(items.householdOrder),
    field(items.relationship),
    field(items.familyName),
    field(items.givenName),
    field(items.familyNameKana),
    field(items.givenNameKana),
    items.kanaCertified ? 't' : 'f',
    field(items.aliasName),
    field(items.formerFamilyName),
    items.birthDate,
    String(items.sex),
    items.becameResidentOn,
    field(items.postalCode),
    field(items.address),
    field(items.addressDetail),
    items.addressSince,
    field(items.previousAddress),
    field(items.nationality),
    field(items.residenceStatus),
    field(items.residenceExpiry),
    field(items.removalReason),
    field(items.removedOn),
    field(keys.name_key),
    field(keys.kana_key),
    field(keys.alias_name_key),
    field(keys.address_key),
  ]
    .join(',')
    .concat('\n');
}
