import { formatRecordDate } from '../japanese-date';
import type { ResidentRecord, Sex } from '../resident.types';
import type { CertificateOptionalItems, EntryCertificateItem } from './certificate-render.types';

/** One labelled value of a certificate; wide fields take the whole row, the others share it in pairs. */
export interface CertificateField {
  readonly label: string;
  readonly value: string;
  readonly wide: boolean;
}

/**
 * Which request item a field belongs to: the entry-certificate items, plus the ones only a copy
 * prints (届出日, 個人番号, the 除票 items).
 */
export type PersonItem = EntryCertificateItem | 'notifiedOn' | 'individualNumber' | 'removal';

interface PersonField extends CertificateField {
  readonly item: PersonItem;
}

function sexLabel(sex: Sex): string {
  switch (sex) {
    case 1:
      return '男';
    case 2:
      return '女';
    case 0:
    case 9:
      return '—';
    default: {
      const unknownSex: never = sex;
      throw new RangeError(`Unknown sex code: ${String(unknownSex)}`);
    }
  }
}

/** Japanese names are printed with an ideographic space between family and given name, others with a space. */
function joinName(record: ResidentRecord, family: string | null, given: string | null): string | null {
  const parts = [family, given].filter((part): part is string => part !== null && part !== '');
  if (parts.length === 0) return null;
  return parts.join(record.residentKind === 'japanese' ? '\u3000' : ' ');
}

export function fullName(record: ResidentRecord): string {
  return joinName(record, record.familyName, record.givenName) ?? '';
}

/** Every field the record can show, in print order; `individualNumber` is looked up by the caller. */
function allPersonFields(record: ResidentRecord, individualNumber: string | null): PersonField[] {
  const date = (iso: string) => formatRecordDate(iso, record.residentKind);
  const fields: (PersonField | null)[] = [
    { item: 'name', label: '氏名', value: fullName(record), wide: true },
    optional('kana', 'フリガナ', joinName(record, record.familyNameKana, record.givenNameKana), true),
    optional('name', '旧氏', record.formerFamilyName),
    optional('name', '通称', record.aliasName),
    { item: 'birthDate', label: '生年月日', value: date(record.birthDate), wide: false },
    { item: 'sex', label: '性別', value: sexLabel(record.sex), wide: false },
    { item: 'relationship', label: '続柄', value: record.relationship, wide: false },
    { item: 'becameResidentOn', label: '住民となった年月日', value: date(record.becameResidentOn), wide: false },
    { item: 'addressSince', label: '住定日', value: date(record.addressSince), wide: false },
    optional('notifiedOn', '届出日', record.movement.notifiedOn && date(record.movement.notifiedOn)),
    optional('previousAddress', '前住所', record.previousAddress, true),
    ...foreignResidentFields(record),
    ...(record.residentKind === 'japanese'
      ? [optional('honseki', '本籍', record.honseki, true), optional('honseki', '筆頭者', record.hittosha)]
      : []),
    optional('residentCode', '住民票コード', record.residentCode),
    optional('individualNumber', '個人番号', individualNumber),
    ...(record.status === 'removed' ? removalFields(record) : []),
  ];
  return fields.filter((field): field is PersonField => field !== null);
}

function optional(item: PersonItem, label: string, value: string | null, wide = false): PersonField | null {
  return value === null || value === '' ? null : { item, label, value, wide };
}

/** 法第30条の45 items; 在留期間満了日 is a 西暦 date like every foreign resident's date. */
function foreignResidentFields(record: ResidentRecord): (PersonField | null)[] {
  if (record.residentKind !== 'foreign') return [];
  return [
    optional('nationality', '国籍・地域', record.nationality),
    optional('residenceStatus', '在留資格', record.residenceStatus),
    optional(
      'residenceStatus',
      '在留期間満了日',
      record.residenceExpiry && formatRecordDate(record.residenceExpiry, 'foreign'),
    ),
    optional('residenceStatus', '法第30条の45区分', record.foreignResidentCategory),
  ];
}

/** 消除 is the municipality's own act, dated like the rest of the record. */
function removalFields(record: ResidentRecord): (PersonField | null)[] {
  const date = (iso: string | null) => iso && formatRecordDate(iso, record.residentKind);
  return [
    optional('removal', '消除事由', record.removalReason),
    optional('removal', '消除日', date(record.removedOn)),
    optional('removal', '転出予定先', record.plannedDestination, true),
    optional('removal', '転出予定年月日', date(record.plannedMoveOn)),
  ];
}

/** The fields a 住民票の写し or 除票の写し prints: everything but the optional items not asked for. */
export function copyFields(
  record: ResidentRecord,
  include: CertificateOptionalItems,
  individualNumber: string | null,
): CertificateField[] {
  const omitted = new Set<PersonItem>();
  if (!include.honseki) omitted.add('honseki');
  if (!include.relationship) omitted.add('relationship');
  if (!include.residentCode) omitted.add('residentCode');
  if (!include.individualNumber) omitted.add('individualNumber');
  return allPersonFields(record, individualNumber).filter((field) => !omitted.has(field.item));
}

/** The fields a 記載事項証明書 prints: only the listed items (氏名 carries 旧氏 and 通称). */
export function entryFields(record: ResidentRecord, items: ReadonlySet<EntryCertificateItem>): CertificateField[] {
  return allPersonFields(record, null).filter((field) => (items as ReadonlySet<PersonItem>).has(field.item));
}
