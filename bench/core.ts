// The core benchmark (`npm run bench`): how fast the in-process simulator runs the Raft core,
// how many writes a healthy cluster commits, and whether the heap stays flat. Prints one JSON
// line per scenario. Run through bench/bundle.mjs (esbuild bundle, node --expose-gc): tsx's
// wrappers distort timings. Pass scenario names to run only those, e.g. `npm run bench -- idle`.
// Timed scenarios report the median of five runs (the headline figure), each run's time, the
// fastest run's rate and the 1-minute load average: on a busy 2-core machine wall times double.
// Issue 11's figures: `linearizability` (the checker's cost, checkerCost.ts), `compaction` (heap
// slope with and without snapshots) and `heapOwners` (who holds what grows; compaction.ts).
import { createSimulation, runChaos, type Simulation } from '../src/sim';
import { bareCore } from './bareCore';
import { checkerCost } from './checkerCost';
import { heapGrowthByOwner, heapWithCompaction } from './compaction';
import type { Line } from './measure';
import { clocked, collect, heapMB, loadAverage, median, round } from './measure';

interface Run {
  readonly sim: Simulation;
  /** The trace digest the run ended with: the same workload must end with the same one. */
  readonly digest: string;
  readonly virtualMs: number;
  readonly events: number;
}

/** Two warm-up runs (so the JIT has settled), then the median of `repeats` timed runs. */
function timed(scenario: string, nodes: number, body: () => Run, repeats = 5): Line {
  body();
  body();
  const wall: number[] = [];
  const cpu: number[] = [];
  let last: Run | null = null;
  for (let i = 0; i < repeats; i++) {
    collect();
    const run = clocked(body);
    last = run.result;
    wall.push(run.wallMs);
    cpu.push(run.cpuMs);
  }
  const wallMs = median(wall);
  const run = last!;
  return {
    scenario,
    nodes,
    virtualSeconds: run.virtualMs / 1000,
    wallMs: round(wallMs),
    events: run.events,
    digest: run.digest,
    virtualSecondsPerWallSecond: round(run.virtualMs / wallMs, 0),
    heapMB: heapMB(),
    runsMs: wall.map((w) => round(w)),
    // CPU time of this process per run: what the code cost, without the waits for a core.
    cpuMs: round(median(cpu)),
    runsCpuMs: cpu.map((c) => round(c)),
    // The fastest run: what the code does when no other process competes for the core.
    bestVirtualSecondsPerWallSecond: round(run.virtualMs / Math.min(...wall), 0),
    loadAverage: loadAverage(),
  };
}

/** `nodes` servers, a client write every `everyMs` (none when 0), for `seconds` virtual seconds. */
function steady(nodes: number, everyMs: number, seconds: number): Run {
  const sim = createSimulation({ nodes, seed: 1, keepTrace: false });
  const end = seconds * 1000;
  if (everyMs === 0) sim.runFor(end);
  for (let i = 1; everyMs > 0 && sim.now < end; i++) {
    sim.runFor(everyMs);
    sim.write(`k${i % 100}`, `v${i}`);
  }
  return { sim, digest: sim.traceHash(), virtualMs: sim.now, events: sim.eventCount() };
}

/**
 * The randomized sweep as tests/unit/sim/sweep.test.ts runs it: per seed, 3 to 7 servers
 * (3 + seed % 5), a 10 virtual s fault phase then the heal phase, trace off, checkers on.
 */
function chaosSweep(seeds: number): Line {
  const sweep = (first: number, count: number) => {
    let virtualMs = 0;
    let events = 0;
    let failed = 0;
    for (let seed = first; seed < first + count; seed++) {
      const sim = createSimulation({ seed, nodes: 3 + (seed % 5), keepTrace: false });
      if (runChaos(sim, { faultMs: 10_000 }).problems.length > 0) failed++;
      virtualMs += sim.now;
      events += sim.eventCount();
    }
    return { virtualMs, events, failed };
  };
  sweep(10_001, 10); // warm-up on other seeds
  collect();
  const start = performance.now();
  const r = sweep(1, seeds);
  const wallMs = performance.now() - start;
  return {
    scenario: 'chaos sweep',
    nodes: 5,
    virtualSeconds: r.virtualMs / 1000,
    wallMs: round(wallMs),
    events: r.events,
    virtualSecondsPerWallSecond: round(r.virtualMs / wallMs, 0),
    heapMB: heapMB(),
    clusterSizes: [3, 7],
    seeds,
    seedsPerSecond: round((seeds * 1000) / wallMs),
    failedSeeds: r.failed,
    loadAverage: loadAverage(),
  };
}

/**
 * A healthy 5-node cluster whose clients offer `offeredPerSecond` writes per virtual second for
 * `seconds`: how many of them commit (are acknowledged) per virtual second of that window.
 */
function throughput(offeredPerSecond: number, seconds: number): Line {
  const sim = createSimulation({ nodes: 5, seed: 1, keepTrace: false });
  const start = performance.now();
  sim.runUntil((s) => s.leader() !== null, 5000);
  sim.runFor(200); // let the new leader's no-op commit
  const from = sim.now;
  const to = from + seconds * 1000;
  const requests: number[] = [];
  let owed = 0;
  while (sim.now < to) {
    owed += offeredPerSecond / 1000;
    for (; owed >= 1; owed--) requests.push(sim.write(`k${requests.length % 100}`, 'v'));
    sim.runFor(1);
  }
  // Acknowledged by the end of the window: committed, applied and answered (§5.3).
  let committed = 0;
  for (const id of requests) if (sim.request(id).status === 'ok') committed++;
  const wallMs = performance.now() - start;
  return {
    scenario: 'throughput',
    nodes: 5,
    virtualSeconds: sim.now / 1000,
    wallMs: round(wallMs),
    events: sim.eventCount(),
    virtualSecondsPerWallSecond: round(sim.now / wallMs, 0),
    heapMB: heapMB(),
    offeredWritesPerVirtualSecond: offeredPerSecond,
    committedWritesPerVirtualSecond: round(committed / seconds, 0),
    loadAverage: loadAverage(),
  };
}

/**
 * Heap after a full collection every 100 virtual s of the 600 s write run (trace off): it grows
 * only with the log (and the per-write records that live as long as it); an idle run stays flat.
 */
function heapFlatness(): Line {
  const sim = createSimulation({ nodes: 5, seed: 1, keepTrace: false });
  const samplesMB: number[] = [heapMB()];
  const logLengths: number[] = [0];
  const start = performance.now();
  for (let i = 1; sim.now < 600_000; i++) {
    sim.runFor(100);
    sim.write(`k${i % 100}`, `v${i}`);
    if (sim.now % 100_000 === 0) {
      samplesMB.push(heapMB());
      logLengths.push(sim.node(1).log.length);
    }
  }
  const wallMs = performance.now() - start;
  const grownBytes = (samplesMB.at(-1)! - samplesMB[1]!) * 2 ** 20;
  const grownEntries = logLengths.at(-1)! - logLengths[1]!;
  // The same cluster with no writes, so no log growth: its heap should not grow at all.
  const idle = createSimulation({ nodes: 5, seed: 1, keepTrace: false });
  const idleSamplesMB: number[] = [heapMB()];
  while (idle.now < 600_000) {
    idle.runFor(100_000);
    idleSamplesMB.push(heapMB());
  }
  return {
    scenario: 'heap flatness, write every 100 ms',
    nodes: 5,
    virtualSeconds: sim.now / 1000,
    wallMs: round(wallMs),
    events: sim.eventCount(),
    virtualSecondsPerWallSecond: round(sim.now / wallMs, 0),
    heapMB: samplesMB.at(-1)!,
    sampleEveryVirtualSeconds: 100,
    samplesMB,
    logLengths,
    bytesPerLogEntryAfter100s: round(grownBytes / grownEntries, 0),
    idleSamplesMB,
    loadAverage: loadAverage(),
  };
}

/**
 * The write scenario beside the same workload through the core alone (bareCore.ts), run in turn
 * (bare, full, bare, full …) so both see the same machine: the ratio of their medians is what
 * the simulator around the core costs, with every checker on and the digest kept.
 */
function versusBare(repeats = 7): Line {
  const full = () => steady(5, 100, 600);
  const bare = () => bareCore(5, 100, 600);
  full();
  bare();
  full();
  bare();
  const fullMs: number[] = [];
  const bareMs: number[] = [];
  let steps = 0;
  let leaderLog = 0;
  for (let i = 0; i < repeats; i++) {
    collect();
    let start = performance.now();
    const b = bare();
    bareMs.push(performance.now() - start);
    steps = b.steps;
    leaderLog = b.leaderLog;
    collect();
    start = performance.now();
    full();
    fullMs.push(performance.now() - start);
  }
  const ratios = fullMs.map((f, i) => f / bareMs[i]!);
  return {
    scenario: 'bare core beside the simulator, write every 100 ms',
    nodes: 5,
    virtualSeconds: 600,
    wallMs: round(median(bareMs)),
    events: steps,
    virtualSecondsPerWallSecond: round(600_000 / median(bareMs), 0),
    heapMB: heapMB(),
    bareLeaderLogLength: leaderLog,
    simulatorWallMs: round(median(fullMs)),
    simulatorVirtualSecondsPerWallSecond: round(600_000 / median(fullMs), 0),
    // Pair by pair (each full run against the bare run just before it), then the median.
    simulatorOverBare: round(median(ratios), 2),
    ratios: ratios.map((r) => round(r, 2)),
    loadAverage: loadAverage(),
  };
}

const scenarios: Record<string, () => Line> = {
  idle: () => timed('idle', 5, () => steady(5, 0, 600)),
  writes: () => timed('write every 100 ms', 5, () => steady(5, 100, 600)),
  bare: () => versusBare(),
  writes9: () => timed('write every 10 ms', 9, () => steady(9, 10, 60)),
  chaos: () => chaosSweep(50),
  throughput: () => throughput(2000, 10),
  heap: () => heapFlatness(),
  linearizability: () => checkerCost(),
  compaction: () => heapWithCompaction(),
  heapOwners: () => heapGrowthByOwner(),
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in scenarios)) {
    console.error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
}
for (const [name, run] of Object.entries(scenarios)) {
  if (wanted.length === 0 || wanted.includes(name)) console.log(JSON.stringify(run()));
}
