import { type ApiResult, apiRequest } from './api-client';

/** One line of the resident's access log, as `POST /api/v1/me/access-log` returns it. */
export interface AccessLogEntry {
  readonly at: string;
  readonly department: string | null;
  readonly purpose: string;
  readonly dataCategory: string | null;
  readonly action: string;
  readonly result: string;
}

/** A POST although it only reads: the server records every reading of the log. */
export function fetchAccessLog(signal?: AbortSignal): Promise<ApiResult<{ items: AccessLogEntry[] }>> {
  return apiRequest<{ items: AccessLogEntry[] }>('POST', '/api/v1/me/access-log', signal ? { signal } : {});
}
