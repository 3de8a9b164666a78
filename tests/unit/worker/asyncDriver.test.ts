// The asynchronous driver (the one the worker host plugs into) must replay exactly the run of
// the synchronous simulator: same seed and same script, same trace digest — including when it
// sends a whole lookahead window of inputs to each node in one round trip, and when servers
// join (each booting a host of its own), leave, change their votes and hand leadership over.
import { describe, expect, it } from 'vitest';
import type { ScriptStep, SimAction, SimOptionsInput, Simulation } from '../../../src/sim';
import { AsyncSimulation, createSimulation, runScript, writeLoad } from '../../../src/sim';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';

const faults: ScriptStep[] = [
  { at: 700, do: 'crash', node: 1 },
  {
    at: 900,
    do: 'partition',
    groups: [
      [1, 2],
      [3, 4, 5],
    ],
  },
  { at: 1500, do: 'timeout', node: 4 },
  { at: 1800, do: 'heal' },
  { at: 1900, do: 'restart', node: 1 },
  { at: 2100, do: 'drop', rate: 0.2 },
  { at: 2300, do: 'cut', a: 2, b: 3 },
  { at: 2600, do: 'heal' },
  { at: 2650, do: 'drop', rate: 0 },
];

const worlds: [string, SimOptionsInput][] = [
  ['defaults', {}],
  ['PreVote and CheckQuorum', { preVote: true, checkQuorum: true }],
  ['fast heartbeats shorter than the latency', { heartbeatMs: 5, latencyMs: [8, 30] }],
  ['zero minimum latency (no lookahead at all)', { latencyMs: [0, 4] }],
  ['one-millisecond latency', { latencyMs: [1, 1], dropRate: 0.1 }],
  // A CheckQuorum leader keeps two deadlines; the second can fall due inside a window that
  // opened on the first (40 ms heartbeats against a 150 ms quorum check), and must be planned.
  [
    'CheckQuorum with heartbeats out of step with its quorum checks',
    { checkQuorum: true, heartbeatMs: 40, electionTimeoutMs: [150, 300], latencyMs: [40, 60] },
  ],
  [
    'PreVote and CheckQuorum with slow links',
    { preVote: true, checkQuorum: true, heartbeatMs: 35, latencyMs: [30, 70] },
  ],
];

describe('the async driver replays the synchronous run', () => {
  it.each(
    worlds.flatMap(([name, o]) =>
      [1, 2, 3].map((seed) => [`${name}, seed ${seed}`, o, seed] as const),
    ),
  )('%s', async (_name, options, seed) => {
    const script = [...writeLoad(300, 3000, 40), ...faults];
    const sync = createSimulation({ ...options, seed });
    await runScript(sync, script, 3500);
    const async = new AsyncSimulation({ ...options, seed }, new InProcessAsyncHost());
    await async.settle();
    await runScript(async, script, 3500);
    expect(async.traceHash()).toBe(sync.traceHash());
    expect(async.eventCount()).toBe(sync.eventCount());
    expect(async.violations()).toEqual([]);
  });
});

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
const plan: readonly [at: number, choose: (sim: Simulation) => SimAction][] = [
  [900, () => ({ do: 'addServer' })],
  [1600, () => ({ do: 'addServer', voter: false })],
  [1800, () => ({ do: 'removeServer', node: 1 })],
  [2600, (sim) => ({ do: 'changeVoters', voters: members(sim).filter((id) => id > 5 || id < 4) })],
  [3000, () => ({ do: 'crash', node: 6 })],
  [3200, () => ({ do: 'restart', node: 6 })],
  [
    3500,
    (sim) => ({
      do: 'transferLeadership',
      to: sim.configuration().voters.find((id) => id !== sim.leader()) ?? 0,
    }),
  ],
];

/**
 * The plan as one fixed script for both runs, each step chosen by a synchronous dry run up to
 * its time: so it is a step the simulator accepts (a transfer needs a leader and a target that
 * is not it) whatever the core did before, and both runs replay the very same data.
 */
async function membershipScript(options: SimOptionsInput, writes: ScriptStep[]) {
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

describe('the async driver replays the synchronous run with membership changes and a transfer', () => {
  it.each(
    worlds.flatMap(([name, o]) =>
      [1, 2, 3].map((seed) => [`${name}, seed ${seed}`, o, seed] as const),
    ),
  )('%s', async (_name, options, seed) => {
    const script = await membershipScript({ ...options, seed }, writeLoad(300, 4000, 60));
    const sync = createSimulation({ ...options, seed });
    await runScript(sync, script, 4500);
    const async = new AsyncSimulation({ ...options, seed }, new InProcessAsyncHost());
    await async.settle();
    await runScript(async, script, 4500);
    expect(async.traceHash()).toBe(sync.traceHash());
    expect(async.eventCount()).toBe(sync.eventCount());
    expect(async.nodeIds()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(async.configuration()).toEqual(sync.configuration());
    expect(async.violations()).toEqual([]);
  });

  it('the script really changes the membership: in a calm cluster every request is answered ok', async () => {
    const sim = createSimulation({ seed: 1 });
    await runScript(sim, await membershipScript({ seed: 1 }, []), 4500);
    const changes = sim
      .clientRequests()
      .map((r) => `${r.command.kind} ${r.status}`)
      .join(', ');
    expect(changes).toBe(
      'addServer ok, addServer ok, removeServer ok, changeVoters ok, transferLeadership ok',
    );
    expect(sim.configuration()).toEqual({ voters: [2, 3, 6, 7], learners: [], joint: null });
  });
});
