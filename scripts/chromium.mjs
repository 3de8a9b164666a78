// Debian's Chromium for the browser tests and benchmarks: where it is, and the flags that keep
// it off the network. Shared by playwright.config.ts and bench/serve.mjs so they never drift.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The last five keep Chromium from trying to reach the network.
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Fails early, with the install command, when the browser is missing. */
export function requireChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's Chromium with\n` +
        '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium\n' +
        'or set CHROMIUM_PATH to a Chromium binary. Do not run `npx playwright install`.',
    );
  }
  return CHROMIUM_PATH;
}
