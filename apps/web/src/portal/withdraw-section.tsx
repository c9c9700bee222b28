import { useEffect, useId, useRef, useState } from 'react';
import type { Messages } from '../messages';
import { paths } from '../router';
import { withdrawApplication } from './applications-api';
import { failureOf, type LoadFailure } from './failure';
import { forgetApplication } from './form-memory';
import { LoadFailureNotice } from './load-failure-notice';
import { useBusy } from './use-busy';

interface WithdrawSectionProps {
  readonly text: Messages;
  readonly applicationId: string;
  readonly draft: boolean;
  readonly onWithdrawn: () => void;
}

/** 取下げ: a button, then a confirmation that says it cannot be undone, then the withdrawal. */
export function WithdrawSection({ text, applicationId, draft, onWithdrawn }: WithdrawSectionProps) {
  const t = text.portal.status;
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const { busy, guard } = useBusy();
  const [failure, setFailure] = useState<LoadFailure | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const [moveFocus, setMoveFocus] = useState<'confirm' | 'open' | null>(null);

  // The question appears where the button was; focus follows it there and back.
  useEffect(() => {
    if (moveFocus === 'confirm') confirmRef.current?.focus();
    if (moveFocus === 'open') openRef.current?.focus();
  }, [moveFocus]);

  const withdraw = async () => {
    const result = await guard(() => withdrawApplication(applicationId));
    if (!result) return;
    if (!result.ok) {
      setFailure(failureOf(result));
      return;
    }
    forgetApplication(applicationId);
    onWithdrawn();
  };

  return (
    <section className="application-section withdraw" aria-labelledby={headingId}>
      <h2 id={headingId}>{draft ? t.discardHeading : t.withdrawHeading}</h2>
      <p>{draft ? t.discardIntro : t.withdrawIntro}</p>
      {failure && (
        <LoadFailureNotice
          text={text}
          failure={failure}
          returnTo={paths.application(applicationId)}
          onRetry={() => void withdraw()}
          errorMessage={t.withdrawFailed}
        />
      )}
      {confirming ? (
        <div className="withdraw__confirm">
          <h3 tabIndex={-1} ref={confirmRef}>
            {draft ? t.discardConfirmTitle : t.withdrawConfirmTitle}
          </h3>
          <p>{draft ? t.discardConfirmBody : t.withdrawConfirmBody}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--warning"
              aria-disabled={busy}
              onClick={() => void withdraw()}
            >
              {draft ? t.discardConfirm : t.withdrawConfirm}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
                setMoveFocus('open');
              }}
            >
              {t.withdrawCancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button--warning"
          ref={openRef}
          onClick={() => {
            setConfirming(true);
            setMoveFocus('confirm');
          }}
        >
          {draft ? t.discardButton : t.withdrawButton}
        </button>
      )}
    </section>
  );
}
