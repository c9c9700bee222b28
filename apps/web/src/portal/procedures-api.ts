import { apiRequestWithDetails, type DetailedResult } from '../api-client';
import type { ProcedureDefinition } from '../procedures/procedure-definition';
import type { ProcedureSummary } from '../procedures/procedure-summary';
import type { SessionInfo } from '../session-api';

/** A procedure version as `GET /api/v1/tenants/{lgCode}/procedures/{procedureId}` sends it. */
export interface ProcedureView {
  readonly procedureId: string;
  readonly version: number;
  readonly status: string;
  readonly definition: ProcedureDefinition;
}

export function fetchProcedures(
  lgCode: string,
  signal: AbortSignal,
): Promise<DetailedResult<{ readonly items: readonly ProcedureSummary[] }>> {
  return apiRequestWithDetails('GET', `/api/v1/tenants/${encodeURIComponent(lgCode)}/procedures`, { signal });
}

/** The version offered now: the start page describes what a new application will ask. */
export function fetchProcedure(
  lgCode: string,
  procedureId: string,
  signal: AbortSignal,
): Promise<DetailedResult<ProcedureView>> {
  const path = `/api/v1/tenants/${encodeURIComponent(lgCode)}/procedures/${encodeURIComponent(procedureId)}`;
  return apiRequestWithDetails('GET', path, { signal });
}

/** Who is logged in; a 401 means nobody, which the portal pages treat as an answer, not an error. */
export function fetchPortalSession(signal: AbortSignal): Promise<DetailedResult<SessionInfo>> {
  return apiRequestWithDetails('GET', '/api/v1/session', { signal });
}
