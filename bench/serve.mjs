// Shared by the browser benchmarks: build the app, serve it with `vite preview` on a fixed port,
// and open it in Debian's Chromium (never a downloaded browser).
// timeStartup runs in the page, where these browser globals exist.
/* global window, document, requestAnimationFrame */
import { execSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from '../scripts/chromium.mjs';

/**
 * The benchmarks build apart from dist/, so a test server serving dist/ is never disturbed.
 * RL_OUTDIR and RL_PORT (as for the browser tests) let two runs on one machine keep apart.
 */
export const BENCH_OUT_DIR = process.env.RL_OUTDIR ?? 'node_modules/.cache/bench-dist';
const BENCH_PORT = Number(process.env.RL_PORT ?? 4175);

/** Whether something already answers at `url`. */
async function answers(url) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

/** Throws when something answers on `port`: a server left over from another run would answer in place of this build's. */
async function portFree(port) {
  const base = `http://localhost:${port}`;
  if (await answers(base)) throw new Error(`port ${port} is taken: stop what serves ${base}`);
}

async function waitForServer(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

/**
 * Serves the build in `dir` with `vite preview` on `port` (this tree's config: the same headers
 * for any build); resolves { base, stop } once it answers.
 */
export async function serve(dir, port) {
  const base = `http://localhost:${port}`;
  await portFree(port);
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dir],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  // With --strictPort a taken port ends the server at once; without this check the bench would
  // quietly measure whatever else answers there.
  let exited = null;
  server.on('exit', (code) => (exited = code));
  const stop = () => exited === null && process.kill(-server.pid);
  try {
    await waitForServer(base, 30_000);
    if (exited !== null) throw new Error(`vite preview exited (${exited}): is port ${port} taken?`);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

/**
 * Runs in the page before the app (page.addInitScript): `window.__uiBench` notes, in ms since
 * navigation, when the cluster first runs (its first frame drawn, every worker answered), when
 * the first event happened and when the screen first shows a leader.
 */
export function timeStartup() {
  const marks = { running: null, firstEvent: null, leader: null };
  window.__uiBench = marks;
  const poll = () => {
    const s = window.raftLabStore?.getState();
    const now = performance.now();
    if (
      s &&
      s.status === 'running' &&
      window.raftLabView?.().frame &&
      document.querySelector('[data-node]')
    ) {
      marks.running ??= now;
      const v = window.raftLabView();
      if (v.headSeq > 0) marks.firstEvent ??= now;
      if (v.frame.facts.leader !== null) marks.leader ??= now;
    }
    if (marks.leader === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * Builds, serves and opens the app; returns { browser, page, url, close }. `beforeGoto(page)` runs
 * before the first navigation (e.g. to add an init script that times the page from its start).
 */
export async function openApp({
  port = BENCH_PORT,
  viewport = { width: 1280, height: 720 },
  path = '/',
  beforeGoto = async () => {},
} = {}) {
  const executablePath = requireChromium();
  await portFree(port); // before the build, which takes a while
  // UI_BENCH_PLAIN=1 builds without minifying, so a CPU profile names the source's functions.
  const plain = process.env.UI_BENCH_PLAIN ? ' --minify false' : '';
  execSync(`npx vite build --logLevel error --outDir ${BENCH_OUT_DIR} --emptyOutDir${plain}`, {
    stdio: 'inherit',
  });
  const { base, stop } = await serve(BENCH_OUT_DIR, port);
  try {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await beforeGoto(page);
    const t0 = Date.now();
    await page.goto(base + path);
    const close = async () => {
      await browser.close();
      stop();
    };
    return { browser, page, base, errors, navigationStartedAt: t0, close };
  } catch (error) {
    stop();
    throw error;
  }
}
