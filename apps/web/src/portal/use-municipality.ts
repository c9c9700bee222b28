import { useState } from 'react';
import type { SessionInfo } from '../session-api';
import { type TenantSummary, useTenants } from '../use-tenants';
import { readChosenMunicipality, storeChosenMunicipality } from './chosen-municipality';
import { fetchPortalSession } from './procedures-api';
import { useResource } from './use-resource';

export type MunicipalityState =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | {
      readonly status: 'ready';
      /** The resident's login, or null when nobody (or only staff) is logged in. */
      readonly session: SessionInfo | null;
      readonly tenants: readonly TenantSummary[];
      /** Whose procedures to show; null until the resident chooses. */
      readonly lgCode: string | null;
    };

const loadSession = (_key: string, signal: AbortSignal) => fetchPortalSession(signal);

/**
 * Whose procedures the pages show: the municipality of the login, else the one chosen (kept for
 * the tab), else the only one served. `choose` records a choice; `retry` loads again after an error.
 */
export function useMunicipality(): { state: MunicipalityState; choose: (lgCode: string) => void; retry: () => void } {
  const session = useResource('session', loadSession);
  const tenants = useTenants();
  const [chosen, setChosen] = useState(readChosenMunicipality);

  const choose = (lgCode: string) => {
    storeChosenMunicipality(lgCode);
    setChosen(lgCode || null);
  };
  const retry = () => {
    session.reload();
    tenants.reload();
  };

  const s = session.state;
  const sessionFailed = s.status === 'failed' && s.failure.kind !== 'signed-out';
  if (tenants.state.status === 'error' || sessionFailed) return { state: { status: 'error' }, choose, retry };
  if (tenants.state.status !== 'loaded' || (s.status !== 'loaded' && s.status !== 'failed')) {
    return { state: { status: 'loading' }, choose, retry };
  }
  const items = tenants.state.items;
  const resident = s.status === 'loaded' && s.data.subjectKind === 'resident' ? s.data : null;
  const known = items.find((tenant) => tenant.lgCode === chosen)?.lgCode ?? null;
  const only = items.length === 1 ? (items[0]?.lgCode ?? null) : null;
  return {
    state: { status: 'ready', session: resident, tenants: items, lgCode: resident?.lgCode ?? known ?? only },
    choose,
    retry,
  };
}
