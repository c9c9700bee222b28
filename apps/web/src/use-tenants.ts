import { useReloadable } from './use-reloadable';

/** A municipality as `GET /api/v1/tenants` lists it. */
export interface TenantSummary {
  readonly lgCode: string;
  readonly name: string;
}

export type TenantsState =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | { readonly status: 'loaded'; readonly items: readonly TenantSummary[] };

function isTenantSummary(value: unknown): value is TenantSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { lgCode, name } = value as Record<string, unknown>;
  return typeof lgCode === 'string' && typeof name === 'string';
}

async function fetchTenants(signal: AbortSignal): Promise<TenantSummary[]> {
  const response = await fetch('/api/v1/tenants', { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`GET /api/v1/tenants answered ${response.status}`);
  const body: unknown = await response.json();
  const items = (body as { items?: unknown } | null)?.items;
  // A malformed answer is shown as an error rather than as a half-rendered list.
  if (!Array.isArray(items) || !items.every(isTenantSummary)) throw new Error('unexpected tenants response');
  return items;
}

async function loadTenants(signal: AbortSignal): Promise<TenantsState> {
  return { status: 'loaded', items: await fetchTenants(signal) };
}

const LOADING: TenantsState = { status: 'loading' };
const FAILED: TenantsState = { status: 'error' };

/** Loads the municipalities served; `reload` tries again after an error. */
export function useTenants(): { state: TenantsState; reload: () => void } {
  const { state, reload } = useReloadable(loadTenants, { loading: LOADING, failed: FAILED });
  return { state, reload };
}
