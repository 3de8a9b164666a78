// A follower whose disk lost entries it had acknowledged (a replaced, shorter disk) must be
// repaired by the leader (§5.3): on the pure core, then through the simulator's public API.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';
import {
  appendOk,
  appendRejected,
  deliver,
  describeAppend,
  electLeader,
  nodeWith,
  sentOf,
  tick,
} from './harness';

describe('§5.3: a leader repairs a follower that lost acknowledged entries', () => {
  /** S1, leader of term 3 with log 1 1 2 2 3; S2 has acknowledged all five entries. */
  function leaderKnowingMatch5() {
    const leader = electLeader(nodeWith({ term: 2, log: [1, 1, 2, 2] }), 100).node;
    const acked = deliver(leader, appendOk(2, 3, 5), 110).node;
    expect(acked.progress[2]).toMatchObject({ matchIndex: 5, nextIndex: 6 });
    return acked;
  }

  it('its heartbeats tell the follower what the leader believes it holds', () => {
    const leader = leaderKnowingMatch5();
    const r = tick(leader, leader.heartbeatDeadline);
    expect(sentOf(r.outputs, 'AppendEntries').find((m) => m.to === 2)).toMatchObject({
      prevLogIndex: 5,
      knownMatchIndex: 5,
    });
  });

  it('a short-log rejection (term 0, index 3) to a request sent knowing matchIndex 5 resends from 3', () => {
    const leader = leaderKnowingMatch5();
    const r = deliver(leader, appendRejected(2, 3, 5, [3, 0], 1, 5), 150);
    // Probing again (flow control): nextIndex waits at 3 until this one is answered.
    expect(r.node.progress[2]).toMatchObject({ matchIndex: 2, nextIndex: 3 });
    expect(r.node.progress[2]!.flow).toMatchObject({ state: 'probe', paused: true });
    expect(sentOf(r.outputs, 'AppendEntries').map(describeAppend)).toEqual([
      'prev 2@1, 3 entries, commit 5',
    ]);
  });

  it('the same rejection sent before the leader knew matchIndex 5 changes nothing', () => {
    const leader = leaderKnowingMatch5();
    const r = deliver(leader, appendRejected(2, 3, 5, [3, 0], 1, 0), 150);
    expect(r.node.progress[2]).toMatchObject({ matchIndex: 5, nextIndex: 6 });
    expect(sentOf(r.outputs, 'AppendEntries')).toEqual([]);
  });

  it('a follower whose disk was replaced by a one-entry prefix gets the leader’s whole log back', () => {
    const sim = createSimulation({ nodes: 3, seed: 11 });
    sim.runUntil((s) => s.leader() !== null, 5000);
    for (let i = 0; i < 6; i++) sim.write(`k${i}`, `v${i}`);
    sim.runFor(1000);
    const leader = sim.leader()!;
    const follower = sim.nodeIds().find((id) => id !== leader)!;
    const before = sim.node(follower);
    expect(before.log.length).toBeGreaterThanOrEqual(5);

    sim.crash(follower);
    sim.setDisk(follower, {
      currentTerm: before.term,
      votedFor: before.votedFor,
      log: before.log.slice(0, 1).map((e) => ({ term: e.term, command: e.command })),
    });
    sim.restart(follower);
    sim.runFor(2000);

    expect(sim.leader()).toBe(leader);
    const logOf = (id: number) => sim.node(id).log.map((e) => [e.term, e.command]);
    expect(logOf(follower)).toEqual(logOf(leader));
  });

  it('a follower whose disk was replaced by a log of the same length but older terms is repaired too', () => {
    const sim = createSimulation({ nodes: 3, seed: 12 });
    sim.runUntil((s) => s.leader() !== null, 5000);
    const first = sim.leader()!;
    sim.timeout(sim.nodeIds().find((id) => id !== first)!); // a second term, so terms differ
    sim.runUntil((s) => s.leader() !== null && s.node(s.leader()!).term >= 2, 5000);
    for (let i = 0; i < 4; i++) sim.write(`k${i}`, `v${i}`);
    sim.runFor(1000);
    const leader = sim.leader()!;
    const follower = sim.nodeIds().find((id) => id !== leader)!;
    const before = sim.node(follower);
    expect(before.log.some((e) => e.term >= 2)).toBe(true);

    sim.crash(follower);
    sim.setDisk(follower, {
      currentTerm: before.term,
      votedFor: before.votedFor,
      log: before.log.map(() => ({ term: 1, command: { kind: 'noop' as const } })),
    });
    sim.restart(follower);
    sim.runFor(2000);

    expect(sim.leader()).toBe(leader);
    const logOf = (id: number) => sim.node(id).log.map((e) => [e.term, e.command]);
    expect(logOf(follower)).toEqual(logOf(leader));
    expect(sim.violations()).toEqual([]);
  });
});
