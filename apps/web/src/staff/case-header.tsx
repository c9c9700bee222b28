import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { departmentName } from '../department-name';
import { formatDateTime } from '../format';
import type { Locale, Messages } from '../messages';
import type { Application } from '../procedures/application-view';
import { ActionFailureSummary } from './action-failure';
import { isOpen, isOverdue } from './case-progress';
import { assignCase } from './cases-api';
import { formatDate } from './dates';
import { OverdueTag, StatusTag } from './status-tag';
import { useCaseAction } from './use-case-action';

interface CaseHeaderProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly application: Application;
  /** The reader's staff id; without it the case cannot be taken from here. */
  readonly staffId: string | undefined;
  readonly onChanged: () => void;
}

/** The case at a glance: receipt number, status, dates, department, who handles it, and 担当する. */
export function CaseHeader({ text, locale, application, staffId, onChanged }: CaseHeaderProps) {
  const t = text.staff.case;
  const common = text.staff.common;
  const headingId = useId();
  const assigneeRef = useRef<HTMLElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // The answer of "take" is shown at once, for as long as the case shown is the one it was taken on;
  // the reloaded case then says the same (or something newer, which wins).
  const [taken, setTaken] = useState<{ readonly on: Application; readonly assignee: string | null } | null>(null);
  const [focusAssignee, setFocusAssignee] = useState(0);
  const { pending, failure, run, summaryRef } = useCaseAction();
  const { status, dueOn } = application;
  const assignedTo = taken?.on === application ? taken.assignee : (application.assignedTo ?? null);
  const canTake = isOpen(status) && assignedTo !== staffId;

  // The button goes away once the case is the reader's: focus moves to what changed, not to the page body.
  useEffect(() => {
    if (focusAssignee > 0) assigneeRef.current?.focus();
  }, [focusAssignee]);

  const take = async () => {
    if (!staffId) return;
    setAnnouncement('');
    const outcome = await run(() => assignCase(application.applicationId, staffId));
    if (!outcome.ok) {
      // Withdrawn or decided meanwhile: the summary says so, and the reloaded case shows it.
      if (outcome.failure?.key === 'APPLICATION_STATE') onChanged();
      return;
    }
    setTaken({ on: application, assignee: outcome.data.assignedTo });
    setAnnouncement(t.taken);
    setFocusAssignee((n) => n + 1);
    onChanged();
  };

  const row = (label: string, value: ReactNode) => (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const dateTime = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, locale)}</time> : t.notYet);

  return (
    <section className="case-header" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t.summaryHeading}
      </h2>
      {failure && <ActionFailureSummary text={text} failure={failure} items={[]} summaryRef={summaryRef} />}
      <dl className="summary-list">
        {row(t.receiptNo, <span className="case-header__receipt">{application.receiptNo ?? t.notYet}</span>)}
        {row(t.status, <StatusTag text={text} status={status} testId="case-status" />)}
        {row(t.department, departmentName(text, application.department))}
        {row(t.channel, t.channels[application.channel] ?? application.channel)}
        {row(t.submittedAt, dateTime(application.submittedAt))}
        {row(
          t.dueOn,
          dueOn ? (
            <>
              <time dateTime={dueOn}>{formatDate(dueOn, locale)}</time>
              {isOverdue(status, dueOn) && <OverdueTag text={text} />}
            </>
          ) : (
            t.notYet
          ),
        )}
        {application.decidedAt && row(t.decidedAt, dateTime(application.decidedAt))}
        <div className="summary-list__row">
          <dt>{t.assignee}</dt>
          <dd>
            <span className="case-header__assignee" tabIndex={-1} ref={assigneeRef} data-testid="case-assignee">
              {assignedTo === null ? common.unassigned : assignedTo === staffId ? common.you : assignedTo}
            </span>
            {canTake && staffId && (
              <button
                type="button"
                className="button case-header__take"
                aria-disabled={pending}
                onClick={() => void take()}
              >
                {t.take}
              </button>
            )}
            {canTake && !staffId && <span className="case-header__note">{t.takeUnavailable}</span>}
            <span className="case-header__status" role="status">
              {pending ? t.taking : announcement}
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
