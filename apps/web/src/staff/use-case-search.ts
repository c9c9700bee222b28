import { useCallback, useEffect, useState } from 'react';
import type { CaseFilters } from './case-filters';
import { searchOf } from './case-filters';
import type { CaseList } from './case-types';
import { searchCases } from './cases-api';
import { isSignedOut } from './staff-api';

export type CaseSearchState =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | { readonly status: 'signed-out'; readonly expired: boolean }
  /** 403: no case permission at all (or not a staff login). */
  | { readonly status: 'denied' }
  | { readonly status: 'loaded'; readonly list: CaseList };

/** The inbox for the given filters, fetched again whenever they change; `reload` after an error. */
export function useCaseSearch(filters: CaseFilters): { readonly state: CaseSearchState; readonly reload: () => void } {
  const [state, setState] = useState<CaseSearchState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger that makes `reload` fetch again.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    searchCases(searchOf(filters), controller.signal).then(
      (result) => {
        if (result.ok) setState({ status: 'loaded', list: result.data });
        else if (isSignedOut(result)) setState({ status: 'signed-out', expired: result.code === 'SESSION_EXPIRED' });
        else if (result.status === 403) setState({ status: 'denied' });
        else setState({ status: 'error' });
      },
      (error: unknown) => {
        // A newer search (or leaving the page) aborts this one: that is not a failure to show.
        if (!controller.signal.aborted) {
          console.error(error);
          setState({ status: 'error' });
        }
      },
    );
    return () => controller.abort();
  }, [filters, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
