// Test helper: runs fresh checker instances beside a simulation, fed from its public events, so a
// test can read what they counted (their work) or found. The simulation's own checkers are
// untouched. A listener hears an event once its virtual instant is complete, so these see the
// disks as they are at the end of that instant: right for counting work, not for exact findings.
import type { NodeId } from '../../../../src/raft';
import type { Simulation, TraceEvent } from '../../../../src/sim';
import type { Acknowledged, Checker, ClusterView } from '../../../../src/sim/checkers';
import type { Finding } from '../../../../src/sim/read/rules';

export interface Shadowed {
  readonly at: number;
  readonly checker: Checker;
  readonly finding: Finding;
}

/** Feeds `checkers` every step and acknowledgement from now on; returns what they find. */
export function shadowCheckers(sim: Simulation, checkers: readonly Checker[]): Shadowed[] {
  const view: ClusterView = {
    ids: sim.nodeIds() as NodeId[],
    node: (id) => sim.inspect(id),
  };
  const found: Shadowed[] = [];
  const note = (at: number, checker: Checker, finding: Finding | null) => {
    if (finding) found.push({ at, checker, finding });
  };
  sim.subscribe((event: TraceEvent) => {
    if (event.kind === 'step') {
      const { node, before, after } = event;
      // The same order and arguments as the world: commits first, then the step itself.
      if (after.commitIndex > before.commitIndex) {
        for (const c of checkers)
          note(
            event.at,
            c,
            c.afterCommit?.(view, node, before.commitIndex, after.commitIndex) ?? null,
          );
      }
      const becameLeader =
        after.role === 'leader' && (before.role !== 'leader' || before.term !== after.term);
      for (const c of checkers) note(event.at, c, c.afterStep?.(view, node, becameLeader) ?? null);
    } else if (event.kind === 'client' && event.outcome === 'ok') {
      const ack = acknowledgement(sim, event.requestId, event.at);
      for (const c of checkers) note(event.at, c, c.afterAck?.(view, ack) ?? null);
    }
  });
  return found;
}

/** The acknowledged request's index and term; it is nearly always among the newest few. */
function acknowledgement(sim: Simulation, requestId: number, at: number): Acknowledged {
  for (let limit = 16; ; limit *= 2) {
    const recent = sim.recentClientRequests(limit);
    const request = recent.find((r) => r.id === requestId);
    // These runs never change membership: the voters are every server.
    const config = { voters: sim.nodeIds() as NodeId[], learners: [], old: null, joining: [] };
    if (request) return { requestId, index: request.index!, term: request.term!, at, config };
    if (recent.length < limit) throw new Error(`request #${requestId} was never sent`);
  }
}
