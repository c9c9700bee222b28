import { useId } from 'react';
import type { Messages } from '../messages';
import type { ApplicationEvent } from '../procedures/application-view';
import { REPLY_FIELD_ID } from './reply-form';

/** The department asks for more: its request, set apart at the top, and where to answer. */
export function InformationRequest({
  text,
  events,
}: {
  readonly text: Messages;
  readonly events: readonly ApplicationEvent[];
}) {
  const t = text.portal.status;
  const headingId = useId();
  const request = events.findLast((e) => e.kind === 'information-requested');
  return (
    <section className="notice notice--action" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.requestTitle}</h2>
      <p>{t.requestIntro}</p>
      {request?.body && <blockquote className="request-quote">{request.body}</blockquote>}
      <p>
        <a
          href={`#${REPLY_FIELD_ID}`}
          onClick={(event) => {
            // Into the box itself, not only scrolled to: the resident can start typing.
            event.preventDefault();
            document.getElementById(REPLY_FIELD_ID)?.focus();
          }}
        >
          {t.requestAnswerLink}
        </a>
      </p>
    </section>
  );
}
