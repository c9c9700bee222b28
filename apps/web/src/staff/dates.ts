import type { Locale } from '../messages';

// format.ts formats date-times; case handling also needs plain dates (受付日, 処理期限) and the
// day in Japan, against which target dates are compared whatever the terminal's clock zone is.

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const japanDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of an instant, in Japan time. */
export function japanDateOf(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    japanDay.formatToParts(date).find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Today in Japan, `YYYY-MM-DD`: target dates are days of the municipality's calendar. */
export function todayInJapan(): string {
  return japanDateOf(new Date());
}

/**
 * A calendar date (`2026-04-01`, or the start of a longer ISO string) as people write it:
 * `2026年4月1日` in Japanese and やさしい日本語, `1 Apr 2026` in English. Anything else is shown as it is.
 */
export function formatDate(value: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (locale === 'en') return `${day} ${EN_MONTHS[month - 1] ?? month} ${year}`;
  return `${year}年${month}月${day}日`;
}

/** A month (`2026-04`): `2026年4月` or `Apr 2026`. */
export function formatMonth(value: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [, year, month] = match.map(Number) as [number, number, number];
  if (locale === 'en') return `${EN_MONTHS[month - 1] ?? month} ${year}`;
  return `${year}年${month}月`;
}
