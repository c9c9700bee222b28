import { useCallback, useEffect, useRef, useState } from 'react';
import { NETWORK_ERROR } from '../api-client';
import { type FieldProblem, isSignedOut, type StaffResult } from './staff-api';
import type { CaseActionErrorKey } from './staff-messages';

/** Why a step failed: the explanation's key, the code to quote, the server's words, and field problems. */
export interface ActionFailure {
  readonly key: CaseActionErrorKey;
  readonly code: string;
  readonly message: string;
  readonly problems: readonly FieldProblem[];
}

function failureKey(result: {
  readonly ok: false;
  readonly status: number;
  readonly code: string;
}): CaseActionErrorKey {
  if (isSignedOut(result)) return 'SIGNED_OUT';
  if (result.code === 'MOVEMENT_REFUSED' || result.code === 'SUPPORT_MEASURE_BLOCKED') return 'REGISTRY_REFUSED';
  if (result.code === 'APPLICATION_STATE') return 'APPLICATION_STATE';
  if (result.code === 'VALIDATION_FAILED') return 'VALIDATION_FAILED';
  if (result.code === NETWORK_ERROR) return 'NETWORK';
  if (result.status === 403) return 'ACCESS_DENIED';
  if (result.status === 404) return 'NOT_FOUND';
  if (result.status === 429) return 'TOO_MANY_REQUESTS';
  return 'OTHER';
}

/** How a step ended; `failure` is null when it did not run because another was still in flight. */
export type ActionOutcome<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly failure: ActionFailure | null };

/** A field problem found before asking the server (nothing typed, too long). */
export function localFailure(problems: readonly FieldProblem[]): ActionFailure {
  return { key: 'VALIDATION_FAILED', code: 'VALIDATION_FAILED', message: '', problems };
}

/**
 * What every step on a case shares: one request at a time (a double click must not decide twice),
 * the failure to show, and focus on its error summary after each failed attempt, even a repeated one.
 */
export function useCaseAction() {
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const fail = useCallback((next: ActionFailure) => {
    setFailure(next);
    setAttempt((n) => n + 1);
  }, []);

  /** Runs the request; a failure is also kept to be shown (and its summary focused). */
  const run = useCallback(
    async <T>(work: () => Promise<StaffResult<T>>): Promise<ActionOutcome<T>> => {
      if (inFlight.current) return { ok: false, failure: null };
      inFlight.current = true;
      setPending(true);
      try {
        const result = await work().catch((error: unknown): StaffResult<T> => {
          console.error(error);
          return { ok: false, status: 0, code: 'CLIENT_ERROR', message: '', details: {}, problems: [] };
        });
        if (result.ok) {
          setFailure(null);
          return { ok: true, data: result.data };
        }
        const failure: ActionFailure = {
          key: failureKey(result),
          code: result.code,
          message: result.message,
          problems: result.problems,
        };
        fail(failure);
        return { ok: false, failure };
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [fail],
  );

  return { pending, failure, fail, run, summaryRef };
}
