import { useEffect } from 'react';
import { fill } from '../format';
import type { Messages } from '../messages';

/**
 * Refines the generic title App sets, once the page knows its name (a procedure's, a question's).
 * App sets its title in an effect that runs after the page's own effects on every App render (a
 * parent's effects run after its children's), so the refined title is written a moment later.
 * With a problem on the page the title starts with 「エラー：」, as screen reader users hear it first.
 */
export function useDocumentTitle(text: Messages, page: string | null, hasError = false): void {
  useEffect(() => {
    if (page === null) return;
    const title = fill(text.titleTemplate, { page: hasError ? `${text.portal.titles.errorPrefix}${page}` : page });
    let active = true;
    queueMicrotask(() => {
      if (active) document.title = title;
    });
    return () => {
      active = false;
    };
  }, [text, page, hasError]);
}
