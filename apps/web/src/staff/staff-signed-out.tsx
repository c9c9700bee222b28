import { Link } from '../link';
import type { Messages } from '../messages';
import { paths } from '../router';

export type StaffSignedOutReason = 'not-logged-in' | 'expired' | 'not-staff';

/** Not logged in as staff (any more): says why and links to the staff login. */
export function StaffSignedOut({ text, reason }: { readonly text: Messages; readonly reason: StaffSignedOutReason }) {
  const t = text.staff.common;
  const message = { 'not-logged-in': t.signedOut, expired: t.sessionExpired, 'not-staff': t.notStaff }[reason];
  return (
    <div className="notice" data-reason={reason}>
      <p>{message}</p>
      <p>
        <Link className="button-link" to={paths.staffLogin}>
          {t.loginLink}
        </Link>
      </p>
    </div>
  );
}
