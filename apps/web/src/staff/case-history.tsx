import { useId } from 'react';
import { fill, formatDateTime } from '../format';
import type { Locale, Messages } from '../messages';
import type { ApplicationEvent } from '../procedures/application-view';
import type { DecisionDefinition } from '../procedures/procedure-definition';
import { StatusTag } from './status-tag';

interface CaseHistoryProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly events: readonly ApplicationEvent[];
  readonly decisions: readonly DecisionDefinition[];
}

/** The event's own line: which decision, to whom it was given; the body follows as written. */
function eventDetail(event: ApplicationEvent, props: CaseHistoryProps): string | null {
  const t = props.text.staff.case;
  switch (event.kind) {
    case 'decided':
    case 'notified': {
      const id = typeof event.data.decisionId === 'string' ? event.data.decisionId : null;
      if (!id) return null;
      const label = props.decisions.find((d) => d.id === id)?.label[props.locale] ?? id;
      return fill(t.eventDecision, { decision: label });
    }
    case 'assigned':
      return event.body ? fill(t.eventAssigned, { staff: event.body }) : t.eventUnassigned;
    default:
      return null;
  }
}

/**
 * 経過: every event of the case, oldest first, with who did it and whether the applicant sees
 * it. Internal notes (titled 内部メモ) and other entries the applicant never sees are marked
 * 職員のみ in words, and set apart by a dashed border.
 */
export function CaseHistory(props: CaseHistoryProps) {
  const { text, locale, events } = props;
  const t = text.staff.case;
  const headingId = useId();
  return (
    <section className="case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.historyHeading}</h2>
      {events.length === 0 ? (
        <p className="empty-state">{t.historyEmpty}</p>
      ) : (
        <ol className="timeline">
          {[...events]
            .sort((a, b) => a.seq - b.seq)
            .map((event, index, sorted) => {
              // The status is said where it changed, not repeated on every line.
              const statusChanged = index === 0 || sorted[index - 1]?.statusAfter !== event.statusAfter;
              const detail = eventDetail(event, props);
              // The body of an assignment is the assignee's id, already said in the detail line.
              const body = event.kind === 'assigned' ? null : event.body;
              return (
                <li
                  key={event.seq}
                  className={event.visibleToResident ? 'timeline__item' : 'timeline__item timeline__item--internal'}
                  data-kind={event.kind}
                >
                  <h3 className="timeline__title">{t.eventKinds[event.kind] ?? event.kind}</h3>
                  <p className="timeline__meta">
                    <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
                    <span>{t.actorKinds[event.actorKind] ?? event.actorKind}</span>
                    <span
                      className={event.visibleToResident ? 'visibility-tag' : 'visibility-tag visibility-tag--internal'}
                    >
                      {event.visibleToResident ? t.visibleToResident : t.internalOnly}
                    </span>
                  </p>
                  {detail && <p className="timeline__detail">{detail}</p>}
                  {body && <p className="timeline__body">{body}</p>}
                  {statusChanged && (
                    <p className="timeline__status">
                      {t.eventStatus}
                      <StatusTag text={text} status={event.statusAfter} />
                    </p>
                  )}
                </li>
              );
            })}
        </ol>
      )}
    </section>
  );
}
