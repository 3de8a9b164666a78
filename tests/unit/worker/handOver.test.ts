// A rebuild runs its nodes in the main thread and then hands them to their workers (WorkerHost's
// replayHere and goLive). The hand-over must change nothing: the run goes on to the same trace
// digest as one that ran through workers all along, every worker holds what the main thread's
// disk says, and a worker that fails or ends elsewhere is named and stops the cluster.
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../src/raft';
import type { SimOptionsInput } from '../../../src/sim';
import { AsyncSimulation, createSimulation } from '../../../src/sim';
import type { WorkerRequest } from '../../../src/worker/protocol';
import { REPLAY_CHUNK, WorkerHost } from '../../../src/worker/workerHost';
import { WireWorker } from './wireWorker';

type Sim = AsyncSimulation | ReturnType<typeof createSimulation>;

/** Writes, a crash and a restart, a partition and its heal, over `seconds` virtual seconds. */
async function script(sim: Sim, fromMs: number, toMs: number): Promise<void> {
  for (let t = fromMs; t < toMs; t += 100) {
    const i = t / 100;
    if (t % 300 === 0) sim.write(`k${i % 7}`, `v${i}`);
    if (t === 1500) sim.crash(2);
    if (t === 2500) sim.restart(2);
    if (t === 3000)
      sim.partition([
        [1, 2],
        [3, 4, 5],
      ]);
    if (t === 3800) sim.heal();
    if (t === 4200) sim.crash(4);
    await sim.runFor(100);
  }
}

function outcome(sim: Sim) {
  return { hash: sim.traceHash(), events: sim.eventCount(), violations: sim.violations() };
}

/** A worker host over the JSON wire, counting the workers it starts. */
function wireHost(make: (id: NodeId) => WireWorker = () => new WireWorker()) {
  const started: NodeId[] = [];
  const host = new WorkerHost((id) => {
    started.push(id);
    return make(id);
  });
  return { host, started };
}

const OPTIONS: SimOptionsInput = { nodes: 5, seed: 7, dropRate: 0.05 };

describe('a run replayed in the main thread, then handed to its workers', () => {
  it.each([1500, 2000, 4500, 5500])(
    'handed over at %i ms: the same digest as through workers all along, and as in-process',
    async (at) => {
      const sync = createSimulation(OPTIONS);
      await script(sync, 0, 6000);

      const { host, started } = wireHost();
      host.replayHere();
      const sim = new AsyncSimulation(OPTIONS, host);
      await sim.settle();
      await script(sim, 0, at);
      // Nothing ran in a worker while replaying.
      expect(started).toEqual([]);
      expect(host.replaying()).toBe(true);
      expect(await host.goLive()).toEqual([]);
      expect(host.replaying()).toBe(false);
      // One worker per live node: a node down at the hand-over gets none until it restarts.
      const alive = sim.nodeIds().filter((id) => sim.nodeView(id).alive);
      expect([...started].sort()).toEqual(alive);
      expect(host.liveWorkers()).toBe(alive.length);
      await script(sim, at, 6000);
      host.dispose();
      expect(outcome(sim)).toEqual(outcome(sync));
      expect(sync.violations()).toEqual([]);
    },
  );

  it('every worker holds what the main thread keeps on its disk, and long replays go in chunks', async () => {
    const requests: WorkerRequest['kind'][] = [];
    const { host } = wireHost(() => {
      const w = new WireWorker();
      const post = w.postMessage.bind(w);
      w.postMessage = (m) => {
        requests.push(JSON.parse(m as string).kind);
        post(m);
      };
      return w;
    });
    host.replayHere();
    const sim = new AsyncSimulation({ nodes: 3, seed: 3 }, host);
    await sim.settle();
    // Long enough that a node took more than one chunk of inputs.
    for (let t = 0; t < 60_000; t += 500) {
      sim.write('k', `v${t}`);
      await sim.runFor(500);
    }
    expect(await host.goLive()).toEqual([]);
    expect(requests.filter((k) => k === 'replay').length).toBeGreaterThan(3);
    expect(requests.filter((k) => k === 'boot').length).toBe(3);
    for (const id of sim.nodeIds()) {
      const held = await host.inspect(id as NodeId);
      const kept = sim.inspect(id);
      expect(held?.disk.currentTerm).toBe(kept.currentTerm);
      expect(held?.disk.votedFor).toBe(kept.votedFor);
      expect(held?.disk.log).toEqual(JSON.parse(JSON.stringify(kept.log)));
      expect(held?.disk.snapshot?.lastIncludedIndex ?? 0).toBe(kept.logBase);
      expect(held?.commitIndex).toBe(sim.nodeView(id).commitIndex);
    }
    expect(REPLAY_CHUNK).toBeGreaterThan(0);
    host.dispose();
  });

  it('a worker that ends in another state is named, and every worker stops', async () => {
    // A stand-in that loses the last input of each replay request, as a buggy worker might.
    const { host } = wireHost((id) => {
      const w = new WireWorker();
      const post = w.postMessage.bind(w);
      w.postMessage = (m) => {
        const r = JSON.parse(m as string) as WorkerRequest;
        if (r.kind === 'replay' && id === 3)
          post(JSON.stringify({ ...r, inputs: r.inputs.slice(0, -1) }));
        else post(m);
      };
      return w;
    });
    host.replayHere();
    const sim = new AsyncSimulation(OPTIONS, host);
    await sim.settle();
    await script(sim, 0, 1000);
    const failed = await host.goLive();
    expect(failed).toEqual([
      { id: 3, why: 'its worker reached another status than this thread did' },
    ]);
    expect(host.liveWorkers()).toBe(0);
  });

  it('a worker that does not load is named', async () => {
    const { host } = wireHost((id) => {
      const w = new WireWorker();
      if (id === 5) {
        w.terminate();
        queueMicrotask(() => w.onerror?.({ message: 'the worker failed to load' } as ErrorEvent));
      }
      return w;
    });
    host.replayHere();
    const sim = new AsyncSimulation(OPTIONS, host);
    await sim.settle();
    await script(sim, 0, 600);
    const failed = await host.goLive();
    expect(failed.map((f) => f.id)).toEqual([5]);
    expect(failed[0]!.why).toMatch(/failed to load/);
    expect(host.liveWorkers()).toBe(0);
  });

  it('a worker that does not answer its replay in time is named', async () => {
    const started: NodeId[] = [];
    const host = new WorkerHost(
      (id) => {
        started.push(id);
        const w = new WireWorker();
        const post = w.postMessage.bind(w);
        // S1's worker takes the replay and never answers, as a hung thread would.
        w.postMessage = (m) => {
          if (id === 1 && (JSON.parse(m as string) as WorkerRequest).kind === 'replay') return;
          post(m);
        };
        return w;
      },
      { answerMs: 50 },
    );
    host.replayHere();
    const sim = new AsyncSimulation(OPTIONS, host);
    await sim.settle();
    await script(sim, 0, 800);
    const failed = await host.goLive();
    expect(failed).toEqual([{ id: 1, why: 'no answer within 50 ms' }]);
    expect(started.length).toBe(5);
    expect(host.liveWorkers()).toBe(0);
  });

  it('a long replay lets the event loop take turns', async () => {
    const { host } = wireHost();
    host.replayHere();
    const sim = new AsyncSimulation({ nodes: 5, seed: 2 }, host);
    await sim.settle();
    // A task queued before the replay runs while it is under way, not only after it.
    let ranAt = -1;
    setTimeout(() => (ranAt = sim.now), 0);
    for (let t = 0; t < 60_000; t += 20_000) {
      sim.write('k', `v${t}`);
      await sim.runFor(20_000);
    }
    expect(ranAt).toBeGreaterThan(0);
    expect(ranAt).toBeLessThan(20_000);
    host.dispose();
  });

  it('a host stopped while replaying does not go live', async () => {
    const { host, started } = wireHost();
    host.replayHere();
    const sim = new AsyncSimulation(OPTIONS, host);
    await sim.settle();
    await script(sim, 0, 500);
    host.dispose();
    await expect(host.goLive()).rejects.toThrow(/stopped before it went live/);
    expect(started).toEqual([]);
  });

  it('replayHere comes before the first boot; goLive without it changes nothing', async () => {
    const { host, started } = wireHost();
    const sim = new AsyncSimulation({ nodes: 3, seed: 1 }, host);
    await sim.settle();
    expect(() => host.replayHere()).toThrow(/before any node boots/);
    expect(host.replaying()).toBe(false);
    expect(await host.goLive()).toEqual([]);
    expect(started.length).toBe(3);
    expect(host.liveWorkers()).toBe(3);
    host.dispose();
  });
});
