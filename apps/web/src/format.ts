import type { Locale } from './messages';

/** Fills `{name}` placeholders of a message. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

// Municipal records are in Japan time whatever the reader's device is set to.
const TIME_ZONE = 'Asia/Tokyo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date and time in Japan time: `2026年11月22日 14:05` in Japanese (and やさしい日本語),
 * `22 Nov 2026, 14:05` in English. Built from parts, so no browser's locale data can change it.
 */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.formatToParts(date).find((part) => part.type === type)?.value ?? '';
  // Some locales pad the day and month ("05/01"); Japanese dates are written without the zero.
  const [year, month, day] = [get('year'), Number(get('month')), Number(get('day'))];
  const [hour, minute] = [get('hour'), get('minute')];
  if (locale === 'en') return `${day} ${EN_MONTHS[month - 1] ?? month} ${year}, ${hour}:${minute}`;
  return `${year}年${month}月${day}日 ${hour}:${minute}`;
}
