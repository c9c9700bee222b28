import type { ResidentItems, ResidentRecord } from '../resident.types';
import type { ResidentsV1Record } from '../residents-csv';

/**
 * Between the residents-v1 layout and the record's items. Items the layout does not carry
 * (本籍・筆頭者, 住民票コード, 30条の45区分, certified 振り仮名) are empty after an import; the
 * layout says so (docs/formats/residents-v1.md).
 */
export function itemsFromV1(row: ResidentsV1Record, householdOrder: number): ResidentItems {
  return {
    residentKind: row.residentKind,
    status: row.status,
    householdId: row.householdId,
    householdOrder,
    relationship: row.relationship,
    familyName: row.familyName,
    givenName: row.givenName,
    familyNameKana: row.familyNameKana,
    givenNameKana: row.givenNameKana,
    kanaCertified: false,
    aliasName: row.aliasName,
    formerFamilyName: row.formerFamilyName,
    birthDate: row.birthDate,
    sex: row.sex,
    honseki: null,
    hittosha: null,
    becameResidentOn: row.becameResidentOn,
    postalCode: row.postalCode,
    address: row.address,
    addressDetail: row.addressDetail,
    addressSince: row.addressSince,
    previousAddress: row.previousAddress,
    residentCode: null,
    nationality: row.nationality,
    residenceStatus: row.residenceStatus,
    residenceExpiry: row.residenceExpiry,
    foreignResidentCategory: null,
    removalReason: row.removalReason,
    removedOn: row.removedOn,
    plannedDestination: null,
    plannedMoveOn: null,
  };
}

export function v1FromRecord(
  record: ResidentRecord,
  extra: { supportMeasureUntil: string | null; individualNumber: string | null },
): ResidentsV1Record {
  return {
    personId: record.personId,
    householdId: record.householdId,
    residentKind: record.residentKind,
    familyName: record.familyName,
    givenName: record.givenName,
    familyNameKana: record.familyNameKana,
    givenNameKana: record.givenNameKana,
    aliasName: record.aliasName,
    formerFamilyName: record.formerFamilyName,
    birthDate: record.birthDate,
    sex: record.sex,
    relationship: record.relationship,
    postalCode: record.postalCode,
    address: record.address,
    addressDetail: record.addressDetail,
    becameResidentOn: record.becameResidentOn,
    addressSince: record.addressSince,
    notifiedOn: record.movement.notifiedOn,
    previousAddress: record.previousAddress,
    nationality: record.nationality,
    residenceStatus: record.residenceStatus,
    residenceExpiry: record.residenceExpiry,
    status: record.status,
    removalReason: record.removalReason,
    removedOn: record.removedOn,
    supportMeasureUntil: extra.supportMeasureUntil,
    individualNumber: extra.individualNumber,
  };
}

/** Household order as the file gives it: the 世帯主 on the register first, then the others in file order. */
export function householdOrders(rows: readonly ResidentsV1Record[]): Int32Array {
  const orders = new Int32Array(rows.length);
  const next = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.status === 'resident' && row.relationship === '世帯主') {
      orders[i] = 1;
      if (!next.has(row.householdId)) next.set(row.householdId, 2);
    }
  });
  rows.forEach((row, i) => {
    if (orders[i] === 1) return;
    const n = next.get(row.householdId) ?? 2;
    orders[i] = n;
    next.set(row.householdId, n + 1);
  });
  return orders;
}
