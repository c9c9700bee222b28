import { useReloadable } from '../use-reloadable';
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

async function loadCases(signal: AbortSignal, filters: CaseFilters): Promise<CaseSearchState> {
  const result = await searchCases(searchOf(filters), signal);
  if (result.ok) return { status: 'loaded', list: result.data };
  if (isSignedOut(result)) return { status: 'signed-out', expired: result.code === 'SESSION_EXPIRED' };
  if (result.status === 403) return { status: 'denied' };
  return { status: 'error' };
}

const LOADING: CaseSearchState = { status: 'loading' };
const FAILED: CaseSearchState = { status: 'error' };

/** The inbox for the given filters, fetched again whenever they change; `reload` after an error. */
export function useCaseSearch(filters: CaseFilters): { readonly state: CaseSearchState; readonly reload: () => void } {
  const { state, reload } = useReloadable(loadCases, { key: filters, loading: LOADING, failed: FAILED });
  return { state, reload };
}
