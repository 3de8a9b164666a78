// Does log compaction keep the heap flat? (bench layer; issue: flat with `snapshotEvery: 1000`,
// apart from the history kept on purpose.) A write every 10 virtual ms for 30 virtual minutes,
// trace off, the heap sampled after a full collection every virtual minute: its slope with
// compaction and without. A second scenario takes two heap snapshots and says who holds what grew.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { createSimulation, type Simulation } from '../src/sim';
import { declaredIn, growth, ownersOf } from './heapOwners';
import type { Line } from './measure';
import { heapMB, loadAverage, round, slope } from './measure';

const EVERY_MS = 10;
const WRITES_PER_MINUTE = 60_000 / EVERY_MS;
const SNAPSHOT_EVERY = 1000;

/**
 * How the servers compact: by the `snapshotEvery` option, by the script calling sim.compact(id)
 * whenever a server applied SNAPSHOT_EVERY entries since its snapshot (the same rule, checked
 * between instants; the fallback when the option throws), or never.
 */
type Compaction = 'snapshotEvery' | 'byScript' | 'none';

/** A run's figures; it keeps no simulation, so the next run starts on a heap without it. */
interface HeapRun {
  readonly virtualMs: number;
  readonly events: number;
  readonly clientRequests: number;
  readonly violations: number;
  readonly samplesMB: number[];
  /** Entries in server 1's log at each sample (after its snapshot). */
  readonly logLengths: number[];
  readonly wallMs: number;
  /** What the simulator threw, if it did, and when. */
  readonly error: { readonly message: string; readonly atVirtualMs: number } | null;
}

function compactByScript(sim: Simulation): void {
  for (const id of sim.nodeIds()) {
    const record = sim.inspect(id);
    const applied = record.status?.lastApplied ?? 0;
    if (record.alive && applied - record.logBase >= SNAPSHOT_EVERY) sim.compact(id);
  }
}

/** A write every 10 virtual ms to one of 100 keys; `atMinute` runs after each virtual minute. */
function writeEvery10ms(
  minutes: number,
  compaction: Compaction,
  atMinute: (sim: Simulation) => void,
): HeapRun {
  const snapshotEvery = compaction === 'snapshotEvery' ? SNAPSHOT_EVERY : 0;
  const sim = createSimulation({ nodes: 5, seed: 1, keepTrace: false, snapshotEvery });
  const samplesMB = [heapMB()];
  const logLengths = [0];
  const start = performance.now();
  let error: HeapRun['error'] = null;
  try {
    for (let i = 1; sim.now < minutes * 60_000; i++) {
      sim.runFor(EVERY_MS);
      sim.write(`k${i % 100}`, `v${i}`);
      if (compaction === 'byScript') compactByScript(sim);
      if (sim.now % 60_000 !== 0) continue;
      samplesMB.push(heapMB());
      logLengths.push(sim.inspect(1).log.length);
      atMinute(sim);
    }
  } catch (e) {
    error = { message: e instanceof Error ? e.message : String(e), atVirtualMs: sim.now };
  }
  return {
    virtualMs: sim.now,
    events: sim.eventCount(),
    clientRequests: sim.clientRequestCount(),
    violations: sim.violations().length,
    samplesMB,
    logLengths,
    wallMs: performance.now() - start,
    error,
  };
}

/** Heap growth per virtual minute and per write, fitted from minute 2 on (minute 1 elects). */
function fitted(run: HeapRun) {
  const minutes = run.samplesMB.map((_, m) => m).slice(2);
  const mbPerMinute = slope(minutes, run.samplesMB.slice(2));
  return {
    slopeMBPerVirtualMinute: round(mbPerMinute, 3),
    bytesPerWrite: round((mbPerMinute * 2 ** 20) / WRITES_PER_MINUTE, 0),
  };
}

/** Compacting with the option, or by script when the option makes the simulator throw. */
function withCompaction(minutes: number, atMinute: (sim: Simulation) => void) {
  const option = writeEvery10ms(minutes, 'snapshotEvery', atMinute);
  if (option.error === null)
    return { run: option, compactedBy: 'snapshotEvery' as Compaction, optionError: null };
  return {
    run: writeEvery10ms(minutes, 'byScript', atMinute),
    compactedBy: 'byScript' as Compaction,
    optionError: option.error,
  };
}

/** 30 virtual minutes with compaction every 1000 entries, then the same run without. */
export function heapWithCompaction(minutes = 30): Line {
  const { run, compactedBy, optionError } = withCompaction(minutes, () => {});
  const without = writeEvery10ms(minutes, 'none', () => {});
  const withFit = fitted(run);
  const withoutFit = fitted(without);
  return {
    scenario: 'heap with compaction, write every 10 ms',
    nodes: 5,
    virtualSeconds: run.virtualMs / 1000,
    wallMs: round(run.wallMs),
    events: run.events,
    virtualSecondsPerWallSecond: round(run.virtualMs / run.wallMs, 0),
    heapMB: run.samplesMB.at(-1)!,
    snapshotEvery: SNAPSHOT_EVERY,
    compactedBy,
    // Non-null when `snapshotEvery` itself made the simulator throw (then compactedBy is byScript).
    snapshotEveryError: optionError,
    sampleEveryVirtualSeconds: 60,
    ...withFit,
    samplesMB: run.samplesMB,
    logLengths: run.logLengths,
    clientRequests: run.clientRequests,
    violations: run.violations,
    withoutCompaction: {
      ...withoutFit,
      samplesMB: without.samplesMB,
      logLengths: without.logLengths,
      error: without.error,
    },
    // What compaction frees per write: the log entries (and what only they hold).
    compactionSavesBytesPerWrite: round(withoutFit.bytesPerWrite - withFit.bytesPerWrite, 0),
    loadAverage: loadAverage(),
  };
}

/**
 * Who holds the growth with compaction on: heap snapshots after virtual minutes `from` and `to`,
 * each object's bytes summed under its owner (see heapOwners.ts), the difference per write.
 */
export function heapGrowthByOwner(from = 3, to = 6): Line {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'bench', 'heap');
  mkdirSync(dir, { recursive: true });
  // By minute, so a run the option made throw and its by-script rerun write the same files.
  const files = new Map<number, string>();
  const { run, compactedBy } = withCompaction(to, (sim) => {
    const minute = sim.now / 60_000;
    if (minute === from || minute === to)
      files.set(minute, writeHeapSnapshot(join(dir, `minute-${minute}.heapsnapshot`)));
  });
  const writes = (to - from) * WRITES_PER_MINUTE;
  const [before, after] = [files.get(from)!, files.get(to)!].map(ownersOf);
  for (const f of files.values()) rmSync(f);
  const heap = [run.samplesMB[from]!, run.samplesMB[to]!];
  const owners = growth(before!, after!, writes).map((r) => ({
    owner: r.owner,
    declaredIn: declaredIn(r.owner, ['src/raft', 'src/sim']),
    bytesPerWrite: round(r.bytesPerWrite, 1),
    objectsPerWrite: round(r.objectsPerWrite, 2),
  }));
  return {
    scenario: 'heap growth by owner, write every 10 ms, compaction on',
    nodes: 5,
    virtualSeconds: run.virtualMs / 1000,
    wallMs: round(run.wallMs),
    events: run.events,
    virtualSecondsPerWallSecond: round(run.virtualMs / run.wallMs, 0),
    heapMB: heap.at(-1)!,
    compactedBy,
    betweenVirtualMinutes: [from, to],
    writes,
    heapBytesPerWrite: round(((heap[1]! - heap[0]!) * 2 ** 20) / writes, 0),
    ownedBytesPerWrite: round(
      owners.reduce((sum, o) => sum + o.bytesPerWrite, 0),
      0,
    ),
    owners,
    loadAverage: loadAverage(),
  };
}
