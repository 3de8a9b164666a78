// A client request's stage is decided from what happened to its own entry, never from some
// leader's commitIndex: an entry a cut-off leader appended is replaced, not committed, when the
// new leader commits another entry at its index. And a request reported failed whose entry
// committed after all says so afterwards.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import type { RequestStage, Simulation } from '../../../../src/sim';
import { awaitLeader, settle } from '../harness';

/** The stage the old rule gave: committed (or applied) once the leader's commitIndex reached it. */
function oldRule(sim: Simulation, index: number | null): 'applied' | 'committed' | null {
  const leader = sim.leader();
  if (leader === null || index === null) return null;
  const n = sim.node(leader);
  if (n.lastApplied >= index) return 'applied';
  return n.commitIndex >= index ? 'committed' : null;
}

describe('the stage of a write through a leader cut off from the rest', () => {
  it('reads appended, then replaced, and never committed or applied', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    const leader = awaitLeader(sim);
    sim.runFor(200);
    sim.partition([[leader], sim.nodeIds().filter((id) => id !== leader)]);
    const id = sim.write('x', 'lost', leader);
    const stages: RequestStage[] = [sim.requestViews(1)[0]!.stage];
    let oldRuleSaidApplied = false;
    const timeoutAt = sim.now + sim.options.clientTimeoutMs;
    while (sim.now < timeoutAt && sim.stepOnce()) {
      const view = sim.requestViews(5).find((r) => r.id === id)!;
      if (stages.at(-1) !== view.stage) stages.push(view.stage);
      if (view.stage === 'replaced' && oldRule(sim, view.index) === 'applied') {
        oldRuleSaidApplied = true; // the old logic would have shown this lost write as applied
      }
    }
    expect(stages).toEqual(['sent', 'appended', 'replaced', 'failed']);
    expect(oldRuleSaidApplied).toBe(true);
    const view = sim.requestViews(5).find((r) => r.id === id)!;
    expect(view).toMatchObject({ index: 2, storedOn: 1, committedAfterFailure: false });
    expect(sim.request(id)).not.toHaveProperty('committedAt');
  });
});

describe('a write reported failed whose entry committed afterwards', () => {
  /** Three nodes with a 300 ms client timeout; both followers are down while the write waits. */
  function lateCommit() {
    const sim = createSimulation({ seed: 1, nodes: 3, clientTimeoutMs: 300 });
    const leader = settle(sim);
    const followers = sim.nodeIds().filter((id) => id !== leader);
    for (const f of followers) sim.crash(f);
    const id = sim.write('k', 'v', leader);
    sim.runFor(400);
    return { sim, id, leader, followers };
  }

  it('is failed with no commit while no majority holds it', () => {
    const { sim, id } = lateCommit();
    expect(sim.request(id)).toEqual({
      status: 'failed',
      error: 'no reply within 300 ms',
      failure: { code: 'clientTimeout', ms: 300 },
    });
    expect(sim.requestViews(1)[0]).toMatchObject({ stage: 'failed', committedAfterFailure: false });
  });

  it('says where it committed once the followers are back, and the view says so too', () => {
    const { sim, id, leader, followers } = lateCommit();
    for (const f of followers) sim.restart(f);
    sim.runFor(1000);
    expect(sim.leader()).toBe(leader);
    expect(sim.request(id)).toEqual({
      status: 'failed',
      error: 'no reply within 300 ms',
      failure: { code: 'clientTimeout', ms: 300 },
      committedAt: 2,
    });
    expect(sim.requestViews(1)[0]).toMatchObject({
      stage: 'failed',
      index: 2,
      storedOn: 3,
      committedAfterFailure: true,
    });
    for (const n of sim.nodeIds()) expect(sim.node(n).kv).toEqual({ k: 'v' });
  });
});
