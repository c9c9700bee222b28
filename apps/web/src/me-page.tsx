import { useId } from 'react';
import { AccessLogTable } from './access-log-table';
import { Link } from './link';
import type { Locale, Messages } from './messages';
import { PasskeyRegistration } from './passkey-registration';
import { paths } from './router';
import { SessionSummary } from './session-summary';
import { SignedOutNotice } from './signed-out-notice';
import { useMyRecord } from './use-my-record';
import { useTenants } from './use-tenants';

interface MePageProps {
  readonly text: Messages;
  readonly locale: Locale;
}

/** あなたの情報を見た記録: the login state and the resident's access log. */
export function MePage({ text, locale }: MePageProps) {
  const { state, reload, logOut } = useMyRecord();
  const tenants = useTenants();
  const tenantItems = tenants.state.status === 'loaded' ? tenants.state.items : [];
  const logHeadingId = useId();
  const stepUpId = useId();
  const t = text.me;
  return (
    <div className="page">
      <h1 className="page__heading" tabIndex={-1}>
        {t.title}
      </h1>
      <p className="page__lead">{t.intro}</p>
      {state.status === 'loading' && (
        <p className="page__message" role="status">
          {t.loading}
        </p>
      )}
      {state.status === 'signed-out' && <SignedOutNotice text={text} reason={state.reason} />}
      {state.status === 'error' && (
        <div className="inline-alert" role="alert">
          <p>{t.loadError}</p>
          <button type="button" className="button" onClick={reload}>
            {t.retry}
          </button>
        </div>
      )}
      {state.status === 'step-up' && (
        <>
          <section className="notice" aria-labelledby={stepUpId}>
            <h2 id={stepUpId}>{t.stepUpTitle}</h2>
            <p>{t.stepUp}</p>
            <p>
              <Link className="button-link" to={paths.login}>
                {t.loginLink}
              </Link>
            </p>
          </section>
          <SessionSummary text={text} locale={locale} session={state.session} tenants={tenantItems} onLogOut={logOut} />
        </>
      )}
      {state.status === 'loaded' && (
        <>
          <SessionSummary text={text} locale={locale} session={state.session} tenants={tenantItems} onLogOut={logOut} />
          <PasskeyRegistration text={text} />
          <section className="access-log" aria-labelledby={logHeadingId}>
            <AccessLogTable text={text} locale={locale} items={state.items} headingId={logHeadingId} />
          </section>
        </>
      )}
    </div>
  );
}
