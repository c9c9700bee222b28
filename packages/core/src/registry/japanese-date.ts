import type { ResidentKind } from './resident.types';

/**
 * How registry dates are printed. Japanese residents' dates are shown in 和暦 and foreign
 * residents' in 西暦 (standard sections 80, 90 and 280), so callers pick through `formatRecordDate`.
 */

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Newest first, so the first era whose start is not after the date is the one it falls in. */
const ERAS: readonly { readonly name: string; readonly startsOn: string; readonly firstYear: number }[] = [
  { name: '令和', startsOn: '2019-05-01', firstYear: 2019 },
  { name: '平成', startsOn: '1989-01-08', firstYear: 1989 },
  { name: '昭和', startsOn: '1926-12-25', firstYear: 1926 },
  { name: '大正', startsOn: '1912-07-30', firstYear: 1912 },
  { name: '明治', startsOn: '1868-10-23', firstYear: 1868 },
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(iso: string): CalendarDate {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): '${iso}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date rolls 2023-02-30 over into March; a round trip catches days that do not exist.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`No such calendar date: '${iso}'`);
  }
  return { year, month, day };
}

/** '2023年4月1日' */
export function formatWesternDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

/** '令和5年4月1日', '令和元年5月1日'; dates before 明治 fall back to 西暦, which has no era to name. */
export function formatJapaneseEraDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  // ISO dates compare correctly as strings once validated.
  const era = ERAS.find((candidate) => iso >= candidate.startsOn);
  if (!era) return `${year}年${month}月${day}日`;
  const eraYear = year - era.firstYear + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

/** The form the standard prescribes for a record of this kind of resident. */
export function formatRecordDate(iso: string, residentKind: ResidentKind): string {
  switch (residentKind) {
    case 'japanese':
      return formatJapaneseEraDate(iso);
    case 'foreign':
      return formatWesternDate(iso);
    default: {
      const unknownKind: never = residentKind;
      throw new RangeError(`Unknown resident kind: ${String(unknownKind)}`);
    }
  }
}
