// The membership script both worker parity suites replay (unit: the async driver; browser:
// real workers): membership changes and a transfer on five servers, each step chosen by a
// headless dry run up to its time so it stays a step the simulator accepts.
import type { ScriptStep, SimAction, SimOptionsInput, Simulation } from '../../../src/sim';
import { createSimulation, runScript } from '../../../src/sim';

/** The servers of the configuration in use: voters of either half and learners. */
function members(sim: Simulation): number[] {
  const { voters, learners, joint } = sim.configuration();
  return [...new Set([...voters, ...(joint?.old ?? []), ...learners])].sort((a, b) => a - b);
}

/**
 * Membership changes and a transfer (thesis ch. 4, §3.10) on five servers: S6 joins as a voter
 * (a new server: the host boots a node that has no configuration until its log brings one), S7
 * as a learner, S1 is removed, the voters become every member but S4 and S5 (joint consensus),
 * S6 crashes and boots again from its disk, and leadership goes to the lowest voter not leading.
 */
export const plan: readonly [at: number, choose: (sim: Simulation) => SimAction][] = [
  [900, () => ({ do: 'addServer' })],
  [1600, () => ({ do: 'addServer', voter: false })],
  [1800, () => ({ do: 'removeServer', node: 1 })],
  [2600, (sim) => ({ do: 'changeVoters', voters: members(sim).filter((id) => id > 5 || id < 4) })],
  [3000, () => ({ do: 'crash', node: 6 })],
  [3200, () => ({ do: 'restart', node: 6 })],
  [
    3500,
    // With no leader at that moment (an election under way), a write stands in for the transfer.
    (sim) =>
      sim.leader() === null
        ? { do: 'write', key: 'transfer', value: 'no leader yet' }
        : {
            do: 'transferLeadership',
            to: sim.configuration().voters.find((id) => id !== sim.leader()) ?? 0,
          },
  ],
];

/**
 * The plan as one fixed script for both runs, each step chosen by a synchronous dry run up to
 * its time: so it is a step the simulator accepts (a transfer needs a leader and a target that
 * is not it) whatever the core did before, and both runs replay the very same data.
 */
export async function membershipScript(options: SimOptionsInput, writes: ScriptStep[]) {
  const script: ScriptStep[] = [...writes];
  for (const [at, choose] of plan) {
    const dry = createSimulation(options);
    await runScript(
      dry,
      script.filter((step) => step.at <= at),
      at,
    );
    script.push({ at, ...choose(dry) });
  }
  return script;
}
