import { useCallback, useEffect, useState } from 'react';

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

/** Loads the municipalities served; `reload` tries again after an error. */
export function useTenants(): { state: TenantsState; reload: () => void } {
  const [state, setState] = useState<TenantsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger that makes `reload` fetch again.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchTenants(controller.signal).then(
      (items) => setState({ status: 'loaded', items }),
      (error: unknown) => {
        // Leaving the page aborts the request; that is not a failure to show.
        if (!controller.signal.aborted) {
          console.error(error);
          setState({ status: 'error' });
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
