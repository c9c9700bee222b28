import { useCallback, useRef, useState } from 'react';

/**
 * One request at a time from a form: `guard` runs the work unless some is still running (a double
 * click lands before the re-render that would show `busy`, so a ref guards, not the state).
 * It answers undefined when it did not run.
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const guard = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    try {
      return await work();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, guard };
}
