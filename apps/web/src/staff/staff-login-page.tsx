import { useId, useRef } from 'react';
import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { useTenants } from '../use-tenants';
import { StaffBar } from './staff-bar';
import { StaffLoginForm } from './staff-login-form';
import { useStaffSession } from './use-staff-session';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
}

/** 職員ログイン: the way into case handling, from a registered terminal only. */
export function StaffLoginPage({ text }: Props) {
  const t = text.staff.login;
  const tenants = useTenants();
  const { state, reload } = useStaffSession();
  const alreadyId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Logging out here keeps the reader on this page: the form takes the place of the logout button,
  // and focus goes back to the top rather than being lost with the button.
  const loggedOut = () => {
    reload();
    headingRef.current?.focus();
  };
  return (
    <div className="page page--narrow">
      <h1 className="page__heading" tabIndex={-1} ref={headingRef}>
        {text.staff.titles.login}
      </h1>
      <p className="page__lead">{t.intro}</p>
      {state.status === 'loading' && (
        <p className="page__message" role="status">
          {text.staff.common.checkingSession}
        </p>
      )}
      {state.status === 'staff' && (
        <section className="notice" aria-labelledby={alreadyId}>
          <h2 id={alreadyId}>{t.alreadyTitle}</h2>
          <StaffBar text={text} lgCode={state.session.lgCode} onLoggedOut={loggedOut} />
          <p>
            <Link className="button-link" to={paths.staffCases}>
              {t.inboxLink}
            </Link>
          </p>
        </section>
      )}
      {/* A failed session check does not keep anyone from logging in: the form is shown then too. */}
      {(state.status === 'signed-out' || state.status === 'not-staff' || state.status === 'error') && (
        <>
          <p className="staff-note">{t.terminalNote}</p>
          {state.status === 'not-staff' && <p className="staff-note">{t.residentNote}</p>}
          <StaffLoginForm text={text} tenants={tenants.state} onRetryTenants={tenants.reload} />
        </>
      )}
    </div>
  );
}
