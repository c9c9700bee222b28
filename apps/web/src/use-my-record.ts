import { useCallback } from 'react';
import { type AccessLogEntry, fetchAccessLog } from './access-log-api';
import { fetchSession, logout, type SessionInfo } from './session-api';
import { useReloadable } from './use-reloadable';

export type SignedOutReason = 'not-logged-in' | 'expired' | 'logged-out';

export type MyRecordState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly reason: SignedOutReason }
  /** Logged in, but not strongly enough to see the access log (STEP_UP_REQUIRED). */
  | { readonly status: 'step-up'; readonly session: SessionInfo }
  | { readonly status: 'error' }
  | { readonly status: 'loaded'; readonly session: SessionInfo; readonly items: readonly AccessLogEntry[] };

/** 401 answers that mean "no session": never had one, or it ended. */
function signedOutReason(code: string): SignedOutReason | null {
  if (code === 'AUTHENTICATION_REQUIRED') return 'not-logged-in';
  if (code === 'SESSION_EXPIRED') return 'expired';
  return null;
}

async function loadMyRecord(signal: AbortSignal): Promise<MyRecordState> {
  const session = await fetchSession(signal);
  if (!session.ok) {
    const reason = signedOutReason(session.code);
    return reason ? { status: 'signed-out', reason } : { status: 'error' };
  }
  const log = await fetchAccessLog(signal);
  if (log.ok) return { status: 'loaded', session: session.data, items: log.data.items };
  if (log.code === 'STEP_UP_REQUIRED') return { status: 'step-up', session: session.data };
  const reason = signedOutReason(log.code);
  return reason ? { status: 'signed-out', reason } : { status: 'error' };
}

const LOADING: MyRecordState = { status: 'loading' };
const FAILED: MyRecordState = { status: 'error' };

/**
 * The login (from `GET /api/v1/session`: the cookie itself is out of the page's reach) and the
 * resident's access log. `logOut` ends the session; `reload` tries again after an error.
 */
export function useMyRecord(): {
  state: MyRecordState;
  reload: () => void;
  logOut: () => Promise<boolean>;
} {
  const { state, reload, replace } = useReloadable(loadMyRecord, { loading: LOADING, failed: FAILED });
  const logOut = useCallback(async () => {
    const result = await logout();
    if (result.ok) replace({ status: 'signed-out', reason: 'logged-out' });
    return result.ok;
  }, [replace]);
  return { state, reload, logOut };
}
