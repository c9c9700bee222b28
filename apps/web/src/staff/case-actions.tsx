import { useEffect, useId, useRef, useState } from 'react';
import type { Locale, Messages } from '../messages';
import type { ApplicationDetail } from '../procedures/application-view';
import { isDecided, isDecisionNotified, isOpen } from './case-progress';
import type { DecisionResult } from './case-types';
import { type CaseWriting, writeToCase } from './cases-api';
import { DecisionForm, type Mover } from './decision-form';
import { DecisionResultPanel } from './decision-result';
import { NotifyPanel } from './notify-panel';
import { TextActionForm } from './text-action-form';

interface CaseActionsProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly detail: ApplicationDetail;
  /** Fetches the case again, so the header and the history show what the step changed. */
  readonly onChanged: () => void;
}

/** A message about a step whose panel has gone (the case moved on); focused so it is read out. */
interface PanelNotice {
  readonly kind: 'done' | 'stale';
  readonly message: string;
  readonly id: number;
}

/** 対応: what staff can do with the case in its current status. */
export function CaseActions({ text, locale, detail, onChanged }: CaseActionsProps) {
  const t = text.staff.actions;
  const headingId = useId();
  const { application, definition, events } = detail;
  const id = application.applicationId;
  const [decided, setDecided] = useState<DecisionResult | null>(null);
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // Just decided: the panels of an open case go at once, not only when the reloaded case arrives.
  const open = isOpen(application.status) && decided === null;
  const decidedNow = isDecided(application.status) || decided !== null;
  const notified = (decided?.notified ?? false) || isDecisionNotified(events);
  const tell = (kind: PanelNotice['kind'], message: string) => {
    setNotice((previous) => ({ kind, message, id: (previous?.id ?? 0) + 1 }));
    onChanged();
  };
  const stale = () => tell('stale', t.errors.APPLICATION_STATE);
  const textForm = (writing: CaseWriting, key: 'request' | 'message' | 'note') => (
    <TextActionForm
      text={text}
      id={`case-${key}-body`}
      t={t[key]}
      send={(body) => writeToCase(id, writing, body)}
      onDone={onChanged}
      onStale={stale}
    />
  );

  return (
    <section className="case-section case-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      {notice && (
        <div
          key={notice.id}
          ref={noticeRef}
          tabIndex={-1}
          className={notice.kind === 'stale' ? 'inline-alert' : 'notice'}
          role={notice.kind === 'stale' ? 'alert' : 'status'}
        >
          <p>{notice.message}</p>
        </div>
      )}
      {decided && (
        <DecisionResultPanel
          text={text}
          locale={locale}
          applicationId={id}
          result={decided}
          decisions={definition.decisions}
        />
      )}
      {!open && <p className="case-section__note">{t.closedNote}</p>}
      {open && textForm('information-requests', 'request')}
      {(open || decidedNow) && textForm('messages', 'message')}
      {textForm('notes', 'note')}
      {open && (
        <DecisionForm
          text={text}
          locale={locale}
          applicationId={id}
          decisions={definition.decisions}
          // Only a relocation forms a new household; those moving out leave the register.
          movers={definition.onApproval?.operation === 'recordRelocation' ? moversOf(application.answers) : []}
          onDecided={(result) => {
            setDecided(result);
            onChanged();
          }}
          onStale={stale}
        />
      )}
      {decidedNow && !notified && (
        <NotifyPanel
          text={text}
          applicationId={id}
          onDone={(message) => {
            setDecided((previous) => previous && { ...previous, notified: true });
            tell('done', message);
          }}
          onStale={stale}
        />
      )}
    </section>
  );
}

/** The persons an approval moves, as the application names them (`movers`, filled in from the register). */
function moversOf(answers: Readonly<Record<string, unknown>>): Mover[] {
  const movers = answers.movers;
  if (!Array.isArray(movers)) return [];
  return movers.flatMap((m: { personId?: unknown; fullName?: unknown }) =>
    typeof m?.personId === 'string' && typeof m.fullName === 'string'
      ? [{ personId: m.personId, fullName: m.fullName }]
      : [],
  );
}
