// `npm run bench:browser`: measures the worker runtime in headless Chromium and prints one JSON
// object: raw postMessage round trips, the lockstep ceiling, a 5-node cluster under a steady
// write load through workers and in-process, and the time to start and restart workers.
// Functions passed to page.evaluate run in the page, where `window` exists.
/* global window */
import { openApp } from './serve.mjs';

const app = await openApp();
try {
  const { page } = app;
  await page.waitForFunction(() => window.raftLab !== undefined);
  const result = await page.evaluate(async () => {
    const b = await window.raftLab.benchmarks();
    const lane = 64 * 1024;
    const roundTrip = await b.rawRoundTrip(2000);
    const laneRoundTrip = await b.rawRoundTrip(2000, lane);
    const lockstepEventsPerSecond = await b.rawLockstepRate(1000);
    const laneLockstepEventsPerSecond = await b.rawLockstepRate(1000, lane);
    const laneParallelRoundTripUs = await b.parallelRoundTrips(1000, lane);
    const workers = await b.clusterUnderLoad('workers', 60);
    // The same load on a cluster whose workers have run two virtual minutes already: the rate
    // once each worker's copy of the core is optimised, as in a class after the first minute.
    const warmWorkers = await b.clusterUnderLoad('workers', 60, undefined, 120);
    const warmInProcess = await b.clusterUnderLoad('in-process', 60, undefined, 120);
    const postMessageOnly = await b.clusterUnderLoad('workers', 60, 0);
    const inProcess = await b.clusterUnderLoad('in-process', 60);
    const startup = await b.startAndRestart();
    return {
      crossOriginIsolated: window.crossOriginIsolated,
      postMessageRoundTripUs: roundTrip,
      laneRoundTripUs: laneRoundTrip,
      // The yardstick: tiny requests by postMessage, one worker at a time.
      rawLockstepEventsPerSecond: lockstepEventsPerSecond,
      laneLockstepEventsPerSecond,
      // Lane round trips to 1, 2, 3 and 5 workers at once: about equal where each has a core.
      laneParallelRoundTripUs,
      // The cluster as the page runs it: shared-memory lanes where the page is isolated.
      workers5NodesWriteEvery100ms60s: workers,
      workersByPostMessageOnly: postMessageOnly,
      inProcess5NodesWriteEvery100ms60s: inProcess,
      workerEventsVersusLockstep: +(workers.eventsPerSecond / lockstepEventsPerSecond).toFixed(2),
      workersAfter120sWarmUp: warmWorkers,
      inProcessAfter120sWarmUp: warmInProcess,
      warmWorkerEventsVersusLockstep: +(
        warmWorkers.eventsPerSecond / lockstepEventsPerSecond
      ).toFixed(2),
      postMessageOnlyVersusLockstep: +(
        postMessageOnly.eventsPerSecond / lockstepEventsPerSecond
      ).toFixed(2),
      start5WorkersMs: startup.startMs,
      restartOneWorkerMs: startup.restartMs,
    };
  });
  console.log(JSON.stringify(result));
  if (app.errors.length) console.error('page errors:', app.errors);
} finally {
  await app.close();
}
