// Worker parity with snapshots, reads and appends (thesis ch. 5–6): the same seeded script gives
// the same trace digest through the in-process host, the asynchronous driver, and the worker host
// talking to stand-in workers over the real wire (every request and answer JSON-encoded by
// protocol.ts, as a Web Worker receives it) — so snapshots, restore outputs, read replies and
// sessions cross the boundary as the synchronous run sees them.
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../src/raft';
import type { SimOptionsInput, Simulation } from '../../../src/sim';
import { AsyncSimulation, createSimulation, runScript } from '../../../src/sim';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';
import { WorkerHost } from '../../../src/worker/workerHost';
import { WireWorker } from './wireWorker';
import { CONSISTENCY_OPTIONS, consistencyScript } from './consistencyScript';

const END_MS = 4500;

/** Everything the three runs must agree on. */
function outcome(sim: Simulation | AsyncSimulation) {
  return {
    hash: sim.traceHash(),
    events: sim.eventCount(),
    violations: sim.violations().map((v) => `${v.rule}: ${v.detail}`),
    nodes: sim.nodeIds().map((id) => {
      const n = sim.node(id);
      return { id, snapshot: n.snapshot, lastApplied: n.lastApplied, kv: n.kv };
    }),
    answers: sim
      .clientRequests()
      .map((r) => `#${r.id} ${r.status} ${JSON.stringify(r.value ?? '')}`),
  };
}

async function syncRun(options: SimOptionsInput) {
  const sim = createSimulation(options);
  await runScript(sim, consistencyScript(), END_MS);
  return sim;
}

async function asyncRun(options: SimOptionsInput, host: InProcessAsyncHost | WorkerHost) {
  const sim = new AsyncSimulation(options, host);
  await sim.settle();
  await runScript(sim, consistencyScript(), END_MS);
  return sim;
}

const worlds: [string, SimOptionsInput][] = [
  ['the script’s own options', {}],
  [
    'PreVote, and heartbeats shorter than the latency',
    { preVote: true, heartbeatMs: 5, latencyMs: [8, 30] },
  ],
  ['zero minimum latency (no lookahead at all)', { latencyMs: [0, 4] }],
];

describe('the async driver replays the synchronous run with snapshots, reads and appends', () => {
  it.each(
    worlds.flatMap(([name, o]) =>
      [1, 2].map((seed) => [`${name}, seed ${seed}`, o, seed] as const),
    ),
  )('%s', async (_name, over, seed) => {
    const options = { ...CONSISTENCY_OPTIONS, ...over, seed };
    const sync = await syncRun(options);
    const async = await asyncRun(options, new InProcessAsyncHost());
    expect(outcome(async)).toEqual(outcome(sync));
  });
});

describe('the worker host replays the synchronous run over the JSON wire', () => {
  it.each([1, 2])('seed %i: same digest, same snapshots, same answers', async (seed) => {
    const options = { ...CONSISTENCY_OPTIONS, seed };
    const sync = await syncRun(options);
    const host = new WorkerHost((_id: NodeId) => new WireWorker());
    const viaWorkers = await asyncRun(options, host);
    host.dispose();
    expect(outcome(viaWorkers)).toEqual(outcome(sync));
    expect(viaWorkers.nodeIds().filter((id) => viaWorkers.nodeView(id).fault !== null)).toEqual([]);
  });
});

describe('the parity script exercises what it is for', () => {
  it('seed 1: servers compact, S2 restarts from its snapshot and is repaired by InstallSnapshot, reads succeed in each mode, clients retry', async () => {
    const sim = await syncRun({ ...CONSISTENCY_OPTIONS, seed: 1 });
    const lines = sim.traceLines();
    // Each server compacts once by hand, and on its own every 7 applied entries.
    expect(lines.filter((l) => /S\d snapshot taken up to \d+$/.test(l))).toHaveLength(5);
    expect(sim.nodeIds().filter((id) => sim.node(id).logBase === 0)).toEqual([]);
    expect(
      lines.filter((l) => /S2 ← S\d InstallSnapshot\(.*→ .*\blog \d+/.test(l)).length,
    ).toBeGreaterThan(0);
    const ok = (mode: string) =>
      sim
        .clientRequests()
        .filter((r) => r.status === 'ok' && r.command.kind === 'read' && r.command.mode === mode)
        .length;
    expect([ok('readIndex'), ok('lease'), ok('local')].every((n) => n > 0)).toBe(true);
    expect(sim.clientRequests().some((r) => r.retries.length > 0)).toBe(true);
  });
});
