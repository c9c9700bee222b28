import { useCallback, useEffect, useState } from 'react';
import { type AccessLogEntry, fetchAccessLog } from './access-log-api';
import { fetchSession, logout, type SessionInfo } from './session-api';

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

/**
 * The login (from `GET /api/v1/session`: the cookie itself is out of the page's reach) and the
 * resident's access log. `logOut` ends the session; `reload` tries again after an error.
 */
export function useMyRecord(): {
  state: MyRecordState;
  reload: () => void;
  logOut: () => Promise<boolean>;
} {
  const [state, setState] = useState<MyRecordState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger that makes `reload` fetch again.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadMyRecord(controller.signal).then(setState, (error: unknown) => {
      if (!controller.signal.aborted) {
        console.error(error);
        setState({ status: 'error' });
      }
    });
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const logOut = useCallback(async () => {
    const result = await logout();
    if (result.ok) setState({ status: 'signed-out', reason: 'logged-out' });
    return result.ok;
  }, []);
  return { state, reload, logOut };
}
