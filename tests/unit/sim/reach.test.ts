// Which nodes are cut off from a majority (the UI marks them): only live nodes over links that
// work both ways count, the node itself included.
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/sim';
import { createSimulation } from '../../../src/sim';

const cutOff = (sim: Simulation) => sim.nodeIds().filter((id) => !sim.reachesMajority(id));

describe('reachesMajority', () => {
  it.each([
    ['a whole network cuts nobody off', (s: Simulation) => s.heal(), []],
    [
      'a 2 | 3 partition cuts off the two',
      (s: Simulation) =>
        s.partition([
          [1, 2],
          [3, 4, 5],
        ]),
      [1, 2],
    ],
    [
      'a one-way cut still breaks the exchange',
      (s: Simulation) => [2, 3, 4].forEach((b) => s.cutOneWay(1, b)),
      [1],
    ],
    [
      'two crashes leave three of five: enough',
      (s: Simulation) => [4, 5].forEach((id) => s.crash(id)),
      [],
    ],
    [
      'three crashes leave two of five: cut off',
      (s: Simulation) => [3, 4, 5].forEach((id) => s.crash(id)),
      [1, 2],
    ],
  ] as const)('%s', (_says, act, expected) => {
    const sim = createSimulation({ nodes: 5 });
    act(sim);
    expect(cutOff(sim).filter((id) => sim.node(id).alive)).toEqual(expected);
  });
});
