// Smoke test in real headless Chromium: the built app loads, shows its heading, logs no errors.
import { expect, test } from '@playwright/test';

test('the page loads with the Raft Lab heading and no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');

  await expect(page.getByRole('heading', { name: 'Raft Lab' })).toBeVisible();
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  expect(errors).toEqual([]);
});
