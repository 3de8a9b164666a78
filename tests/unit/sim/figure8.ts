// The paper's Figure 8 as a script, shared by the figure tests and the rule-switch tests. Long
// election timeouts keep every server quiet unless the script fires its timer, rare heartbeats
// keep the leader from sending ahead of its replies, and one entry per AppendEntries lets an
// old-term entry reach a majority before the new leader's no-op does.
//
//   (a) S1 leads term 1 and gets entry 2 (term 1) onto S2 only, then crashes.
//   (b) S5 wins term 2 with S3 and S4, appends its no-op at 2, and crashes before sending it.
//   (c) S1 comes back, wins term 3 with S2 and S3 (S4 is cut off) and copies its entry 2
//       onto S3: a majority holds it.
//       At that instant S1 crashes, before its term-3 no-op reaches a majority.
//   (d) S5 comes back and wins term 4 with S3 and S4 (its last term 2 beats their 1), then
//       overwrites index 2 everywhere.
// With the current-term rule, nothing above index 1 was ever committed, so (d) is harmless.
// Without it, S1 committed entry 2 in (c) by counting replicas, and (d) erases a committed entry.
import { createSimulation } from '../../../src/sim';
import type { Simulation } from '../../../src/sim';
import { must } from './harness';

export interface Figure8 {
  readonly sim: Simulation;
  /** The client write S1 appended in (a). */
  readonly request: number;
  /** What S1 knew at the instant of (c) when a majority held entry 2. */
  readonly atMajority: { readonly commitIndex: number; readonly holders: number[] };
}

export function runFigure8(seed: number, currentTermCommit: boolean): Figure8 {
  const sim = createSimulation({
    seed,
    nodes: 5,
    electionTimeoutMs: [1000, 2000],
    heartbeatMs: 500,
    maxEntriesPerAppend: 1,
    rules: { currentTermCommit },
  });
  // (a)
  sim.timeout(1);
  must(sim, '(a) S1 leading term 1 with its no-op everywhere', (s) =>
    s.nodeIds().every((id) => s.node(id).commitIndex === 1),
  );
  sim.partition([
    [1, 2],
    [3, 4, 5],
  ]);
  const request = sim.write('x', 'from S1', 1);
  must(sim, '(a) entry 2 on S2', (s) => s.node(2).log.length === 2);
  sim.crash(1);
  // (b)
  sim.timeout(5);
  must(sim, '(b) S5 leading term 2', (s) => s.node(5).role === 'leader');
  sim.partition([[1, 2], [3, 4], [5]]); // S5's no-op never leaves it
  sim.crash(5);
  // (c)
  sim.partition([[1, 2, 3], [4], [5]]);
  sim.restart(1);
  sim.timeout(1); // term 2: S3 already voted for S5
  sim.runFor(100);
  sim.timeout(1); // term 3
  must(sim, '(c) S1 leading term 3', (s) => s.node(1).role === 'leader' && s.node(1).term === 3);
  const from = sim.trace().length;
  must(sim, '(c) S1 hearing that S3 holds entry 2', (s) =>
    s
      .trace()
      .slice(from)
      .some(
        (e) =>
          e.kind === 'step' &&
          e.node === 1 &&
          e.message?.kind === 'AppendEntriesReply' &&
          e.message.success &&
          e.message.index === 2 &&
          e.message.from === 3,
      ),
  );
  const atMajority = {
    commitIndex: sim.node(1).commitIndex,
    holders: sim.nodeIds().filter((id) => sim.node(id).log[1]?.term === 1),
  };
  sim.partition([[1], [2, 3, 4, 5]]); // whatever S1 sent last is lost with it; S4 is back
  sim.crash(1);
  // (d)
  sim.restart(5);
  sim.timeout(5); // term 3: everyone already voted for S1
  sim.runFor(100);
  sim.timeout(5); // term 4
  must(sim, '(d) S5 leading term 4', (s) => s.node(5).role === 'leader');
  sim.runFor(1000);
  return { sim, request, atMajority };
}
