import type { Page } from 'playwright-core';

/**
 * Collects uncaught exceptions and console errors (CSP violations among them), which fail the
 * happy-path tests. `ignore` leaves out console errors a test provokes on purpose.
 */
export function collectPageErrors(page: Page, ignore?: RegExp): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !(ignore?.test(message.text()) ?? false)) {
      errors.push(`${message.text()} ${message.location().url}`);
    }
  });
  return errors;
}
