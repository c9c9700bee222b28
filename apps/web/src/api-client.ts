/** What a call to the API came to: the parsed body, or the error code of `{ error: { code, message } }`. */
export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly code: string };

/** The code for "the server could not be reached at all" (offline, connection refused). */
export const NETWORK_ERROR = 'NETWORK';

interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

function errorCodeOf(body: unknown): string | null {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Calls the API on the same origin; the session cookie (HttpOnly) goes along by itself. An abort
 * is thrown as usual, every other failure comes back as a result, so each page decides what to show.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  { body, signal }: RequestOptions = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, status: 0, code: NETWORK_ERROR };
  }
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  return { ok: false, status: response.status, code: errorCodeOf(parsed) ?? `HTTP_${response.status}` };
}
