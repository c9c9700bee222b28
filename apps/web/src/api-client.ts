/** What a call to the API came to: the parsed body, or the error code of `{ error: { code, message } }`. */
export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly code: string };

/**
 * A refusal with what the server said besides its code: the message, and the `details` (the
 * problems per field of ANSWERS_INVALID or VALIDATION_FAILED, the level STEP_UP_REQUIRED asks for).
 */
export interface DetailedFailure {
  readonly ok: false;
  readonly status: number;
  readonly code: string;
  /** The server's words (English); empty when it sent none. */
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Like `ApiResult`, with a refusal's message and details too. */
export type DetailedResult<T> = { readonly ok: true; readonly status: number; readonly data: T } | DetailedFailure;

/** The code for "the server could not be reached at all" (offline, connection refused). */
export const NETWORK_ERROR = 'NETWORK';

interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

const networkFailure: DetailedFailure = { ok: false, status: 0, code: NETWORK_ERROR, message: '', details: {} };

/** Reads an answer of the API: the JSON body, or the code, message and details of `{ error: { … } }`. */
async function readResult<T>(response: Response): Promise<DetailedResult<T>> {
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
    message: typeof error?.message === 'string' ? error.message : '',
    details:
      typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {},
  };
}

/**
 * Sends a request to the API on the same origin; the session cookie (HttpOnly) goes along by itself.
 * An abort is thrown as usual (the page went away), every other failure comes back as a result, so
 * each page decides what to show.
 */
export async function sendRequest<T>(path: string, init: RequestInit): Promise<DetailedResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    return networkFailure;
  }
  return readResult<T>(response);
}

/** A JSON call to the API, with a refusal's message and details. */
export function apiRequestWithDetails<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  { body, signal }: RequestOptions = {},
): Promise<DetailedResult<T>> {
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

/** A JSON call to the API; a refusal comes back as its code. */
export async function apiRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const result = await apiRequestWithDetails<T>(method, path, options);
  return result.ok ? result : { ok: false, status: result.status, code: result.code };
}
