import type { ForeignResidentCategory, ResidentKind, Sex } from '../resident.types';

/** A person entered by a movement (転入, 出生): the items the notification brings. */
export interface NewPersonInput {
  readonly residentKind: ResidentKind;
  readonly relationship: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana?: string | null;
  readonly givenNameKana?: string | null;
  readonly kanaCertified?: boolean;
  readonly aliasName?: string | null;
  readonly formerFamilyName?: string | null;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly honseki?: string | null;
  readonly hittosha?: string | null;
  readonly residentCode?: string | null;
  readonly nationality?: string | null;
  readonly residenceStatus?: string | null;
  readonly residenceExpiry?: string | null;
  readonly foreignResidentCategory?: ForeignResidentCategory | null;
  /** 再転入: the 宛名番号 of the person's removed record here; they keep it (section 600). */
  readonly returningPersonId?: string;
}

export interface AddressInput {
  readonly postalCode?: string | null;
  readonly address: string;
  readonly addressDetail?: string | null;
}

/** 続柄 of each member after the household changes: person id → relationship (exactly one 世帯主). */
export type Relationships = Readonly<Record<string, string>>;

export const HEAD = '世帯主';
