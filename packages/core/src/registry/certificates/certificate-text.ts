import { formatJapaneseEraDate } from '../japanese-date';
import type { ResidentRecord } from '../resident.types';
import {
  type CertificateKind,
  type CertificateRenderInput,
  ENTRY_CERTIFICATE_ITEMS,
  type EntryCertificateItem,
} from './certificate-render.types';
import { type CertificateField, copyFields, entryFields, fullName } from './person-fields';

/** Everything a certificate prints, as text, before it is laid out. */
export interface CertificateContent {
  readonly title: string;
  readonly municipalityName: string;
  /** 交付番号 and 交付日, printed under the title. */
  readonly issueLines: readonly string[];
  readonly household: readonly CertificateField[];
  readonly persons: readonly (readonly CertificateField[])[];
  readonly omissionNote: string | null;
  readonly certification: string;
  readonly certifiedOn: string;
  readonly mayorTitle: string;
  /** Printed in the seal square until the seal image is placed there. */
  readonly sealMark: string;
  /** '交付番号 N'; the page numbers follow once the pages are known. */
  readonly footerPrefix: string;
}

const TITLES: Record<CertificateKind, string> = {
  'resident-copy': '住民票の写し',
  'removed-copy': '除票の写し',
  'entry-certificate': '住民票記載事項証明書',
};

const CERTIFICATIONS: Record<CertificateKind, string> = {
  'resident-copy': 'この写しは、住民票の原本と相違ないことを証明する。',
  'removed-copy': 'この写しは、除票の原本と相違ないことを証明する。',
  'entry-certificate': '上記の事項は、住民票に記載されていることを証明する。',
};

/** Characters the footer can need whatever the page count, so the font subset holds them up front. */
const FOOTER_ALPHABET = '0123456789 /\u3000';

export function footerText(content: CertificateContent, page: number, pages: number): string {
  return `${content.footerPrefix}\u3000${page} / ${pages}`;
}

function entryItems(items: readonly string[] | undefined): ReadonlySet<EntryCertificateItem> {
  if (!items || items.length === 0) throw new RangeError('An entry certificate needs the items it certifies');
  const known: readonly string[] = ENTRY_CERTIFICATE_ITEMS;
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) throw new RangeError(`Unknown entry certificate items: ${unknown.join(', ')}`);
  return new Set(items as readonly EntryCertificateItem[]);
}

function householdFields(records: readonly ResidentRecord[], showAddress: boolean, showHead: boolean) {
  const [first] = records;
  const head = records.find((record) => record.relationship === '世帯主');
  const fields: CertificateField[] = [];
  if (first && showAddress) {
    fields.push({ label: '住所', value: first.address, wide: true });
    if (first.addressDetail) fields.push({ label: '方書', value: first.addressDetail, wide: true });
  }
  if (head && showHead) fields.push({ label: '世帯主', value: fullName(head), wide: true });
  return fields;
}

/** The optional items a copy leaves out are named, so the reader knows they were not forgotten. */
function omissionNote({ include, records }: CertificateRenderInput): string | null {
  const omitted = [
    !include.honseki && records.some((record) => record.residentKind === 'japanese') ? '本籍・筆頭者' : null,
    include.relationship ? null : '続柄',
    include.residentCode ? null : '住民票コード',
    include.individualNumber ? null : '個人番号',
  ].filter((item) => item !== null);
  return omitted.length === 0 ? null : `${omitted.join('、')}の記載を省略しています。`;
}

function individualNumberOf(input: CertificateRenderInput, record: ResidentRecord, position: number): string | null {
  if (!input.include.individualNumber) return null;
  const number = input.individualNumbers?.get(record.personId);
  // A copy that promises the 個人番号 must not show a blank where it should be.
  if (!number) throw new RangeError(`No 個人番号 was given for the person at position ${position + 1}`);
  return number;
}

export function buildCertificateContent(input: CertificateRenderInput): CertificateContent {
  if (input.records.length === 0) throw new RangeError('A certificate needs at least one record');
  if (!Number.isSafeInteger(input.issueNo) || input.issueNo < 1) {
    throw new RangeError(`交付番号 must be a positive integer: ${input.issueNo}`);
  }
  const isEntry = input.kind === 'entry-certificate';
  const items = isEntry ? entryItems(input.items) : null;
  const issuedOn = formatJapaneseEraDate(input.issuedOn);
  return {
    title: TITLES[input.kind],
    municipalityName: input.municipalityName,
    issueLines: [`交付番号\u3000${input.issueNo}`, `交付日\u3000${issuedOn}`],
    household: householdFields(input.records, items?.has('address') ?? true, items?.has('relationship') ?? true),
    persons: input.records.map((record, position) =>
      items
        ? entryFields(record, items)
        : copyFields(record, input.include, individualNumberOf(input, record, position)),
    ),
    omissionNote: isEntry ? null : omissionNote(input),
    certification: CERTIFICATIONS[input.kind],
    certifiedOn: issuedOn,
    mayorTitle: input.mayorTitle,
    sealMark: '印',
    footerPrefix: `交付番号 ${input.issueNo}`,
  };
}

/** Every string the document can draw: the font subset's input and what its coverage is checked against. */
export function contentStrings(content: CertificateContent): string[] {
  const fields = [...content.household, ...content.persons.flat()];
  return [
    content.title,
    content.municipalityName,
    ...content.issueLines,
    ...fields.flatMap((field) => [field.label, field.value]),
    content.omissionNote ?? '',
    content.certification,
    content.certifiedOn,
    content.mayorTitle,
    content.sealMark,
    content.footerPrefix,
    FOOTER_ALPHABET,
  ].filter((text) => text !== '');
}
