import { NETWORK_ERROR } from '../api-client';

/** One field the server found wrong: `reason`, `decisionId`, `body`, … */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Like `ApiResult` of api-client.ts, but a failure keeps the server's message and field problems:
 * the staff forms put them next to their fields, and some refusals (the registry's) are worth
 * showing in the server's own words.
 */
export type StaffResult<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: string;
      readonly message: string;
      readonly problems: readonly FieldProblem[];
    };

interface ErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown; readonly details?: unknown };
}

function problemsOf(details: unknown): FieldProblem[] {
  const problems = (details as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: { field?: unknown; message?: unknown }) =>
    typeof p?.field === 'string' && typeof p.message === 'string'
      ? // Schema checks name the field from the request ("body.reason"); use cases name it bare ("reason").
        [{ field: p.field.replace(/^body\./, ''), message: p.message }]
      : [],
  );
}

function failureOf(status: number, parsed: unknown): StaffResult<never> {
  const error = (parsed as ErrorBody | null)?.error;
  return {
    ok: false,
    status,
    code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    message: typeof error?.message === 'string' ? error.message : '',
    problems: problemsOf(error?.details),
  };
}

/** Calls the API on the same origin with the session cookie; an abort is thrown, every other failure returned. */
export async function staffRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  { body, signal }: { readonly body?: unknown; readonly signal?: AbortSignal } = {},
): Promise<StaffResult<T>> {
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
    return { ok: false, status: 0, code: NETWORK_ERROR, message: '', problems: [] };
  }
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  return failureOf(response.status, parsed);
}

/** 401 answers that mean "log in (again)": no session, an ended one, or one too old for the step. */
export function isSignedOut(result: { readonly ok: false; readonly code: string }): boolean {
  return ['AUTHENTICATION_REQUIRED', 'SESSION_EXPIRED', 'REAUTHENTICATION_REQUIRED'].includes(result.code);
}
