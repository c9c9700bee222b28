import type { ApplicationEvent } from '../procedures/application-view';
import { DECIDED_STATUSES, OPEN_STATUSES } from './case-types';
import { todayInJapan } from './dates';

/** Not decided or withdrawn: staff can still ask, decide, take it. */
export function isOpen(status: string): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isDecided(status: string): boolean {
  return DECIDED_STATUSES.includes(status);
}

/**
 * Whether the applicant has been told the decision: it was taken with notice (its event is
 * visible to them), or a `notified` event followed. The case API does not send `notifiedAt`.
 */
export function isDecisionNotified(events: readonly ApplicationEvent[]): boolean {
  const decided = events.findLast((e) => e.kind === 'decided');
  if (!decided) return false;
  return decided.visibleToResident || events.some((e) => e.kind === 'notified' && e.seq > decided.seq);
}

/** Open and past its target date, by the calendar in Japan (as the inbox's `overdue`). */
export function isOverdue(status: string, dueOn: string | null): boolean {
  return isOpen(status) && dueOn !== null && dueOn.slice(0, 10) < todayInJapan();
}
