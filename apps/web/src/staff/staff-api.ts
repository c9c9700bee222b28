import { apiRequestWithDetails, type DetailedFailure } from '../api-client';

/** One field the server found wrong: `reason`, `decisionId`, `body`, … */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Like `DetailedResult` of api-client.ts, with the field problems of a refusal read out: the staff
 * forms put them next to their fields, and some refusals (the registry's) are worth showing in
 * the server's own words (`message`).
 */
export type StaffResult<T> = { readonly ok: true; readonly status: number; readonly data: T } | StaffFailure;

export interface StaffFailure extends DetailedFailure {
  readonly problems: readonly FieldProblem[];
}

function problemsOf(details: Readonly<Record<string, unknown>>): FieldProblem[] {
  const problems = details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: { field?: unknown; message?: unknown }) =>
    typeof p?.field === 'string' && typeof p.message === 'string'
      ? // Schema checks name the field from the request ("body.reason"); use cases name it bare ("reason").
        [{ field: p.field.replace(/^body\./, ''), message: p.message }]
      : [],
  );
}

/** Calls the API on the same origin with the session cookie; an abort is thrown, every other failure returned. */
export async function staffRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { readonly body?: unknown; readonly signal?: AbortSignal } = {},
): Promise<StaffResult<T>> {
  const result = await apiRequestWithDetails<T>(method, path, options);
  return result.ok ? result : { ...result, problems: problemsOf(result.details) };
}

/** 401 answers that mean "log in (again)": no session, an ended one, or one too old for the step. */
export function isSignedOut(result: { readonly ok: false; readonly code: string }): boolean {
  return ['AUTHENTICATION_REQUIRED', 'SESSION_EXPIRED', 'REAUTHENTICATION_REQUIRED'].includes(result.code);
}
