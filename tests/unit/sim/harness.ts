// Helpers for scenario tests through the scripting API: pick trace lines worth reading, wait for
// a state the script needs (and fail loudly when it never comes), and describe logs briefly.
import { createSimulation, runChaos } from '../../../src/sim';
import type { Simulation } from '../../../src/sim';

/** Lines of the trace that show who stood, who won, who crashed and what clients heard. */
export const ROLE_CHANGES =
  /→ (pre-candidate|candidate|leader|follower)|crashed|restarted|ms partition |healed|client request #\d+ (ok|failed)/;

/** Lines where some node's state changed (role, term, log or commit), plus every client event. */
export const STATE_CHANGES = / → |client request/;

/** Trace lines from index `from` on that match `pattern`. */
export function story(sim: Simulation, pattern: RegExp, from = 0): string[] {
  return sim
    .traceLines()
    .slice(from)
    .filter((line) => pattern.test(line));
}

/** Runs until `predicate` holds; a scenario whose setup never happens fails here, by name. */
export function must(
  sim: Simulation,
  what: string,
  predicate: (s: Simulation) => boolean,
  maxMs = 5000,
): void {
  if (!sim.runUntil(predicate, maxMs)) {
    const recent = story(sim, STATE_CHANGES).slice(-20).join('\n  ');
    throw new Error(
      `scenario setup failed: ${what} did not happen within ${maxMs} virtual ms (t=${sim.now}ms); the last changes:\n  ${recent}`,
    );
  }
}

/** Runs until there is a leader and returns it. */
export function awaitLeader(sim: Simulation, maxMs = 5000): number {
  must(sim, 'a leader', (s) => s.leader() !== null, maxMs);
  return sim.leader()!;
}

/** A node's log as the terms of its entries, e.g. "1 1 2". */
export function terms(sim: Simulation, id: number): string {
  return sim
    .node(id)
    .log.map((e) => e.term)
    .join(' ');
}

/** Runs until there is a leader and every live node holds and has applied its whole log. */
export function settle(sim: Simulation, maxMs = 5000): number {
  must(sim, 'a settled cluster', converged, maxMs);
  return sim.leader()!;
}

/**
 * True when every live node holds the leader's log (the entries both still hold: a snapshot
 * covers only committed ones, the same everywhere) up to the leader's last index, and has
 * applied all of it.
 */
export function converged(sim: Simulation): boolean {
  const leader = sim.leader();
  if (leader === null) return false;
  const l = sim.node(leader);
  const last = l.logBase + l.log.length;
  const tail = (n: typeof l, from: number) => JSON.stringify(n.log.filter((e) => e.index > from));
  return sim.nodeIds().every((id) => {
    const n = sim.node(id);
    if (!n.alive) return true;
    const from = Math.max(n.logBase, l.logBase);
    return (
      n.logBase + n.log.length === last &&
      tail(n, from) === tail(l, from) &&
      n.commitIndex === last &&
      n.lastApplied === n.commitIndex
    );
  });
}

/** Followers of `leader`, lowest id first. */
export function followersOf(sim: Simulation, leader: number): number[] {
  return sim.nodeIds().filter((id) => id !== leader);
}

/** Everything a caller can observe about the simulation, to compare before and after a call. */
export function observe(sim: Simulation) {
  return {
    now: sim.now,
    hash: sim.traceHash(),
    events: sim.eventCount(),
    lines: sim.traceLines().length,
    nodes: sim.nodeIds().map((id) => sim.node(id)),
    leader: sim.leader(),
    inFlight: sim.messagesInFlight().length,
    violations: sim.violations(),
  };
}

/** Fault phase of every sweep run, matching `--for 10s` in the replay command. */
export const SWEEP_FAULT_MS = 10_000;

/** The cluster size a sweep gives a seed: 3 to 7 servers, varied with the seed. */
export const sweepNodesFor = (seed: number): number => 3 + (seed % 5);

/** The one command that replays a sweep run from the command line. */
export const replayCommand = (seed: number): string =>
  `npm run sim -- --seed ${seed} --nodes ${sweepNodesFor(seed)} --for ${SWEEP_FAULT_MS / 1000}s --chaos`;

/**
 * One seeded chaos run (src/sim/chaos.ts): a fault phase, then a heal phase that must converge.
 * Returns the problems found, each a line; an empty list means the run was clean.
 */
export function chaosProblems(
  seed: number,
  {
    rules = {},
    keepTrace = false,
  }: { rules?: Partial<Simulation['options']['rules']>; keepTrace?: boolean } = {},
) {
  const sim = createSimulation({ seed, nodes: sweepNodesFor(seed), keepTrace, rules });
  const report = runChaos(sim, { faultMs: SWEEP_FAULT_MS });
  const problems = [...report.problems];
  // Beyond the chaos report: after the heal phase every state machine holds the same data.
  const leader = sim.leader();
  if (leader !== null && report.converged) {
    const kv = JSON.stringify(sim.node(leader).kv);
    const differ = sim.nodeIds().filter((id) => JSON.stringify(sim.node(id).kv) !== kv);
    if (differ.length)
      problems.push(
        `state machines differ from the leader's on ${differ.map((id) => `S${id}`).join(', ')}`,
      );
  }
  return { sim, report, problems };
}

/**
 * Rows for `it.each(sentences(rows))('%s', (_says, row) => …)`: each test is named by its row's
 * whole sentence (vitest quotes a `$says` name and cuts it at 40 characters).
 */
export function sentences<T extends { says: string }>(rows: readonly T[]): [string, T][] {
  return rows.map((row) => [row.says, row]);
}
