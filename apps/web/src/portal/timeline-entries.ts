import { fill } from '../format';
import type { Messages } from '../messages';
import type { ApplicationEvent } from '../procedures/application-view';

export type TimelineTone = 'plain' | 'request' | 'resident' | 'approved' | 'rejected';

export interface TimelineEntry {
  readonly seq: number;
  readonly occurredAt: string;
  readonly title: string;
  readonly body: string | null;
  readonly tone: TimelineTone;
}

/** The decision's reason: in the event's data, or its body (a notice sent later copies both). */
export function reasonOf(event: ApplicationEvent): string | null {
  const reason = event.data.reason;
  if (typeof reason === 'string' && reason) return reason;
  return event.body;
}

function entryOf(
  text: Messages,
  event: ApplicationEvent,
  department: string,
): Omit<TimelineEntry, 'seq' | 'occurredAt'> | null {
  const t = text.portal.status.events;
  switch (event.kind) {
    case 'created':
      return { title: t.created, body: null, tone: 'plain' };
    case 'submitted': {
      const receiptNo = typeof event.data.receiptNo === 'string' ? event.data.receiptNo : null;
      return { title: receiptNo ? fill(t.submitted, { receiptNo }) : t.submittedPlain, body: null, tone: 'plain' };
    }
    case 'information-requested':
      return { title: fill(t.informationRequested, { department }), body: event.body, tone: 'request' };
    case 'resident-replied':
      return { title: t.residentReplied, body: event.body, tone: 'resident' };
    case 'message':
      return { title: fill(t.message, { department }), body: event.body, tone: 'plain' };
    case 'decided':
    case 'notified': {
      const approved = event.data.outcome === 'approved';
      const reason = approved ? null : reasonOf(event);
      return {
        title: approved ? t.approved : t.rejected,
        body: reason ? fill(t.reason, { reason }) : null,
        tone: approved ? 'approved' : 'rejected',
      };
    }
    case 'withdrawn':
      return { title: t.withdrawn, body: null, tone: 'plain' };
    default:
      // Kinds meant for staff (assignment, notes) do not reach the resident; anything new is skipped.
      return null;
  }
}

/** The events meant for the resident, oldest first, in words. */
export function timelineEntries(
  text: Messages,
  events: readonly ApplicationEvent[],
  department: string,
): TimelineEntry[] {
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((event) => {
      const entry = entryOf(text, event, department);
      return entry ? [{ ...entry, seq: event.seq, occurredAt: event.occurredAt }] : [];
    });
}
