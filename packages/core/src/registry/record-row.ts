import type { DB } from '@madoguchi/db';
import type { Insertable, Selectable } from 'kysely';
import { kanaSearchKey, nameSearchKey } from './name-key';
import type { ForeignResidentCategory, ResidentItems, ResidentRecord, Sex } from './resident.types';

type ResidentRecordRow = Selectable<DB['resident_record']>;

/** Every item, in a fixed order. */
const ITEM_KEYS = [
  'residentKind',
  'status',
  'householdId',
  'householdOrder',
  'relationship',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'kanaCertified',
  'aliasName',
  'formerFamilyName',
  'birthDate',
  'sex',
  'honseki',
  'hittosha',
  'becameResidentOn',
  'postalCode',
  'address',
  'addressDetail',
  'addressSince',
  'previousAddress',
  'residentCode',
  'nationality',
  'residenceStatus',
  'residenceExpiry',
  'foreignResidentCategory',
  'removalReason',
  'removedOn',
  'plannedDestination',
  'plannedMoveOn',
] as const satisfies readonly (keyof ResidentItems)[];

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const RECORD_COLUMNS = new Set(['lg_code', 'person_id', 'version', ...ITEM_KEYS.map(snakeCase)]);

/**
 * The resident_record column holding a record's field (the keys and every item), or null for a
 * field that is not one column (the movement): lets a read fetch only what its purpose may see.
 */
export function columnOf(field: string): string | null {
  const column = snakeCase(field);
  return RECORD_COLUMNS.has(column) ? column : null;
}

export function pickItems(record: ResidentItems): ResidentItems {
  return Object.fromEntries(ITEM_KEYS.map((key) => [key, record[key]])) as unknown as ResidentItems;
}

export interface SearchKeys {
  readonly name_key: string;
  readonly kana_key: string | null;
  readonly alias_name_key: string | null;
  readonly address_key: string;
}

export function searchKeys(items: ResidentItems): SearchKeys {
  const kana = `${items.familyNameKana ?? ''}${items.givenNameKana ?? ''}`;
  return {
    name_key: nameSearchKey(`${items.familyName}${items.givenName}`),
    kana_key: kana ? kanaSearchKey(kana) : null,
    alias_name_key: items.aliasName ? nameSearchKey(items.aliasName) : null,
    address_key: nameSearchKey(`${items.address}${items.addressDetail ?? ''}`),
  };
}

export function toRow(record: ResidentRecord): Insertable<DB['resident_record']> {
  const m = record.movement;
  return {
    lg_code: record.lgCode,
    person_id: record.personId,
    version: record.version,
    is_current: true,
    movement_id: m.movementId,
    reason_code: m.reasonCode,
    effective_on: m.effectiveOn,
    notified_on: m.notifiedOn,
    processed_at: m.processedAt,
    operator_id: m.operatorId,
    cancels_movement_id: m.cancelsMovementId,
    note: m.note,
    resident_kind: record.residentKind,
    status: record.status,
    household_id: record.householdId,
    household_order: record.householdOrder,
    relationship: record.relationship,
    family_name: record.familyName,
    given_name: record.givenName,
    family_name_kana: record.familyNameKana,
    given_name_kana: record.givenNameKana,
    kana_certified: record.kanaCertified,
    alias_name: record.aliasName,
    former_family_name: record.formerFamilyName,
    birth_date: record.birthDate,
    sex: record.sex,
    honseki: record.honseki,
    hittosha: record.hittosha,
    became_resident_on: record.becameResidentOn,
    postal_code: record.postalCode,
    address: record.address,
    address_detail: record.addressDetail,
    address_since: record.addressSince,
    previous_address: record.previousAddress,
    resident_code: record.residentCode,
    nationality: record.nationality,
    residence_status: record.residenceStatus,
    residence_expiry: record.residenceExpiry,
    foreign_resident_category: record.foreignResidentCategory,
    removal_reason: record.removalReason,
    removed_on: record.removedOn,
    planned_destination: record.plannedDestination,
    planned_move_on: record.plannedMoveOn,
    ...searchKeys(record),
  };
}

export function fromRow(row: ResidentRecordRow): ResidentRecord {
  return {
    lgCode: row.lg_code,
    personId: row.person_id,
    version: row.version,
    movement: {
      movementId: row.movement_id,
      reasonCode: row.reason_code,
      effectiveOn: row.effective_on,
      notifiedOn: row.notified_on,
      processedAt: row.processed_at,
      operatorId: row.operator_id,
      cancelsMovementId: row.cancels_movement_id,
      note: row.note,
    },
    residentKind: row.resident_kind,
    status: row.status,
    householdId: row.household_id,
    householdOrder: row.household_order,
    relationship: row.relationship,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    kanaCertified: row.kana_certified,
    aliasName: row.alias_name,
    formerFamilyName: row.former_family_name,
    birthDate: row.birth_date,
    sex: row.sex as Sex,
    honseki: row.honseki,
    hittosha: row.hittosha,
    becameResidentOn: row.became_resident_on,
    postalCode: row.postal_code,
    address: row.address,
    addressDetail: row.address_detail,
    addressSince: row.address_since,
    previousAddress: row.previous_address,
    residentCode: row.resident_code,
    nationality: row.nationality,
    residenceStatus: row.residence_status,
    residenceExpiry: row.residence_expiry,
    foreignResidentCategory: row.foreign_resident_category as ForeignResidentCategory | null,
    removalReason: row.removal_reason,
    removedOn: row.removed_on,
    plannedDestination: row.planned_destination,
    plannedMoveOn: row.planned_move_on,
  };
}
