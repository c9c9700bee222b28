import { useEffect, useRef, useState } from 'react';
import type { TenantsState } from './use-tenants';

const CLIENT_ERROR = { kind: 'refused', reason: 'OTHER', code: 'CLIENT_ERROR' } as const;

/**
 * What every login form shares: the chosen municipality (preset when there is only one), the
 * problem to show, a guard against double submits, and focus on the error summary after each
 * failed attempt (even when the problem is the same as last time).
 */
export function useLoginSubmit<P>(tenants: TenantsState) {
  const [lgCode, setLgCode] = useState('');
  const [problem, setProblem] = useState<P | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A ref, not the state: a double click lands before the re-render that would show `submitting`.
  const inFlight = useRef(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const onlyTenant = tenants.status === 'loaded' && tenants.items.length === 1 ? tenants.items[0] : undefined;
  useEffect(() => {
    if (onlyTenant) setLgCode((current) => current || onlyTenant.lgCode);
  }, [onlyTenant]);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const report = (next: P) => {
    setProblem(next);
    setAttempt((n) => n + 1);
  };

  /** Runs one login attempt; `onOk` on success, else the problem is shown. */
  const submit = async (work: () => Promise<{ kind: 'ok' } | P>, onOk: () => void) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    try {
      const outcome = await work().catch((error: unknown) => {
        console.error(error);
        return CLIENT_ERROR as P;
      });
      if ((outcome as { kind?: string }).kind === 'ok') onOk();
      else report(outcome as P);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return { lgCode, setLgCode, problem, setProblem, submitting, summaryRef, report, submit };
}
