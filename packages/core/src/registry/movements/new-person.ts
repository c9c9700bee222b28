import type { ResidentItems } from '../resident.types';
import type { AddressInput, NewPersonInput } from './movement.types';

/** The items of a person entered at an address on a day (転入, 出生, 職権記載). */
export function newPersonItems(
  person: NewPersonInput,
  at: AddressInput,
  household: { householdId: string; householdOrder: number },
  dates: { becameResidentOn: string; addressSince: string; previousAddress: string | null },
): ResidentItems {
  return {
    residentKind: person.residentKind,
    status: 'resident',
    householdId: household.householdId,
    householdOrder: household.householdOrder,
    relationship: person.relationship,
    familyName: person.familyName,
    givenName: person.givenName,
    familyNameKana: person.familyNameKana ?? null,
    givenNameKana: person.givenNameKana ?? null,
    kanaCertified: person.kanaCertified ?? false,
    aliasName: person.aliasName ?? null,
    formerFamilyName: person.formerFamilyName ?? null,
    birthDate: person.birthDate,
    sex: person.sex,
    honseki: person.honseki ?? null,
    hittosha: person.hittosha ?? null,
    becameResidentOn: dates.becameResidentOn,
    postalCode: at.postalCode ?? null,
    address: at.address,
    addressDetail: at.addressDetail ?? null,
    addressSince: dates.addressSince,
    previousAddress: dates.previousAddress,
    residentCode: person.residentCode ?? null,
    nationality: person.nationality ?? null,
    residenceStatus: person.residenceStatus ?? null,
    residenceExpiry: person.residenceExpiry ?? null,
    foreignResidentCategory: person.foreignResidentCategory ?? null,
    removalReason: null,
    removedOn: null,
    plannedDestination: null,
    plannedMoveOn: null,
  };
}
