// What the linearizability checker costs the simulator (bench layer; issue: at most 2× slower).
// The checker runs inside the simulator's checker suite with no switch of its own, so one process
// measures side by side: (a) a whole simulation, checkers included, then (b) the same client
// history fed alone to linearizabilityChecker(). (a) − (b) is the run without the checker's work,
// and the slowdown is (a) / ((a) − (b)): 1.25 means the checker adds a quarter to the run.
import { createSimulation, type Simulation } from '../src/sim';
import type { LinOp } from '../src/sim/checkers/linearizability';
import { linearizabilityChecker } from '../src/sim/checkers/linearizability';
import type { Line } from './measure';
import { clocked, collect, heapMB, loadAverage, median, round, spread } from './measure';

/** A handful of keys: enough for reads and writes of one key to overlap, as the search must handle. */
const KEYS = 8;
const EVERY_MS = 10;

/** One event of the client history, in the order the checker suite saw it. */
type HistoryEvent =
  | { readonly kind: 'invoke'; readonly at: number; readonly op: LinOp }
  | { readonly kind: 'ok'; readonly at: number; readonly id: number; readonly value: string | null }
  | { readonly kind: 'fail'; readonly at: number; readonly id: number };

/** Five servers; every 10 virtual ms a write and a readIndex read (thesis §6.4), trace off. */
function readsAndWrites(minutes: number): Simulation {
  const sim = createSimulation({ nodes: 5, seed: 1, keepTrace: false });
  const end = minutes * 60_000;
  for (let i = 1; sim.now < end; i++) {
    sim.runFor(EVERY_MS);
    sim.write(`k${i % KEYS}`, `v${i}`);
    sim.read(`k${(i * 3) % KEYS}`, { mode: 'readIndex' });
  }
  return sim;
}

/**
 * The history from the request records: invoked at sentAt, answered or given up at settledAt.
 * Within one instant the suite hears answers first (they arrive while the world runs; the
 * script sends after runFor returns), then new requests in id order; no request is answered in
 * the instant it was sent, but if one were its answer would still follow its invocation.
 */
function historyOf(sim: Simulation): HistoryEvent[] {
  const ranked: { event: HistoryEvent; rank: number; id: number }[] = [];
  for (const r of sim.clientRequests()) {
    const c = r.command;
    if (c.kind !== 'set' && c.kind !== 'delete' && c.kind !== 'append' && c.kind !== 'read')
      continue;
    const op: LinOp =
      'value' in c
        ? { id: r.id, kind: c.kind, key: c.key, value: c.value }
        : { id: r.id, kind: c.kind, key: c.key };
    ranked.push({ event: { kind: 'invoke', at: r.sentAt, op }, rank: 1, id: r.id });
    if (r.status === 'pending' || r.settledAt === undefined) continue;
    const answer: HistoryEvent =
      r.status === 'ok'
        ? { kind: 'ok', at: r.settledAt, id: r.id, value: r.value ?? null }
        : { kind: 'fail', at: r.settledAt, id: r.id };
    ranked.push({ event: answer, rank: r.settledAt === r.sentAt ? 2 : 0, id: r.id });
  }
  ranked.sort((x, y) => x.event.at - y.event.at || x.rank - y.rank || x.id - y.id);
  return ranked.map((x) => x.event);
}

/** Feeds the history to a fresh checker, as the suite's adapter does. */
function replay(history: readonly HistoryEvent[]) {
  const checker = linearizabilityChecker();
  let violations = 0;
  for (const e of history) {
    if (e.kind === 'invoke') checker.invoke(e.op, e.at);
    else if (
      (e.kind === 'ok' ? checker.ok(e.id, e.at, e.value) : checker.fail(e.id, e.at)) !== null
    )
      violations++;
  }
  return { work: checker.work, gaveUp: checker.gaveUp, violations };
}

interface Pair {
  readonly sim: { wallMs: number; cpuMs: number };
  readonly checker: { wallMs: number; cpuMs: number };
}

/** (a) then (b) in the same process, a moment apart, so both see the same machine. */
function pair(minutes: number) {
  collect();
  const a = clocked(() => readsAndWrites(minutes));
  const history = historyOf(a.result);
  collect();
  const b = clocked(() => replay(history));
  const times: Pair = {
    sim: { wallMs: a.wallMs, cpuMs: a.cpuMs },
    checker: { wallMs: b.wallMs, cpuMs: b.cpuMs },
  };
  return { sim: a.result, history, replayed: b.result, times };
}

const slowdown = (p: Pair, clock: 'wallMs' | 'cpuMs'): number =>
  p.sim[clock] / (p.sim[clock] - p.checker[clock]);

/** `runs` pairs over `minutes` virtual minutes each, after a one-minute warm-up pair. */
export function checkerCost(runs = 5, minutes = 10): Line {
  pair(1);
  // Only the last pair keeps its simulation: one kept alive would slow every later run's GC.
  const pairs: Pair[] = [];
  for (let i = 1; i < runs; i++) pairs.push(pair(minutes).times);
  const { sim, history, replayed, times } = pair(minutes);
  pairs.push(times);
  const ops = history.filter((e) => e.kind === 'invoke').length;
  const simWall = pairs.map((p) => p.sim.wallMs);
  const checkerCpu = pairs.map((p) => p.checker.cpuMs);
  return {
    scenario: 'linearizability checker cost, read and write every 10 ms',
    nodes: 5,
    virtualSeconds: sim.now / 1000,
    wallMs: round(median(simWall)),
    events: sim.eventCount(),
    virtualSecondsPerWallSecond: round(sim.now / median(simWall), 0),
    heapMB: heapMB(),
    keys: KEYS,
    readMode: 'readIndex',
    operations: ops,
    answeredOk: history.filter((e) => e.kind === 'ok').length,
    failed: history.filter((e) => e.kind === 'fail').length,
    checkerWork: replayed.work,
    workPerOperation: round(replayed.work / ops, 2),
    checkerMicrosecondsPerOperation: round((median(checkerCpu) * 1000) / ops, 2),
    gaveUpKeys: replayed.gaveUp,
    violations: { simulator: sim.violations().length, replayedChecker: replayed.violations },
    // The headline: how many times slower the simulation is with the checker than without it.
    slowdownWall: spread(pairs.map((p) => slowdown(p, 'wallMs'))),
    slowdownCpu: spread(pairs.map((p) => slowdown(p, 'cpuMs'))),
    slowdownLimit: 2,
    simulationWallMs: simWall.map((w) => round(w)),
    checkerWallMs: pairs.map((p) => round(p.checker.wallMs)),
    simulationCpuMs: pairs.map((p) => round(p.sim.cpuMs)),
    checkerCpuMs: checkerCpu.map((c) => round(c)),
    loadAverage: loadAverage(),
  };
}
