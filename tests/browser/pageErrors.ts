// Shared by the browser tests: every console error and uncaught page error of a test, collected
// so the test can assert there were none.
import type { Page } from '@playwright/test';

/** Console errors and uncaught page errors, collected for the whole test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}
