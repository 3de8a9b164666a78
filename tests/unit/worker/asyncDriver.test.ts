// The asynchronous driver (the one the worker host plugs into) must replay exactly the run of
// the synchronous simulator: same seed and same script, same trace digest — including when it
// sends a whole lookahead window of inputs to each node in one round trip, and when servers
// join (each booting a host of its own), leave, change their votes and hand leadership over.
import { describe, expect, it } from 'vitest';
import type { ScriptStep, SimOptionsInput } from '../../../src/sim';
import { AsyncSimulation, createSimulation, runScript, writeLoad } from '../../../src/sim';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';
import { membershipScript } from './membershipScript';

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
