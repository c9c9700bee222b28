import type { ResidentRecord } from '../resident.types';
import type { CertificateRenderInput } from './certificate-render.types';

/** Synthetic residents for certificate tests: 𠮷 beyond the BMP, 髙 and 﨑, an IVS, a foreign resident. */
export const NONE = { honseki: false, relationship: false, residentCode: false, individualNumber: false };
export const ALL = { honseki: true, relationship: true, residentCode: true, individualNumber: true };
export const KATSUO = '葛\u{E0100}男';

export function person(overrides: Partial<ResidentRecord> & Pick<ResidentRecord, 'personId'>): ResidentRecord {
  return {
    lgCode: '999999',
    version: 1,
    residentKind: 'japanese',
    status: 'resident',
    householdId: 'H0001',
    householdOrder: 1,
    relationship: '世帯主',
    familyName: '𠮷田',
    givenName: '太郎',
    familyNameKana: 'ヨシダ',
    givenNameKana: 'タロウ',
    kanaCertified: true,
    aliasName: null,
    formerFamilyName: null,
    birthDate: '1985-06-15',
    sex: 1,
    honseki: '東京都千代田区千代田1番',
    hittosha: '𠮷田太郎',
    becameResidentOn: '2015-04-01',
    postalCode: '1000001',
    address: 'デモ県デモ市本町一丁目2番3号',
    addressDetail: 'デモハイツ101号',
    addressSince: '2015-04-01',
    previousAddress: '大阪府大阪市北区梅田三丁目1番1号',
    residentCode: '12345678901',
    nationality: null,
    residenceStatus: null,
    residenceExpiry: null,
    foreignResidentCategory: null,
    removalReason: null,
    removedOn: null,
    plannedDestination: null,
    plannedMoveOn: null,
    movement: {
      movementId: 'M1',
      reasonCode: 'move-in',
      effectiveOn: '2015-04-01',
      notifiedOn: '2015-04-03',
      processedAt: new Date('2015-04-03T01:00:00Z'),
      operatorId: 'U1',
      cancelsMovementId: null,
      note: null,
    },
    ...overrides,
  };
}

export const household: readonly ResidentRecord[] = [
  person({ personId: 'P1' }),
  person({
    personId: 'P2',
    householdOrder: 2,
    relationship: '妻',
    givenName: '髙子',
    givenNameKana: 'タカコ',
    sex: 2,
    birthDate: '1987-02-03',
    residentCode: '12345678902',
  }),
  person({
    personId: 'P3',
    householdOrder: 3,
    relationship: '同居人',
    familyName: '山﨑',
    givenName: KATSUO,
    familyNameKana: 'ヤマザキ',
    givenNameKana: 'カツオ',
    honseki: '京都府京都市中京区寺町1番',
    hittosha: '山﨑一郎',
    residentCode: '12345678903',
  }),
  person({
    personId: 'P4',
    householdOrder: 4,
    residentKind: 'foreign',
    relationship: '縁故者',
    familyName: 'SMITH',
    givenName: 'JOHN',
    familyNameKana: 'スミス',
    givenNameKana: 'ジョン',
    birthDate: '1990-07-04',
    honseki: null,
    hittosha: null,
    residentCode: '12345678904',
    nationality: 'アメリカ合衆国',
    residenceStatus: '永住者',
    residenceExpiry: '2030-01-31',
    foreignResidentCategory: '中長期在留者',
  }),
];

export const individualNumbers = new Map([
  ['P1', '111122223333'],
  ['P2', '444455556666'],
  ['P3', '777788889999'],
  ['P4', '121234345656'],
]);

export function input(overrides: Partial<CertificateRenderInput> = {}): CertificateRenderInput {
  return {
    kind: 'resident-copy',
    municipalityName: 'デモ市',
    mayorTitle: 'デモ市長',
    issueNo: 1234,
    issuedOn: '2026-01-05',
    records: household,
    include: NONE,
    individualNumbers,
    ...overrides,
  };
}
