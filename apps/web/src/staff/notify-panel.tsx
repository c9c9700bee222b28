import { useId } from 'react';
import type { Messages } from '../messages';
import { ActionFailureSummary } from './action-failure';
import { notifyDecision } from './cases-api';
import { useCaseAction } from './use-case-action';

interface NotifyPanelProps {
  readonly text: Messages;
  readonly applicationId: string;
  readonly onDone: (message: string) => void;
  readonly onStale: () => void;
}

/** A decision taken without notice: tell the applicant now (the decision and its notice appear in the portal). */
export function NotifyPanel({ text, applicationId, onDone, onStale }: NotifyPanelProps) {
  const t = text.staff.decision;
  const headingId = useId();
  const { pending, failure, run, summaryRef } = useCaseAction();

  const notify = async () => {
    const outcome = await run(() => notifyDecision(applicationId));
    // The panel goes once the case reloads as notified; the page keeps the message instead.
    if (outcome.ok) onDone(t.notifyDone);
    else if (outcome.failure?.key === 'APPLICATION_STATE') onStale();
  };

  return (
    <section className="action-panel action-panel--notify" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.notifyHeading}</h3>
      {/* A 409 is said by the actions section, which stays when this panel goes with the reload. */}
      {failure && failure.key !== 'APPLICATION_STATE' && (
        <ActionFailureSummary text={text} failure={failure} items={[]} summaryRef={summaryRef} />
      )}
      <p>{t.notifyBody}</p>
      <div className="action-panel__actions">
        <button type="button" className="button button--primary" aria-disabled={pending} onClick={() => void notify()}>
          {t.notifyButton}
        </button>
        <p className="action-panel__status" role="status">
          {pending ? t.notifyPending : ''}
        </p>
      </div>
    </section>
  );
}
