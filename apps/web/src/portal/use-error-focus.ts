import { useEffect, useRef, useState } from 'react';

/**
 * Focus on an error summary (or any message) each time it is shown anew, also when the problem is
 * the same as last time, so it is read out and the next Tab starts there.
 */
export function useFocusOnReport<E extends HTMLElement = HTMLDivElement>() {
  const ref = useRef<E>(null);
  const [reports, setReports] = useState(0);
  useEffect(() => {
    if (reports > 0) ref.current?.focus();
  }, [reports]);
  const report = () => setReports((n) => n + 1);
  return { ref, report };
}
