// Cluster facts come from the simulator's own lists: the number of checked properties is the
// checker list's length, not a number written down beside it.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import { allCheckers } from '../../../../src/sim/checkers';
import { settle } from '../harness';

describe('cluster facts', () => {
  it('count the checkers the world runs after every event', () => {
    const sim = createSimulation({ seed: 1, nodes: 3 });
    expect(sim.facts().checkers).toBe(allCheckers().length);
  });

  it('give size, majority, failures survived and the leader with its term', () => {
    const sim = createSimulation({ seed: 1, nodes: 5 });
    expect(sim.facts()).toMatchObject({ size: 5, majority: 3, tolerated: 2, leader: null });
    const leader = settle(sim);
    expect(sim.facts()).toMatchObject({ leader, leaderTerm: sim.node(leader).term });
  });
});
