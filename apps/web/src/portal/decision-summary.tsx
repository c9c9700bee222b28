import { useId } from 'react';
import { fill } from '../format';
import type { Messages } from '../messages';
import type { ApplicationDetail } from '../procedures/application-view';
import { documentUrl } from './applications-api';
import { reasonOf } from './timeline-entries';

/** The decision, once notified: approved or not, the reason of a refusal, and the notice (PDF). */
export function DecisionSummary({ text, detail }: { readonly text: Messages; readonly detail: ApplicationDetail }) {
  const t = text.portal.status;
  const headingId = useId();
  const { application, events } = detail;
  const approved = application.status === 'approved';
  const decision = events.findLast((e) => e.kind === 'decided' || e.kind === 'notified');
  const reason = !approved && decision ? reasonOf(decision) : null;
  return (
    <section
      className={`portal-decision portal-decision--${approved ? 'approved' : 'rejected'}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{approved ? t.decisionApproved : t.decisionRejected}</h2>
      {reason && <p className="portal-decision__reason">{fill(t.events.reason, { reason })}</p>}
      <p>{approved ? t.decisionApprovedNext : t.decisionRejectedNext}</p>
      <p>
        <a href={documentUrl(application.applicationId, 'decision-notice')}>{t.decisionNotice}</a>
      </p>
    </section>
  );
}
