import { useCallback, useEffect, useRef, useState } from 'react';

interface ReloadableOptions<S, K> {
  /** What to load; a new key (compared as React compares dependencies) loads again. */
  readonly key?: K;
  /** The state while loading. */
  readonly loading: S;
  /** The state when loading threw (a bug, a malformed answer): the error goes to the console. */
  readonly failed: S;
  /** Whether to keep showing the current state while loading again, rather than `loading`. */
  readonly keep?: (current: S) => boolean;
}

/**
 * A state loaded from the server: loaded on mount, again when the key changes and on `reload`
 * (after an error, or an action). Leaving the page or a newer key aborts the request, which is not
 * a failure to show. `replace` puts in a state an action already knows, without asking again.
 */
export function useReloadable<S, K = undefined>(
  load: (signal: AbortSignal, key: K) => Promise<S>,
  options: ReloadableOptions<S, K>,
): { readonly state: S; readonly reload: () => void; readonly replace: (next: S) => void } {
  const [state, setState] = useState<S>(options.loading);
  const [attempt, setAttempt] = useState(0);
  // The latest loader and options, without making new ones each render restart the request.
  const latest = useRef({ load, options });
  latest.current = { load, options };
  const key = options.key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger that makes `reload` fetch again.
  useEffect(() => {
    const { load, options } = latest.current;
    const controller = new AbortController();
    setState((current) => (options.keep?.(current) ? current : options.loading));
    load(controller.signal, key as K).then(setState, (error: unknown) => {
      if (!controller.signal.aborted) {
        console.error(error);
        setState(options.failed);
      }
    });
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((next: S) => setState(next), []);
  return { state, reload, replace };
}
