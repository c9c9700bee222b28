import { useId, useState } from 'react';
import { fill, formatDateTime } from './format';
import type { Locale, Messages } from './messages';
import type { SessionInfo } from './session-api';
import { TenantLabel } from './tenant-label';
import type { TenantSummary } from './use-tenants';

interface SessionSummaryProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly session: SessionInfo;
  /** To show the municipality's name next to its code; the session only has the code. */
  readonly tenants: readonly TenantSummary[];
  readonly onLogOut: () => Promise<boolean>;
}

function isLevel(level: number): level is 1 | 2 | 3 {
  return level === 1 || level === 2 || level === 3;
}

/** Who is logged in how strongly, until when, and the way out. */
export function SessionSummary({ text, locale, session, tenants, onLogOut }: SessionSummaryProps) {
  const t = text.me;
  const headingId = useId();
  const [logoutFailed, setLogoutFailed] = useState(false);
  const tenant = tenants.find((item) => item.lgCode === session.lgCode);
  const level = session.assuranceLevel;
  return (
    <section className="session-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.sessionHeading}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t.sessionMunicipality}</dt>
          <dd>{tenant ? <TenantLabel text={text} tenant={tenant} /> : session.lgCode}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.sessionMethod}</dt>
          <dd>{t.methodNames[session.method] ?? session.method}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.assuranceLabel}</dt>
          <dd>
            <strong className="assurance-level">{fill(t.assuranceValue, { level })}</strong>
            {isLevel(level) && <span className="assurance-description">{t.assuranceDescriptions[level]}</span>}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.sessionEnds}</dt>
          <dd>
            <time dateTime={session.expiresAt}>{formatDateTime(session.expiresAt, locale)}</time>
          </dd>
        </div>
      </dl>
      <button
        type="button"
        className="button"
        onClick={async () => {
          setLogoutFailed(false);
          setLogoutFailed(!(await onLogOut()));
        }}
      >
        {t.logout}
      </button>
      {logoutFailed && (
        <p className="inline-alert" role="alert">
          {t.logoutError}
        </p>
      )}
    </section>
  );
}
