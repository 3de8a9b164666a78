// In-page measurements for `npm run bench:browser`: raw postMessage costs, and what the cluster
// achieves through workers and in-process. Loaded on demand; timings never gate a test.
import { asNodeId } from '../raft';
import { runScript, writeLoad } from '../sim';
import { startInProcessCluster, startWorkerCluster } from './runtime';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Round trips of a tiny request to one node worker, by postMessage (or, with `laneBytes`, by a
 * shared-memory lane): median and p99 in microseconds.
 */
export async function rawRoundTrip(
  count = 2000,
  laneBytes = 0,
): Promise<{ medianUs: number; p99Us: number }> {
  const { host } = await startWorkerCluster({ nodes: 1 }, undefined, laneBytes);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await host.ping(asNodeId(1), 1000);
    times.push((performance.now() - t) * 1000);
  }
  host.dispose();
  times.sort((a, b) => a - b);
  return { medianUs: Math.round(quantile(times, 0.5)), p99Us: Math.round(quantile(times, 0.99)) };
}

/**
 * Round trips to 1, 2, 3 and 5 workers at once (median microseconds), by lanes with `laneBytes`.
 * Where every worker has a core to itself, k at once cost about as much as one; where workers
 * share cores, their answers queue and k at once cost about k — which bounds what a lookahead
 * window that reaches several workers can gain on that machine.
 */
export async function parallelRoundTrips(
  count = 1000,
  laneBytes = 0,
): Promise<Record<'1' | '2' | '3' | '5', number>> {
  const { sim, host } = await startWorkerCluster({ nodes: 5 }, undefined, laneBytes);
  const ids = sim.nodeIds().map(asNodeId);
  const medianFor = async (k: number) => {
    const some = ids.slice(0, k);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await Promise.all(some.map((id) => host.ping(id, 1000)));
      times.push((performance.now() - t) * 1000);
    }
    return Math.round(
      quantile(
        times.sort((a, b) => a - b),
        0.5,
      ),
    );
  };
  try {
    return {
      1: await medianFor(1),
      2: await medianFor(2),
      3: await medianFor(3),
      5: await medianFor(5),
    };
  } finally {
    host.dispose();
  }
}

/**
 * Five workers pinged one at a time in turn, by postMessage (or, with `laneBytes`, by lanes):
 * the lockstep ceiling in events per second.
 */
export async function rawLockstepRate(rounds = 2000, laneBytes = 0): Promise<number> {
  const { sim, host } = await startWorkerCluster({ nodes: 5 }, undefined, laneBytes);
  const ids = sim.nodeIds().map(asNodeId);
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const id of ids) await host.ping(id, 1000);
  const seconds = (performance.now() - t) / 1000;
  host.dispose();
  return Math.round((rounds * ids.length) / seconds);
}

export interface ClusterRun {
  readonly wallMs: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly virtualSeconds: number;
  /** Through workers' lanes: the requests sent, each one round trip (counted while a lane is open). */
  readonly requests?: number;
  /** Through workers: node events per request, what one round trip carries on average. */
  readonly eventsPerRequest?: number;
}

/**
 * A 5-node cluster with a write every 100 virtual ms for `virtualSeconds`. With `warmUpSeconds`,
 * the same cluster and load run that long first, untimed: the figures are then the steady
 * rate, once each worker's copy of the core has been optimised, rather than a fresh start's.
 */
export async function clusterUnderLoad(
  mode: 'workers' | 'in-process',
  virtualSeconds = 60,
  laneBytes?: number,
  warmUpSeconds = 0,
): Promise<ClusterRun> {
  const options = { nodes: 5, seed: 1, keepTrace: false };
  const warmMs = warmUpSeconds * 1000;
  const endMs = warmMs + virtualSeconds * 1000;
  const script = writeLoad(300, endMs, 100);
  const cluster =
    mode === 'workers'
      ? await startWorkerCluster(options, undefined, laneBytes)
      : { sim: await startInProcessCluster(options), host: null };
  const { sim, host } = cluster;
  const requestsSoFar = () => {
    const traffic = host?.traffic();
    return traffic ? traffic.requestsByLane + traffic.requestsPosted : 0;
  };
  await runScript(
    sim,
    script.filter((step) => step.at < warmMs),
    warmMs,
  );
  const eventsBefore = sim.eventCount();
  const requestsBefore = requestsSoFar();
  const t = performance.now();
  await runScript(
    sim,
    script.filter((step) => step.at >= warmMs),
    endMs,
  );
  const wallMs = performance.now() - t;
  const requests = requestsSoFar() - requestsBefore;
  host?.dispose();
  const run = summary(wallMs, sim.eventCount() - eventsBefore, virtualSeconds);
  if (requests === 0) return run;
  return { ...run, requests, eventsPerRequest: +(run.events / requests).toFixed(2) };
}

function summary(wallMs: number, events: number, virtualSeconds: number): ClusterRun {
  return {
    wallMs: Math.round(wallMs),
    events,
    eventsPerSecond: Math.round(events / (wallMs / 1000)),
    virtualSeconds,
  };
}

/** Time to start a 5-node worker cluster, and to restart one crashed node. */
export async function startAndRestart(): Promise<{ startMs: number; restartMs: number }> {
  const t0 = performance.now();
  const { sim, host } = await startWorkerCluster({ nodes: 5, seed: 1 });
  const startMs = performance.now() - t0;
  await sim.runFor(1000);
  sim.crash(1);
  const t1 = performance.now();
  sim.restart(1);
  await sim.settle();
  const restartMs = performance.now() - t1;
  host.dispose();
  return { startMs: Math.round(startMs), restartMs: Math.round(restartMs) };
}
