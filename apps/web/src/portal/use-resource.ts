import { useCallback, useEffect, useRef, useState } from 'react';
import type { DetailedResult } from '../api-client';
import { failureOf, type LoadFailure } from './failure';

export type ResourceState<T> =
  /** Nothing to load yet (say, no municipality chosen). */
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly failure: LoadFailure }
  | { readonly status: 'loaded'; readonly data: T };

/**
 * Loads what a page shows for `key` (null: nothing yet) and loads it again when the key changes.
 * `reload` fetches again; once something is shown it stays on screen until the fresh answer comes,
 * so a message next to it (say, "reply sent") is not swept away. `replace` puts in what an action
 * answered without asking the server again.
 */
export function useResource<T>(
  key: string | null,
  load: (key: string, signal: AbortSignal) => Promise<DetailedResult<T>>,
): { state: ResourceState<T>; reload: () => void; replace: (data: T) => void } {
  const [state, setState] = useState<ResourceState<T>>(key === null ? { status: 'idle' } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest loader, without making a new function each render restart the request.
  const loader = useRef(load);
  loader.current = load;
  const shownKey = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger that makes `reload` fetch again.
  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState((current) => (current.status === 'loaded' && shownKey.current === key ? current : { status: 'loading' }));
    loader.current(key, controller.signal).then(
      (result) => {
        shownKey.current = key;
        setState(
          result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: failureOf(result) },
        );
      },
      (error: unknown) => {
        // Leaving the page aborts the request; that is not a failure to show.
        if (controller.signal.aborted) return;
        console.error(error);
        setState({ status: 'failed', failure: { kind: 'error', code: 'CLIENT_ERROR' } });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'loaded', data }), []);
  return { state, reload, replace };
}
