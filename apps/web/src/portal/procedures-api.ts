import type { SessionInfo } from '../session-api';
import { type PortalResult, portalRequest } from './portal-request';
import type { ProcedureSummary, ProcedureView } from './procedure-types';

export function fetchProcedures(
  lgCode: string,
  signal: AbortSignal,
): Promise<PortalResult<{ readonly items: readonly ProcedureSummary[] }>> {
  return portalRequest('GET', `/api/v1/tenants/${encodeURIComponent(lgCode)}/procedures`, { signal });
}

/** The version offered now: the start page describes what a new application will ask. */
export function fetchProcedure(
  lgCode: string,
  procedureId: string,
  signal: AbortSignal,
): Promise<PortalResult<ProcedureView>> {
  const path = `/api/v1/tenants/${encodeURIComponent(lgCode)}/procedures/${encodeURIComponent(procedureId)}`;
  return portalRequest('GET', path, { signal });
}

/** Who is logged in; a 401 means nobody, which the portal pages treat as an answer, not an error. */
export function fetchPortalSession(signal: AbortSignal): Promise<PortalResult<SessionInfo>> {
  return portalRequest('GET', '/api/v1/session', { signal });
}
