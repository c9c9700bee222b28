import { useState } from 'react';
import type { Messages } from '../messages';
import { navigate, paths } from '../router';
import { TenantLabel } from '../tenant-label';
import { useTenants } from '../use-tenants';
import { staffLogout } from './staff-session';

interface StaffBarProps {
  readonly text: Messages;
  readonly lgCode: string;
  /** After logging out; by default the staff login page (the login page itself checks the session again). */
  readonly onLoggedOut?: () => void;
}

/** Where the staff member is logged in, and the way out (a shared terminal must be easy to leave). */
export function StaffBar({ text, lgCode, onLoggedOut }: StaffBarProps) {
  const t = text.staff.common;
  const tenants = useTenants();
  const [failed, setFailed] = useState(false);
  // The name is a nicety: while the list loads (or if it fails) the code alone says which municipality.
  const tenant = tenants.state.status === 'loaded' ? tenants.state.items.find((i) => i.lgCode === lgCode) : undefined;
  const [before = '', after = ''] = t.signedInAs.split('{tenant}');

  const logOut = async () => {
    setFailed(false);
    const result = await staffLogout();
    if (!result.ok) setFailed(true);
    else if (onLoggedOut) onLoggedOut();
    else navigate(paths.staffLogin);
  };

  return (
    <div className="staff-bar">
      <p className="staff-bar__who">
        {before}
        {tenant ? <TenantLabel text={text} tenant={tenant} /> : lgCode}
        {after}
      </p>
      <button type="button" className="button" onClick={() => void logOut()}>
        {t.logout}
      </button>
      {failed && (
        <p className="inline-alert staff-bar__error" role="alert">
          {t.logoutError}
        </p>
      )}
    </div>
  );
}
