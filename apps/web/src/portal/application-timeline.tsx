import { useId } from 'react';
import { formatDateTime } from '../format';
import type { Locale, Messages } from '../messages';
import type { ApplicationEvent } from '../procedures/application-view';
import { timelineEntries } from './timeline-entries';

interface ApplicationTimelineProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly events: readonly ApplicationEvent[];
  readonly department: string;
}

/** これまでの経過: what happened to the application, oldest first. */
export function ApplicationTimeline({ text, locale, events, department }: ApplicationTimelineProps) {
  const headingId = useId();
  const entries = timelineEntries(text, events, department);
  return (
    <section className="application-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{text.portal.status.timelineHeading}</h2>
      {entries.length === 0 ? (
        <p className="page__message">{text.portal.status.noEvents}</p>
      ) : (
        <ol className="portal-timeline">
          {entries.map((entry) => (
            <li key={entry.seq} className={`portal-timeline__item portal-timeline__item--${entry.tone}`}>
              <h3 className="portal-timeline__title">{entry.title}</h3>
              <p className="portal-timeline__date">
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, locale)}</time>
              </p>
              {entry.body && <p className="portal-timeline__body">{entry.body}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
