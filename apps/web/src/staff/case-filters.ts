import { CASE_STATUSES, type CaseStatus } from './case-types';
import type { CaseSearch } from './cases-api';

/** The inbox filters as the form holds them; also kept in the address so a reload or a bookmark keeps them. */
export interface CaseFilters {
  readonly procedureId: string;
  readonly status: CaseStatus | '';
  readonly state: 'open' | 'closed' | 'all';
  readonly overdue: boolean;
  readonly mine: boolean;
}

/** An inbox is for work still to do: open cases first. */
export const DEFAULT_FILTERS: CaseFilters = { procedureId: '', status: '', state: 'open', overdue: false, mine: false };

/** How many cases one search lists; the API allows up to 200. */
export const CASE_LIMIT = 100;

function isStatus(value: string | null): value is CaseStatus {
  return (CASE_STATUSES as readonly (string | null)[]).includes(value);
}

export function filtersFromQuery(query: string): CaseFilters {
  const params = new URLSearchParams(query);
  const procedureId = params.get('procedure') ?? '';
  const status = params.get('status');
  const state = params.get('state');
  return {
    // Only what the API would accept: an edited address must not turn into a refused search.
    procedureId: /^[a-z][a-z0-9-]{0,59}$/.test(procedureId) ? procedureId : '',
    status: isStatus(status) ? status : '',
    state: state === 'closed' || state === 'all' ? state : 'open',
    overdue: params.get('overdue') === '1',
    mine: params.get('mine') === '1',
  };
}

/** The query string of the filters, without the defaults; empty for the default inbox. */
export function filtersToQuery(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.procedureId) params.set('procedure', filters.procedureId);
  if (filters.status) params.set('status', filters.status);
  if (filters.state !== 'open') params.set('state', filters.state);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.mine) params.set('mine', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The filters as the search API takes them: each one narrows the list further. */
export function searchOf(filters: CaseFilters): CaseSearch {
  return {
    ...(filters.procedureId ? { procedureId: filters.procedureId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.state === 'all' ? {} : { open: filters.state === 'open' }),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.mine ? { assignedToMe: true } : {}),
    limit: CASE_LIMIT,
  };
}
