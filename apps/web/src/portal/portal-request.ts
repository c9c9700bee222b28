import { NETWORK_ERROR } from '../api-client';

/**
 * Like `ApiResult`, with the `details` of a refusal too: the portal needs them to show each problem
 * at its field (ANSWERS_INVALID) and the level a step-up asks for (STEP_UP_REQUIRED).
 */
export type PortalResult<T> = { readonly ok: true; readonly status: number; readonly data: T } | PortalFailure;

export interface PortalFailure {
  readonly ok: false;
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
}

interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

const networkFailure: PortalFailure = { ok: false, status: 0, code: NETWORK_ERROR, details: {} };

/** Reads an answer of the API: the JSON body, or the code and details of `{ error: { … } }`. */
export async function readResult<T>(response: Response): Promise<PortalResult<T>> {
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  const error = (parsed as { error?: { code?: unknown; details?: unknown } } | null)?.error;
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
    details:
      typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {},
  };
}

/** Sends a request; an abort is thrown (the page went away), any other failure comes back as a result. */
export async function sendRequest<T>(path: string, init: RequestInit): Promise<PortalResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    return networkFailure;
  }
  return readResult<T>(response);
}

/** A JSON call to the API on the same origin (the session cookie goes along by itself). */
export function portalRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  { body, signal }: RequestOptions = {},
): Promise<PortalResult<T>> {
  return sendRequest<T>(path, {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal ? { signal } : {}),
  });
}
