import { useReloadable } from '../use-reloadable';
import { isSignedOut } from './staff-api';
import { fetchStaffSession, type StaffSession } from './staff-session';

export type StaffSessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  /** No login, or an ended one. */
  | { readonly status: 'signed-out'; readonly expired: boolean }
  /** Logged in, but as a resident: the staff screens are not for that login. */
  | { readonly status: 'not-staff'; readonly session: StaffSession }
  | { readonly status: 'staff'; readonly session: StaffSession };

async function loadSession(signal: AbortSignal): Promise<StaffSessionState> {
  const result = await fetchStaffSession(signal);
  if (result.ok) {
    return result.data.subjectKind === 'staff'
      ? { status: 'staff', session: result.data }
      : { status: 'not-staff', session: result.data };
  }
  if (isSignedOut(result)) return { status: 'signed-out', expired: result.code === 'SESSION_EXPIRED' };
  return { status: 'error' };
}

const LOADING: StaffSessionState = { status: 'loading' };
const FAILED: StaffSessionState = { status: 'error' };

/** Who is logged in (the page cannot read the HttpOnly cookie); `reload` tries again after an error. */
export function useStaffSession(): { readonly state: StaffSessionState; readonly reload: () => void } {
  const { state, reload } = useReloadable(loadSession, { loading: LOADING, failed: FAILED });
  return { state, reload };
}
