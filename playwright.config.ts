// Playwright config for the real-browser tests in tests/browser.
// Uses Debian's Chromium (never Playwright's own download) against a production build served
// by `vite preview`; the JSON report feeds the totals line printed by scripts/test-all.mjs.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}. Install Debian's Chromium with\n` +
      '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium\n' +
      'or set CHROMIUM_PATH to a Chromium binary. Do not run `npx playwright install`.',
  );
}

const port = 4173;
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'tests/browser',
  // Playwright empties outputDir on start; keep it apart from the JSON reports in test-results/.
  outputDir: 'test-results/playwright-artifacts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          // The last five keep Chromium from trying to reach the network.
          args: [
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npm run build && npm run preview',
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
