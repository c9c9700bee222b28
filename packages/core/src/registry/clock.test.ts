import { describe, expect, it } from 'vitest';
import { todayInJapan } from './clock';

describe('todayInJapan', () => {
  it('turns the date at midnight in Tokyo, whatever the server zone, and agrees with the time-zone database', () => {
    expect(todayInJapan(new Date('2026-12-06T14:59:59.999Z'))).toBe('2026-12-06');
    expect(todayInJapan(new Date('2026-12-06T15:00:00.000Z'))).toBe('2026-12-07');
    expect(todayInJapan(new Date('2024-02-28T15:00:00Z'))).toBe('2024-02-29');
    expect(todayInJapan(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
    const tz = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });
    // Every hour of a year, both sides of midnight.
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 - 1) {
      expect(todayInJapan(new Date(t))).toBe(tz.format(new Date(t)));
    }
  });
});
