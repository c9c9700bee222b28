import { AppError } from '../errors';
import type { DataCategoryId } from './data-categories';

/**
 * Purpose limitation: a caller receives only the fields its purpose allows, whatever it asked
 * for (as Haal Centraal BRP's mandatory `fields`). A purpose not listed gets nothing: deny by
 * default. The registry (and every module that reads personal data) passes its records through
 * `projectForPurpose` before they leave the module.
 */
export interface PurposeProfile {
  readonly purpose: string;
  readonly dataCategory: DataCategoryId;
  /** The provision that allows the use, shown to the resident in their access log. */
  readonly legalBasis: string;
  readonly fields: readonly string[];
}

/** What an application about the applicant and their household may be filled in with. */
const APPLICANT_AND_HOUSEHOLD = [
  'personId',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'sex',
  'postalCode',
  'address',
  'addressDetail',
  'householdId',
  'relationship',
  'status',
] as const;

export const PURPOSE_PROFILES: readonly PurposeProfile[] = [
  {
    // The registry's own work (記載, 修正, 照会 at the 市民課 counter): every item of the record.
    purpose: 'resident-registration',
    dataCategory: 'basic-resident-record',
    legalBasis: '住民基本台帳法第8条',
    fields: [
      'lgCode',
      'personId',
      'version',
      'movement',
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
    ],
  },
  {
    purpose: 'certificate-issuance',
    dataCategory: 'basic-resident-record',
    legalBasis: '住民基本台帳法第12条',
    fields: [
      'personId',
      'familyName',
      'givenName',
      'familyNameKana',
      'givenNameKana',
      'birthDate',
      'sex',
      'postalCode',
      'address',
      'addressDetail',
      'householdId',
      'relationship',
      'becameResidentOn',
      'status',
    ],
  },
  {
    purpose: 'child-allowance-eligibility',
    dataCategory: 'basic-resident-record',
    legalBasis: '児童手当法 / 住民基本台帳法第1条',
    fields: ['personId', 'familyName', 'givenName', 'birthDate', 'address', 'householdId', 'relationship', 'status'],
  },
  {
    // 子ども医療費助成, 保育所等の利用 (the municipality's child welfare services).
    purpose: 'child-welfare-services',
    dataCategory: 'basic-resident-record',
    legalBasis: '児童福祉法第24条 / 子ども医療費助成条例',
    fields: APPLICANT_AND_HOUSEHOLD,
  },
  {
    purpose: 'national-health-insurance',
    dataCategory: 'basic-resident-record',
    legalBasis: '国民健康保険法第9条',
    fields: APPLICANT_AND_HOUSEHOLD,
  },
  {
    purpose: 'long-term-care-insurance',
    dataCategory: 'basic-resident-record',
    legalBasis: '介護保険法第27条',
    fields: APPLICANT_AND_HOUSEHOLD,
  },
  {
    // Services a resident asks for (粗大ごみ, 道路の通報): only what reaches them.
    purpose: 'municipal-services',
    dataCategory: 'basic-resident-record',
    legalBasis: '本人の申込み（個人情報保護法第69条第1項）',
    fields: ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'postalCode', 'address', 'addressDetail'],
  },
  {
    purpose: 'tax-assessment',
    dataCategory: 'basic-resident-record',
    legalBasis: '地方税法第294条',
    fields: ['personId', 'familyName', 'givenName', 'address', 'becameResidentOn', 'status'],
  },
];

export function purposeProfile(purpose: string, dataCategory: DataCategoryId): PurposeProfile {
  const profile = PURPOSE_PROFILES.find((p) => p.purpose === purpose && p.dataCategory === dataCategory);
  if (!profile) {
    throw new AppError('ACCESS_DENIED', `no purpose profile allows "${purpose}" to read ${dataCategory}`, {
      purpose,
      dataCategory,
    });
  }
  return profile;
}

/** Only the fields the purpose allows; the caller's wish list can narrow them, never widen them. */
export function projectForPurpose<T extends Record<string, unknown>>(
  record: T,
  purpose: string,
  dataCategory: DataCategoryId,
  requested?: readonly string[],
): Partial<T> {
  const allowed = purposeProfile(purpose, dataCategory).fields;
  const wanted = requested ? allowed.filter((field) => requested.includes(field)) : allowed;
  return Object.fromEntries(
    wanted.filter((field) => field in record).map((field) => [field, record[field]]),
  ) as Partial<T>;
}
