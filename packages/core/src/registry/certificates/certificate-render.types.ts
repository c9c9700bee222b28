import type { ResidentRecord } from '../resident.types';

export type CertificateKind = 'resident-copy' | 'removed-copy' | 'entry-certificate';

/** The items a 住民票記載事項証明書 can certify, each printed only when listed. */
export const ENTRY_CERTIFICATE_ITEMS = [
  'name',
  'kana',
  'birthDate',
  'sex',
  'relationship',
  'address',
  'becameResidentOn',
  'addressSince',
  'previousAddress',
  'honseki',
  'residentCode',
  'nationality',
  'residenceStatus',
] as const;
export type EntryCertificateItem = (typeof ENTRY_CERTIFICATE_ITEMS)[number];

/** The optional items of a 住民票の写し, printed only when the requester asked for them. */
export interface CertificateOptionalItems {
  readonly honseki: boolean;
  readonly relationship: boolean;
  readonly residentCode: boolean;
  readonly individualNumber: boolean;
}

export interface CertificateRenderInput {
  readonly kind: CertificateKind;
  /** 'デモ市' */
  readonly municipalityName: string;
  /** 'デモ市長', printed beside the seal. */
  readonly mayorTitle: string;
  /** 交付番号 */
  readonly issueNo: number;
  /** ISO date of issue, printed in 和暦. */
  readonly issuedOn: string;
  /** The persons shown, in household order; the household block is taken from the first. */
  readonly records: readonly ResidentRecord[];
  readonly include: CertificateOptionalItems;
  /** personId → 個人番号, read only when `include.individualNumber`. */
  readonly individualNumbers?: ReadonlyMap<string, string>;
  /** entry-certificate only: the items certified, from `ENTRY_CERTIFICATE_ITEMS` (checked when rendering). */
  readonly items?: readonly string[];
}
