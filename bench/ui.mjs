// `npm run bench:ui`: measures the classroom UI in headless Chromium and prints one JSON object:
// frame times while 9 nodes play at 1,000 virtual ms per second with a write every 50 virtual ms
// and 10 % loss, in presentation mode (the classroom's screen, all text ≥ 18 px); the time from
// navigation to a running cluster; the gzipped JS; and, after
// 10 virtual minutes of history with a write every 100 virtual ms, one step back and the heap;
// and the space-time diagram's redraw time while panning after 10 virtual minutes at 9 nodes.
// Progress goes to stderr. UI_BENCH_HEAP_CAP_MB (default 1500) stops the long run early, with
// the minutes reached reported, if the main thread's heap grows past it. UI_BENCH_ONLY=diagram
// measures the diagram alone (UI_BENCH_DIAGRAM_MINUTES, default 10, sets its run's length);
// UI_BENCH_ONLY=share the link of a five-minute classroom session and a ten-minute import;
// UI_BENCH_ONLY=frames the startup and frame times alone; UI_BENCH_ONLY=history the history run,
// step back and heap alone. `--busy` runs one CPU-bound process beside the browser while the
// frames are timed (a student's busy laptop); the frame figures say whether it ran.
// UI_BENCH_HEAP_SNAPSHOT=file writes the heap snapshot taken after the history run;
// UI_BENCH_CPU_PROFILE=file the main thread's CPU profile of the frame run (a .cpuprofile);
// UI_BENCH_TRACE=file a Chrome trace of the frame run, summarised as the main thread's ms per
// second in style, layout, paint, script and the rest (bench/mainThread.mjs).
// Functions passed to page.evaluate run in the page, where these browser globals exist.
/* global window, document, requestAnimationFrame, KeyboardEvent, MouseEvent */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TRACE_CATEGORIES, mainThreadSummary } from './mainThread.mjs';
import { BENCH_OUT_DIR, openApp, timeStartup } from './serve.mjs';
import { shareFigures } from './share.mjs';

const FRAME_SECONDS = 10;
const HISTORY_MINUTES = 10;
const HEAP_CAP_MB = Number(process.env.UI_BENCH_HEAP_CAP_MB ?? 1500);
const DIAGRAM_MINUTES = Number(process.env.UI_BENCH_DIAGRAM_MINUTES ?? 10);
const DIAGRAM_PANS = 60;
const ONLY_DIAGRAM = process.env.UI_BENCH_ONLY === 'diagram';
const ONLY_SHARE = process.env.UI_BENCH_ONLY === 'share';
const ONLY_FRAMES = process.env.UI_BENCH_ONLY === 'frames';
const ONLY_HISTORY = process.env.UI_BENCH_ONLY === 'history';
const BUSY = process.argv.includes('--busy');
const HEAP_SNAPSHOT = process.env.UI_BENCH_HEAP_SNAPSHOT;
const CPU_PROFILE = process.env.UI_BENCH_CPU_PROFILE;
const TRACE = process.env.UI_BENCH_TRACE;
const log = (...args) => console.error('[bench:ui]', ...args);
const mb = (bytes) => +(bytes / 2 ** 20).toFixed(1);
const ms = (v) => +v.toFixed(2);

function jsSizes() {
  const dir = `${BENCH_OUT_DIR}/assets`;
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const sizes = files.map((f) => {
    const raw = readFileSync(join(dir, f));
    return { file: f, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  return {
    totalGzipKB: +(sizes.reduce((s, f) => s + f.gzip, 0) / 1024).toFixed(1),
    totalRawKB: +(sizes.reduce((s, f) => s + f.bytes, 0) / 1024).toFixed(1),
    files: Object.fromEntries(sizes.map((f) => [f.file, +(f.gzip / 1024).toFixed(1)])),
  };
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { usedMB: mb(usedSize), totalMB: mb(totalSize) };
}

/** Writes the page's heap snapshot to `path` (read it with bench/heapOwners.ts). */
async function writeHeapSnapshot(cdp, path) {
  const out = createWriteStream(path);
  const onChunk = ({ chunk }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await new Promise((r) => out.end(r));
  log('heap snapshot written to', path);
}

/**
 * Runs a 9-node cluster `DIAGRAM_MINUTES` virtual minutes, opens the space-time diagram and pans
 * it `DIAGRAM_PANS` times by dragging, then as many with ← and →. A redraw is timed from the
 * pan to the moved drawing with style and layout done.
 */
async function diagramRedraws(page, base) {
  await page.goto(`${base}/?n=9&seed=1`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  for (let minute = 1; minute <= DIAGRAM_MINUTES; minute++) {
    await page.evaluate(async (m) => {
      const s = window.raftLabStore.getState();
      for (let i = 0; i < 300; i++) {
        await s.writeKey(`k${i % 50}`, String((m - 1) * 300 + i));
        await s.advanceBy(200);
      }
    }, minute);
    log(`diagram run: minute ${minute}`);
  }
  const opened = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Diagram',
    );
    const t0 = performance.now();
    button.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return {
      openMs: performance.now() - t0,
      virtualMs: window.raftLabView().viewTime,
      framesKept: window.raftLabStore.getState().history.length,
    };
  });
  return page.evaluate(
    async ({ pans, opened }) => {
      const svg = document.querySelector('.rl-st-svg');
      const group = svg.querySelector('[data-pan]');
      const flush = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const tick = () =>
        new Promise((r) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => r();
          channel.port2.postMessage(0);
        });
      /** Runs `act`, waits until React has moved the drawing, forces style and layout: ms. */
      async function timed(act) {
        const before = group.getAttribute('transform');
        const t0 = performance.now();
        act();
        for (let i = 0; i < 100 && group.getAttribute('transform') === before; i++) {
          await Promise.resolve();
          if (group.getAttribute('transform') === before) await tick();
        }
        svg.getBoundingClientRect();
        const ms = performance.now() - t0;
        await flush();
        return ms;
      }
      const box = svg.getBoundingClientRect();
      const y = box.top + box.height / 2;
      let x = box.left + box.width / 2;
      const mouse = (type) =>
        new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, view: window, button: 0 });
      await flush();
      // Dragging: 60 moves of 15 px, ten one way and ten back (the window stays in the newest
      // few seconds); d3-zoom hears them on the window, as from a mouse.
      const drag = [];
      svg.dispatchEvent(mouse('mousedown'));
      for (let i = 0; i < pans; i++) {
        x += i % 20 < 10 ? 15 : -15;
        drag.push(await timed(() => window.dispatchEvent(mouse('mousemove'))));
      }
      window.dispatchEvent(mouse('mouseup'));
      // The keys: ← and → on the focused diagram, an eighth of the window each.
      svg.focus();
      const keys = [];
      for (let i = 0; i < pans; i++) {
        const key = i % 20 < 10 ? 'ArrowLeft' : 'ArrowRight';
        const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
        keys.push(await timed(() => svg.dispatchEvent(event)));
      }
      const q = (xs, p) =>
        [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
      const round = (v) => +v.toFixed(2);
      return {
        definition:
          'ms from a pan (a 15 px mouse drag step; a ← or → key) to the redrawn diagram with style and layout done',
        virtualMs: Math.round(opened.virtualMs),
        framesKept: opened.framesKept,
        openDiagramToNextFrameMs: round(opened.openMs),
        arrowsDrawn: svg.querySelectorAll('[data-flight]').length,
        window: svg.getAttribute('aria-label'),
        dragRedraws: pans,
        dragRedrawP50Ms: round(q(drag, 0.5)),
        dragRedrawP95Ms: round(q(drag, 0.95)),
        dragRedrawMaxMs: round(q(drag, 1)),
        keyRedraws: pans,
        keyRedrawP50Ms: round(q(keys, 0.5)),
        keyRedrawP95Ms: round(q(keys, 0.95)),
        keyRedrawMaxMs: round(q(keys, 1)),
        goalP95Ms: 16.7,
      };
    },
    { pans: DIAGRAM_PANS, opened },
  );
}

/**
 * Plays at 1,000 virtual ms per second with a write every 50 virtual ms for `FRAME_SECONDS`,
 * timing every frame; with `--busy`, one CPU-bound process runs beside the browser meanwhile.
 */
async function frameTimes(page) {
  return page.evaluate(async (seconds) => {
    const store = window.raftLabStore;
    store.getState().setSpeed(1000);
    store.getState().play();
    const deltas = [];
    let writes = 0;
    let nextWrite = 50;
    const startView = window.raftLabView().viewTime;
    const t0 = performance.now();
    let last = t0;
    await new Promise((resolve) => {
      const frame = (now) => {
        deltas.push(now - last);
        last = now;
        const s = store.getState();
        while (window.raftLabView().viewTime >= nextWrite) {
          void s.writeKey(`k${writes % 64}`, String(writes));
          writes++;
          nextWrite += 50;
        }
        if (now - t0 < seconds * 1000) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    const s = store.getState();
    s.pause();
    await s.whenIdle();
    deltas.shift(); // from t0 to the first frame: not a frame-to-frame time
    const sorted = [...deltas].sort((a, b) => a - b);
    const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    const elapsed = (performance.now() - t0) / 1000;
    return {
      frames: deltas.length,
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99),
      max: sorted[sorted.length - 1],
      over16_7: deltas.filter((d) => d > 16.7).length,
      over33: deltas.filter((d) => d > 33.4).length,
      writes,
      virtualMsPerRealSecond: (window.raftLabView().viewTime - startView) / elapsed,
      events: window.raftLabView().headSeq,
      violations: window.raftLabView().frame.violations.length,
      leader: window.raftLabView().frame.facts.leader,
    };
  }, FRAME_SECONDS);
}

/** Ten virtual minutes of history, one step back five times, and the heap: see the header. */
async function historyRun(page, base, cdp) {
  // 3. Ten virtual minutes of history (5 nodes, a write every 100 virtual ms), minute by minute.
  await page.goto(`${base}/?n=5&seed=1`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  const heapAtStart = await heapAfterGc(cdp);
  const minutes = [];
  let stoppedEarly = null;
  for (let minute = 1; minute <= HISTORY_MINUTES; minute++) {
    const t0 = Date.now();
    let chunk;
    try {
      chunk = await page.evaluate(async (m) => {
        const s = window.raftLabStore.getState();
        for (let i = 0; i < 600; i++) {
          const n = (m - 1) * 600 + i;
          await s.writeKey(`k${n % 100}`, String(n));
          await s.advanceBy(100);
        }
        const st = window.raftLabStore.getState();
        return {
          virtualMs: window.raftLabView().viewTime,
          frames: st.history.length,
          headSeq: window.raftLabView().headSeq,
          requests: window.raftLabView().frame.requests.length,
          violations: window.raftLabView().frame.violations.length,
        };
      }, minute);
    } catch (error) {
      stoppedEarly = `minute ${minute}: ${String(error).split('\n')[0]}`;
      break;
    }
    const heap = await heapAfterGc(cdp);
    minutes.push({ minute, wallSeconds: (Date.now() - t0) / 1000, heapMB: heap.usedMB, ...chunk });
    log(JSON.stringify(minutes[minutes.length - 1]));
    if (heap.usedMB > HEAP_CAP_MB) {
      stoppedEarly = `heap ${heap.usedMB} MB passed UI_BENCH_HEAP_CAP_MB=${HEAP_CAP_MB} after minute ${minute}`;
      break;
    }
  }

  // 4. One step back (the intent, and until the next painted frame), five times.
  let stepBack = null;
  if (!page.isClosed()) {
    stepBack = await page.evaluate(async () => {
      const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const runs = [];
      for (let i = 0; i < 5; i++) {
        const before = window.raftLabStore.getState().cursor;
        const t0 = performance.now();
        await window.raftLabStore.getState().stepBack();
        const intent = performance.now() - t0;
        await nextFrame();
        const painted = performance.now() - t0;
        runs.push({ intent, painted, moved: before - window.raftLabStore.getState().cursor });
      }
      return runs;
    });
  }
  const heapAfterHistory = page.isClosed() ? null : await heapAfterGc(cdp);
  if (HEAP_SNAPSHOT && !page.isClosed()) await writeHeapSnapshot(cdp, HEAP_SNAPSHOT);
  const allThreadsMB = await page
    .evaluate(async () => {
      if (!performance.measureUserAgentSpecificMemory) return null;
      const timeout = new Promise((r) => setTimeout(() => r(null), 20_000));
      const result = await Promise.race([performance.measureUserAgentSpecificMemory(), timeout]);
      return result ? result.bytes / 2 ** 20 : null;
    })
    .catch(() => null);

  return { minutes, stoppedEarly, stepBack, heapAtStart, heapAfterHistory, allThreadsMB };
}

/** One CPU-bound process beside the browser (`--busy`): a student's laptop doing other work. */
function startBusy() {
  if (!BUSY) return { stop: () => {} };
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  log('busy: one CPU-bound process, pid', child.pid);
  return { stop: () => child.exitCode === null && child.kill('SIGKILL') };
}

function frameFigures(frames) {
  return {
    busy: BUSY,
    seconds: FRAME_SECONDS,
    frames: frames.frames,
    p50Ms: ms(frames.p50),
    p95Ms: ms(frames.p95),
    p99Ms: ms(frames.p99),
    maxMs: ms(frames.max),
    framesOver16_7Ms: frames.over16_7,
    framesOver33Ms: frames.over33,
    writesSent: frames.writes,
    achievedVirtualMsPerRealSecond: Math.round(frames.virtualMsPerRealSecond),
    eventsRecorded: frames.events,
    violations: frames.violations,
    goalP95Ms: 16.7,
    goalVirtualMsPerRealSecond: 990,
    ...(frames.mainThread ? { mainThread: frames.mainThread } : {}),
  };
}

function historyFigures(h) {
  const { minutes, stoppedEarly, stepBack } = h;
  const last = minutes[minutes.length - 1];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    minutesReached: minutes.length,
    stoppedEarly,
    virtualMs: last?.virtualMs ?? 0,
    framesKept: last?.frames ?? 0,
    eventsRecorded: last?.headSeq ?? 0,
    clientRequests: last?.requests ?? 0,
    violations: last?.violations ?? null,
    wallSeconds: +minutes.reduce((s, m) => s + m.wallSeconds, 0).toFixed(1),
    heapMBByMinute: minutes.map((m) => m.heapMB),
    stepBackIntentMs: stepBack ? ms(median(stepBack.map((r) => r.intent))) : null,
    stepBackToNextFrameMs: stepBack ? ms(median(stepBack.map((r) => r.painted))) : null,
    stepBackFirstToNextFrameMs: stepBack ? ms(stepBack[0].painted) : null,
    stepBackMovedOneEvent: stepBack ? stepBack.every((r) => r.moved === 1) : null,
  };
}

/** Startup and frame times on the classroom's 9-node page (the first thing a full run does). */
async function openFramesPage() {
  const app = await openApp({
    path: '/?n=9&seed=1&loss=10&present=1',
    beforeGoto: (page) => page.addInitScript(timeStartup),
  });
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('HeapProfiler.enable');
  // 1. Startup: navigation → the first frame of a running cluster (all 9 workers answered).
  await app.page.waitForFunction(() => window.__uiBench?.running != null, null, {
    timeout: 30_000,
  });
  const startup = await app.page.evaluate(() => ({ ...window.__uiBench }));
  log('running after', startup.running, 'ms');
  // 2. Frame times, beside a busy process with --busy.
  const busy = startBusy();
  let frames;
  try {
    if (CPU_PROFILE) await cdp.send('Profiler.enable');
    if (CPU_PROFILE) await cdp.send('Profiler.start');
    if (TRACE) await app.browser.startTracing(app.page, { categories: TRACE_CATEGORIES });
    frames = await frameTimes(app.page);
    if (CPU_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(CPU_PROFILE, JSON.stringify(profile));
      log('CPU profile of the frame run written to', CPU_PROFILE);
    }
    if (TRACE) {
      const trace = await app.browser.stopTracing();
      writeFileSync(TRACE, trace);
      frames.mainThread = mainThreadSummary(JSON.parse(trace.toString()), FRAME_SECONDS);
      log('trace of the frame run written to', TRACE);
    }
  } finally {
    busy.stop();
  }
  log('frames', JSON.stringify(frames));
  return { app, cdp, startup, frames };
}

if (ONLY_DIAGRAM) {
  const only = await openApp();
  try {
    const diagram = await diagramRedraws(only.page, only.base);
    const result = { diagramRedraw9Nodes10VirtualMinutes: diagram, pageErrors: only.errors };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await only.close();
  }
  process.exit(0);
}

if (ONLY_SHARE) {
  const only = await openApp();
  try {
    const share = await shareFigures(only.browser, only.base);
    console.log(JSON.stringify({ share, pageErrors: only.errors }, null, 2));
  } finally {
    await only.close();
  }
  process.exit(0);
}

if (ONLY_FRAMES) {
  const { app, frames } = await openFramesPage();
  try {
    const result = {
      frameTimes9Nodes1000MsPerSecondWriteEvery50Ms10PctLoss: frameFigures(frames),
      pageErrors: app.errors,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await app.close();
  }
  process.exit(0);
}

if (ONLY_HISTORY) {
  const only = await openApp();
  try {
    const cdp = await only.page.context().newCDPSession(only.page);
    await cdp.send('HeapProfiler.enable');
    const h = await historyRun(only.page, only.base, cdp);
    const result = {
      history10VirtualMinutes5NodesWriteEvery100Ms: historyFigures(h),
      heapMainThreadAfterGcMB: {
        fresh5NodeCluster: h.heapAtStart.usedMB,
        afterHistoryRun: h.heapAfterHistory?.usedMB ?? null,
        historyMinutesReached: h.minutes.length,
      },
      pageErrors: only.errors,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await only.close();
  }
  process.exit(0);
}

const { app, cdp, startup, frames } = await openFramesPage();
try {
  const { page, base } = app;
  const heapAfterFrames = await heapAfterGc(cdp);

  // 3 and 4. Ten virtual minutes of history, then one step back.
  const h = await historyRun(page, base, cdp);

  // 5. The space-time diagram after 10 virtual minutes at 9 nodes (a write every 200 virtual ms):
  // the time to open it (the index reads the whole history once), then ~60 redraws while panning.
  let diagram = null;
  if (!page.isClosed()) {
    try {
      diagram = await diagramRedraws(page, base);
    } catch (error) {
      diagram = { error: String(error).split('\n')[0] };
    }
    log('diagram', JSON.stringify(diagram));
  }

  // 6. Sharing: a five-minute classroom session's link, and a ten-minute run imported afresh.
  let share = null;
  try {
    share = await shareFigures(app.browser, base);
  } catch (error) {
    share = { error: String(error).split('\n')[0] };
  }
  log('share', JSON.stringify(share));

  const result = {
    chromium: await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''),
    crossOriginIsolated: await page.evaluate(() => window.crossOriginIsolated),
    frameTimes9Nodes1000MsPerSecondWriteEvery50Ms10PctLoss: frameFigures(frames),
    startup9Nodes: {
      definition:
        'ms from navigation start to the first painted frame of a running cluster: every worker answered and the first (seq 0) frame is on screen; the app starts paused, so no event has happened yet',
      navigationToRunningClusterMs: startup.running === null ? null : Math.round(startup.running),
    },
    jsGzip: jsSizes(),
    history10VirtualMinutes5NodesWriteEvery100Ms: historyFigures(h),
    heapMainThreadAfterGcMB: {
      after9NodeFrameRun: heapAfterFrames.usedMB,
      fresh5NodeCluster: h.heapAtStart.usedMB,
      afterHistoryRun: h.heapAfterHistory?.usedMB ?? null,
      historyMinutesReached: h.minutes.length,
    },
    memoryAllThreadsMB: h.allThreadsMB === null ? null : mb(h.allThreadsMB * 2 ** 20),
    diagramRedraw9Nodes10VirtualMinutes: diagram,
    share,
    pageErrors: app.errors,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await app.close();
}
