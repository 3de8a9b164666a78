// snapshotEvery in a long run (§5): every server compacts on its own, with followers that apply
// and compact in the step that brings them the entries. Regression: a follower compacted entries
// it had not written to disk yet, and the simulator found a snapshot nobody could vouch for.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';

describe('snapshotEvery over a long write load', () => {
  it('five servers writing every 10 ms for 60 s compact again and again, with no violation', () => {
    const sim = createSimulation({ nodes: 5, seed: 1, keepTrace: false, snapshotEvery: 1000 });
    for (let i = 1; sim.now < 60_000; i++) {
      sim.runFor(10);
      sim.write(`k${i % 100}`, `v${i}`);
    }
    sim.runFor(500);
    expect(sim.violations()).toEqual([]);
    for (const id of sim.nodeIds()) {
      const node = sim.node(id);
      // Each has compacted, and keeps fewer entries than two snapshots' worth.
      expect(node.snapshot?.lastIncludedIndex ?? 0).toBeGreaterThanOrEqual(4000);
      expect(node.log.length).toBeLessThan(2000);
    }
    const leader = sim.node(sim.leader()!);
    for (const id of sim.nodeIds()) expect(sim.node(id).kv).toEqual(leader.kv);
  });
});

describe('snapshots and membership changes', () => {
  it('a joint change is answered even when every entry is compacted as soon as it is applied', () => {
    // Regression: the joint entry, which carries the client's request that C_new answers, was
    // compacted the moment it committed, so the client was never answered, and the Configurations
    // Overlap checker, not seeing the joint entry committed, raised a false alarm.
    const sim = createSimulation({ nodes: 5, seed: 1, snapshotEvery: 1 });
    sim.runUntil((s) => s.leader() !== null, 2000);
    const w = sim.write('x', '1');
    sim.runUntil((s) => s.request(w).status !== 'pending', 2000);
    const change = sim.changeVoters([1, 2, 3]);
    sim.runUntil((s) => s.request(change).status !== 'pending', 6000);
    expect(sim.request(change).status).toBe('ok');
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3], learners: [], joint: null });
    expect(sim.violations()).toEqual([]);
    expect(sim.node(sim.leader()!).snapshot).not.toBeNull();
  });
});

describe('a snapshot holds the state machine at its own last index', () => {
  it('one server writing and applying in the same step: a restart applies nothing twice', () => {
    // Regression: the snapshot was cut at what was on disk but copied the state machine at
    // lastApplied, a step later: after a restart the entries between were applied again.
    const sim = createSimulation({ nodes: 1, seed: 1, snapshotEvery: 2 });
    sim.runUntil((s) => s.leader() !== null, 2000);
    const ids = ['a', 'b', 'c', 'd'].map((v) => {
      const id = sim.append('k', v);
      sim.runUntil((s) => s.request(id).status !== 'pending', 1000);
      return id;
    });
    sim.runFor(200);
    const snap = sim.node(1).snapshot!;
    expect(snap.lastIncludedIndex).toBeGreaterThanOrEqual(2);
    sim.crash(1);
    sim.restart(1);
    sim.runUntil((s) => s.leader() !== null, 2000);
    sim.runFor(200);
    expect(sim.node(1).kv).toEqual({ k: 'abcd' });
    for (const id of ids)
      expect(sim.requestViews(10).find((r) => r.id === id)!.duplicateAt).toEqual([]);
    expect(sim.violations()).toEqual([]);
  });
});
