// Cluster facts come from the simulator's own lists: the number of checked properties is the
// checker list's length, not a number written down beside it.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import { allCheckers } from '../../../../src/sim/checkers';
import { clusterFacts } from '../../../../src/sim/read/readModel';
import { asNodeId } from '../../../../src/raft';
import { settle } from '../harness';

describe('cluster facts', () => {
  it('count the checkers the world runs after every event', () => {
    const sim = createSimulation({ seed: 1, nodes: 3 });
    expect(sim.facts().checkers).toBe(allCheckers([]).length);
  });

  it('give size, majority, failures survived and the leader with its term', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    expect(sim.facts()).toMatchObject({ size: 5, majority: 3, tolerated: 2, leader: null });
    const leader = settle(sim);
    expect(sim.facts()).toMatchObject({ leader, leaderTerm: sim.node(leader).term });
  });
});

/** S1…Sn as the voters in use. */
const config = (n: number) => ({
  voters: Array.from({ length: n }, (_, i) => asNodeId(i + 1)),
  learners: [],
  old: null,
});
/** Live servers S1, S2, … in these terms. */
const live = (...terms: number[]) => terms.map((term, i) => ({ id: i + 1, term }));

describe('the leader the facts name', () => {
  it('is the highest-term live leader only when a majority is alive in its term', () => {
    // 5 servers: S1 leads term 97, the rest moved on to 125 (as under 100 % loss).
    const f = clusterFacts(
      config(5),
      { id: asNodeId(1), term: 97, configCommitted: true },
      live(97, 125, 125, 125, 124),
      7,
    );
    expect(f).toMatchObject({ leader: null, leaderTerm: null, claimant: 1, claimantTerm: 97 });
    expect(f.highestTerm).toBe(125);
    const g = clusterFacts(
      config(5),
      { id: asNodeId(2), term: 4, configCommitted: true },
      live(4, 4, 4, 3),
      7,
    );
    expect(g).toMatchObject({ leader: 2, leaderTerm: 4, claimant: null, highestTerm: 4 });
    // Two of five in the term is not a majority, even with three crashed.
    const h = clusterFacts(
      config(5),
      { id: asNodeId(2), term: 4, configCommitted: true },
      live(4, 4),
      7,
    );
    expect(h).toMatchObject({ leader: null, claimant: 2, claimantTerm: 4 });
    expect(clusterFacts(config(3), null, [], 7)).toMatchObject({
      leader: null,
      claimant: null,
      highestTerm: 0,
    });
  });

  it('turns a leader cut off from a majority into a claimant once the others move on', () => {
    const sim = createSimulation({ seed: 3, nodes: 5 });
    const leader = settle(sim);
    const others = sim.nodeIds().filter((id) => id !== leader);
    // No group holds a majority: the others campaign in ever higher terms, the old leader stays.
    sim.partition([[leader, others[0]!], [others[1]!, others[2]!], [others[3]!]]);
    sim.runFor(3000);
    const f = sim.facts();
    expect(sim.leader()).toBe(leader);
    expect(f).toMatchObject({
      leader: null,
      claimant: leader,
      claimantTerm: sim.node(leader).term,
    });
    expect(f.highestTerm).toBeGreaterThan(sim.node(leader).term);
  });
});

describe('whether the configuration in use is committed', () => {
  it('is false from the moment the leader appends a change until it commits, and without a leader', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    expect(sim.facts().configCommitted).toBe(false); // no leader yet
    sim.runUntil((s) => s.leader() !== null, 2000);
    sim.runFor(300);
    expect(sim.facts().configCommitted).toBe(true); // the boot configuration
    const id = sim.removeServer(sim.leader() === 5 ? 4 : 5);
    sim.runUntil((s) => s.facts().voters.length === 4, 1000);
    expect(sim.facts().configCommitted).toBe(false);
    sim.runUntil((s) => s.request(id).status !== 'pending', 2000);
    expect(sim.request(id).status).toBe('ok');
    expect(sim.facts().configCommitted).toBe(true);
  });
});
