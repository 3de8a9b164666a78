// Worker parity with messages touched by hand: holds released out of order, drops, duplicates
// and manual deliveries (each pick of the next event) give the same trace digest through the
// in-process host, the asynchronous driver and the worker host over the JSON wire. The touches
// are decided from what is on the wire, by a seeded rule, so each run makes the same ones.
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../src/raft';
import type { SimOptionsInput, Simulation } from '../../../src/sim';
import { AsyncSimulation, createSimulation } from '../../../src/sim';
import { Prng } from '../../../src/sim/prng';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';
import { WorkerHost } from '../../../src/worker/workerHost';
import { WireWorker } from './wireWorker';

type AnySim = Simulation | AsyncSimulation;

/**
 * Three virtual seconds in 20 ms slices, writes every 60 ms; in each slice a seeded roll holds,
 * releases, drops or copies a message; from 1 to 1.6 s delivery is manual, and each slice picks
 * one listed choice: a held delivery (released now) or the first timer (the clock runs to it).
 */
async function touchScript(sim: AnySim): Promise<void> {
  const rng = new Prng(sim.options.seed ^ 0xabc);
  for (let t = 0, i = 0; t < 3000; t += 20, i++) {
    if (t % 60 === 0 && t >= 300) sim.write(`k${i % 5}`, `v${i}`);
    if (t === 1000) sim.setManualDelivery(true);
    if (t === 1600) sim.setManualDelivery(false);
    if (sim.manualDelivery()) {
      const choice = sim.choices()[rng.intBetween(0, 1)] ?? sim.choices()[0];
      if (choice?.kind === 'deliver') sim.releaseMessage(choice.message);
      else if (choice) await sim.runFor(Math.max(0, choice.at - sim.now));
      await sim.runFor(0);
      continue;
    }
    touch(sim, rng);
    await sim.runFor(20);
  }
  if (sim.messagesInFlight().some((f) => f.held)) sim.releaseAll();
  await sim.runFor(1000);
}

function touch(sim: AnySim, rng: Prng): void {
  const wire = sim.messagesInFlight().filter((f) => f.lostAt === null);
  const roll = rng.intBetween(0, 9);
  const pick = <T>(list: readonly T[]) =>
    list.length ? list[rng.intBetween(0, list.length - 1)] : undefined;
  const moving = pick(wire.filter((f) => !f.held));
  const held = pick(wire.filter((f) => f.held));
  if (roll < 3 && moving) sim.holdMessage(moving.id);
  else if (roll < 5 && held) sim.releaseMessage(held.id);
  else if (roll === 5 && moving) sim.dropMessage(moving.id);
  else if (roll === 6 && moving) sim.duplicateMessage(moving.id);
}

function outcome(sim: AnySim) {
  return {
    hash: sim.traceHash(),
    events: sim.eventCount(),
    violations: sim.violations().map((v) => `${v.rule}: ${v.detail}`),
    logs: sim.nodeIds().map((id) =>
      sim
        .node(id)
        .log.map((e) => `${e.index}:${e.term}`)
        .join(' '),
    ),
  };
}

async function asyncRun(options: SimOptionsInput, host: InProcessAsyncHost | WorkerHost) {
  const sim = new AsyncSimulation(options, host);
  await sim.settle();
  await touchScript(sim);
  return sim;
}

async function syncRun(options: SimOptionsInput) {
  const sim = createSimulation(options);
  await touchScript(sim);
  return sim;
}

describe('touched messages replay alike on every host', () => {
  it.each([1, 2, 3])(
    'seed %i: in-process, async driver and workers over the wire agree',
    async (seed) => {
      const options = { nodes: 5, seed, dropRate: 0.05 };
      const sync = await syncRun(options);
      const viaAsync = await asyncRun(options, new InProcessAsyncHost());
      const host = new WorkerHost((_id: NodeId) => new WireWorker());
      const viaWorkers = await asyncRun(options, host);
      host.dispose();
      expect(outcome(viaAsync)).toEqual(outcome(sync));
      expect(outcome(viaWorkers)).toEqual(outcome(sync));
    },
  );

  it('the script touches what it is for: holds, releases, drops, copies and manual picks happen, and writes commit', async () => {
    const sim = await syncRun({ nodes: 5, seed: 1, dropRate: 0.05 });
    const kinds = new Set(
      sim
        .trace()
        .flatMap((e) => (e.kind === 'action' && e.action === 'message' ? [e.detail.do] : [])),
    );
    for (const k of ['hold', 'release', 'dropMessage', 'duplicate', 'manual']) {
      expect(kinds.has(k as never), k).toBe(true);
    }
    expect(sim.clientRequests().filter((r) => r.status === 'ok').length).toBeGreaterThan(10);
    expect(sim.violations()).toEqual([]);
  });
});
