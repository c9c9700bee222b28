import { AppError } from '../../errors';
import { addDays, todayInJapan } from '../clock';
import { isCalendarDate, refuse } from '../resident-items.validation';

/** 異動日 and 届出日 (sections 480, 570): real dates, the notification not in the future. */
export function checkDates(
  effectiveOn: string,
  notifiedOn: string | null,
  options: { effectiveMayBeFuture?: boolean } = {},
): {
  today: string;
  lateNotification: boolean;
} {
  const today = todayInJapan();
  const problems = [];
  if (!isCalendarDate(effectiveOn))
    problems.push({ field: 'effectiveOn', message: 'is not a calendar date (expected YYYY-MM-DD)' });
  if (notifiedOn !== null && !isCalendarDate(notifiedOn)) {
    problems.push({ field: 'notifiedOn', message: 'is not a calendar date (expected YYYY-MM-DD)' });
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `${problems.length} field(s) are invalid`, { problems });
  if (notifiedOn !== null && notifiedOn > today)
    refuse('NOTIFIED_IN_FUTURE', 'the notification date is in the future', { field: 'notifiedOn' });
  if (!options.effectiveMayBeFuture && effectiveOn > today) {
    refuse('EFFECTIVE_IN_FUTURE', 'the movement date is in the future', { field: 'effectiveOn' });
  }
  // 住民基本台帳法第22条ほか: notify within 14 days of the move. A late notification is accepted and flagged.
  const lateNotification = notifiedOn !== null && notifiedOn > addDays(effectiveOn, 14);
  return { today, lateNotification };
}
