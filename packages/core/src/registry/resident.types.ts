/**
 * The resident registry's record of one person (住民票), as the domain sees it. Dates are ISO
 * calendar dates (YYYY-MM-DD); how they are shown (和暦 for Japanese residents, 西暦 for foreign
 * residents, standard sections 80/90) is the job of `japanese-date.ts`.
 */
export type ResidentKind = 'japanese' | 'foreign';
export type ResidentStatus = 'resident' | 'removed';
/** ISO/IEC 5218: 0 unknown, 1 male, 2 female, 9 not applicable. */
export type Sex = 0 | 1 | 2 | 9;

/** 法第30条の45の区分 of a foreign resident. */
export const FOREIGN_RESIDENT_CATEGORIES = [
  '中長期在留者',
  '特別永住者',
  '一時庇護許可者',
  '仮滞在許可者',
  '出生による経過滞在者',
  '国籍喪失による経過滞在者',
] as const;
export type ForeignResidentCategory = (typeof FOREIGN_RESIDENT_CATEGORIES)[number];

/** The items of the record (standard sections 10 and 20), everything a movement can change. */
export interface ResidentItems {
  readonly residentKind: ResidentKind;
  readonly status: ResidentStatus;
  /** 世帯番号 */
  readonly householdId: string;
  /** Position in the household, 1 for the head (section 1010). */
  readonly householdOrder: number;
  /** 続柄 as printed; 世帯主 marks the head. */
  readonly relationship: string;
  readonly familyName: string;
  readonly givenName: string;
  /** 振り仮名, katakana. */
  readonly familyNameKana: string | null;
  readonly givenNameKana: string | null;
  /** The 振り仮名 is the certified item (since 2025-05-26), not a reference reading. */
  readonly kanaCertified: boolean;
  /** 通称 */
  readonly aliasName: string | null;
  /** 旧氏 */
  readonly formerFamilyName: string | null;
  readonly birthDate: string;
  readonly sex: Sex;
  /** 本籍 and 筆頭者 (Japanese residents only). */
  readonly honseki: string | null;
  readonly hittosha: string | null;
  /** 住民となった年月日 */
  readonly becameResidentOn: string;
  readonly postalCode: string | null;
  readonly address: string;
  /** 方書 */
  readonly addressDetail: string | null;
  /** 住定日 */
  readonly addressSince: string;
  /** 転入前住所 */
  readonly previousAddress: string | null;
  /** 住民票コード (11 digits). */
  readonly residentCode: string | null;
  /** Foreign residents: 国籍・地域, 在留資格, 在留期間の満了の日, 30条の45区分. */
  readonly nationality: string | null;
  readonly residenceStatus: string | null;
  readonly residenceExpiry: string | null;
  readonly foreignResidentCategory: ForeignResidentCategory | null;
  /** 除票: why and when the record was removed. */
  readonly removalReason: string | null;
  readonly removedOn: string | null;
  /** 転出予定先 and 転出予定年月日 (the 転出証明書 data). */
  readonly plannedDestination: string | null;
  readonly plannedMoveOn: string | null;
}

/** The movement (異動) that wrote a version (standard sections 200, 210, 480). */
export interface MovementStamp {
  readonly movementId: string;
  readonly reasonCode: string;
  /** 異動日 */
  readonly effectiveOn: string;
  /** 届出日 (null for ex officio changes without notification). */
  readonly notifiedOn: string | null;
  /** 処理日 */
  readonly processedAt: Date;
  readonly operatorId: string;
  readonly cancelsMovementId: string | null;
  readonly note: string | null;
}

/** One version of one person's record. */
export interface ResidentRecord extends ResidentItems {
  readonly lgCode: string;
  /** 宛名番号 */
  readonly personId: string;
  readonly version: number;
  readonly movement: MovementStamp;
}
