import type { ReactNode } from 'react';
import type { Messages } from '../messages';
import { LoadError } from './load-error';
import type { StaffSession } from './staff-session';
import { StaffSignedOut } from './staff-signed-out';
import { useStaffSession } from './use-staff-session';

interface StaffGateProps {
  readonly text: Messages;
  readonly children: (session: StaffSession) => ReactNode;
}

/**
 * Shows its content only to a staff login; otherwise the way to the staff login. The server
 * refuses the case API to anyone else anyway: this only spares the reader a page of errors.
 */
export function StaffGate({ text, children }: StaffGateProps) {
  const { state, reload } = useStaffSession();
  const t = text.staff.common;
  switch (state.status) {
    case 'loading':
      return (
        <p className="page__message" role="status">
          {t.checkingSession}
        </p>
      );
    case 'error':
      return <LoadError text={text} message={t.sessionError} onRetry={reload} />;
    case 'signed-out':
      return <StaffSignedOut text={text} reason={state.expired ? 'expired' : 'not-logged-in'} />;
    case 'not-staff':
      return <StaffSignedOut text={text} reason="not-staff" />;
    case 'staff':
      return children(state.session);
  }
}
