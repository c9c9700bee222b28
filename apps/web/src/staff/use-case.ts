import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail } from './case-types';
import { fetchCase } from './cases-api';
import { isSignedOut } from './staff-api';

export type CaseState =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | { readonly status: 'signed-out'; readonly expired: boolean }
  /** 403: another department's case, or a procedure more sensitive than the staff member's grants. */
  | { readonly status: 'denied' }
  | { readonly status: 'not-found' }
  | { readonly status: 'loaded'; readonly detail: CaseDetail };

/**
 * One case with its definition, history and documents. `reload` fetches it again after an action
 * while the page keeps showing the case it has, so focus and the reader's place are not lost.
 */
export function useCase(applicationId: string): { readonly state: CaseState; readonly reload: () => void } {
  const [state, setState] = useState<CaseState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger that makes `reload` fetch again.
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'loaded' ? current : { status: 'loading' }));
    fetchCase(applicationId, controller.signal).then(
      (result) => {
        if (result.ok) setState({ status: 'loaded', detail: result.data });
        else if (isSignedOut(result)) setState({ status: 'signed-out', expired: result.code === 'SESSION_EXPIRED' });
        else if (result.status === 403) setState({ status: 'denied' });
        else if (result.status === 404) setState({ status: 'not-found' });
        else setState({ status: 'error' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          console.error(error);
          setState({ status: 'error' });
        }
      },
    );
    return () => controller.abort();
  }, [applicationId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
