import type { ApplicationDetail } from '../procedures/application-view';
import { useReloadable } from '../use-reloadable';
import { fetchCase } from './cases-api';
import { isSignedOut } from './staff-api';

export type CaseState =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | { readonly status: 'signed-out'; readonly expired: boolean }
  /** 403: another department's case, or a procedure more sensitive than the staff member's grants. */
  | { readonly status: 'denied' }
  | { readonly status: 'not-found' }
  | { readonly status: 'loaded'; readonly detail: ApplicationDetail };

async function loadCase(signal: AbortSignal, applicationId: string): Promise<CaseState> {
  const result = await fetchCase(applicationId, signal);
  if (result.ok) return { status: 'loaded', detail: result.data };
  if (isSignedOut(result)) return { status: 'signed-out', expired: result.code === 'SESSION_EXPIRED' };
  if (result.status === 403) return { status: 'denied' };
  if (result.status === 404) return { status: 'not-found' };
  return { status: 'error' };
}

const LOADING: CaseState = { status: 'loading' };
const FAILED: CaseState = { status: 'error' };

/**
 * One case with its definition, history and documents. `reload` fetches it again after an action
 * while the page keeps showing the case it has, so focus and the reader's place are not lost.
 */
export function useCase(applicationId: string): { readonly state: CaseState; readonly reload: () => void } {
  const { state, reload } = useReloadable(loadCase, {
    key: applicationId,
    loading: LOADING,
    failed: FAILED,
    keep: (current) => current.status === 'loaded',
  });
  return { state, reload };
}
