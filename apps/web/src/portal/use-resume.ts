import { useEffect } from 'react';
import type { ApplicationDetail } from '../procedures/application-view';
import { navigate } from '../router';
import { RESUME_PARAM, resumePath } from './resume-step';

/**
 * On step 1 opened with `?resume` (the list's "continue" link), moves on to the first step not
 * answered yet once the application is loaded. The list does not load each draft's answers, so
 * the step is worked out here; the query holds no personal data.
 */
export function useResume(detail: ApplicationDetail | null): void {
  useEffect(() => {
    if (!detail || !new URLSearchParams(window.location.search).has(RESUME_PARAM)) return;
    const target = resumePath(detail);
    if (target === window.location.pathname) window.history.replaceState(null, '', target);
    else navigate(target, { replace: true });
  }, [detail]);
}
