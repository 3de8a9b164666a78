// Playwright config for the real-browser tests in tests/browser.
// Uses Debian's Chromium (never Playwright's own download) against a production build served
// by `vite preview`; the JSON report feeds the totals line printed by scripts/test-all.mjs.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './scripts/chromium.mjs';

const chromiumPath = requireChromium();

// RL_PORT and RL_OUTDIR let several checkouts' test runs share one machine: each builds into its
// own folder and serves it on its own port. Unset, it is the README's `npm run build` on 4173.
const port = Number(process.env.RL_PORT ?? 4173);
const outDir = process.env.RL_OUTDIR;
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
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: outDir
      ? `npx vite build --outDir ${outDir} && npx vite preview --port ${port} --strictPort --outDir ${outDir}`
      : 'npm run build && npm run preview',
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
