import type { Locale } from '../messages';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A calendar date of the answers or a target date (`2026-04-01`): 「2026年4月1日」 in Japanese and
 * やさしい日本語, "1 April 2026" in English. Read from the text itself: a date has no time zone.
 */
export function formatDate(value: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [year, month, day] = [match[1], Number(match[2]), Number(match[3])];
  if (locale === 'en') return `${day} ${EN_MONTHS[month - 1] ?? month} ${year}`;
  return `${year}年${month}月${day}日`;
}

/** A month (`2026-04`): 「2026年4月」, "April 2026". */
export function formatMonth(value: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [year, month] = [match[1], Number(match[2])];
  if (locale === 'en') return `${EN_MONTHS[month - 1] ?? month} ${year}`;
  return `${year}年${month}月`;
}

// Municipal records are in Japan time whatever the reader's device is set to.
const JAPAN_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day of a timestamp, in Japan time (`2026-04-01T01:00:00Z` → 2026年4月1日). */
export function formatDayOf(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = JAPAN_DAY.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return formatDate(`${get('year')}-${get('month')}-${get('day')}`, locale);
}
