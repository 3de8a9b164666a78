// Only the host may fault a node, and only for a real runtime failure it reports (a worker that
// threw, hung or never loaded). A disagreement inside the simulator is its own bug: it throws as
// one ("simulator bug: …") and never shows up as a crashed node.
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../src/raft';
import type {
  AsyncNodeHost,
  BootRequest,
  HostFault,
  InputResult,
  NodeBatch,
} from '../../../src/sim';
import { AsyncSimulation, createSimulation, runtimeFaults } from '../../../src/sim';
import { Prefetched } from '../../../src/sim/prefetched';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';

/** An in-process host that can be told to fail one node, or to answer out of contract. */
class FlakyHost implements AsyncNodeHost {
  private readonly inner = new InProcessAsyncHost();
  failBootOf: NodeId | null = null;
  failStepOf: NodeId | null = null;
  dropAnAnswer = false;
  readonly crashed: NodeId[] = [];

  async boot(request: BootRequest): Promise<HostFault | null> {
    if (request.id === this.failBootOf) return { fault: 'the worker failed to load' };
    return this.inner.boot(request);
  }

  async stepAll(batches: readonly NodeBatch[]): Promise<(InputResult[] | HostFault)[]> {
    const out = await this.inner.stepAll(batches);
    if (this.dropAnAnswer && out.length > 0) out.pop();
    return batches.map((b, i) =>
      b.id === this.failStepOf ? { fault: 'no answer within 2000 ms', timedOutMs: 2000 } : out[i]!,
    );
  }

  crash(id: NodeId): void {
    this.crashed.push(id);
    this.inner.crash(id);
  }
}

const faulted = (sim: AsyncSimulation) =>
  sim.nodeIds().filter((id) => sim.nodeView(id).fault !== null);

describe('a failure the host reports', () => {
  it('stops that node with a coded fault, and the rest of the cluster goes on', async () => {
    const host = new FlakyHost();
    const sim = new AsyncSimulation({ seed: 1 }, host);
    await sim.runFor(500);
    host.failStepOf = 2 as NodeId;
    await sim.runFor(500);
    expect(faulted(sim)).toEqual([2]);
    // A missed allowance is coded as one: the screen says the machine was slow, not Raft.
    expect(sim.nodeView(2).fault).toEqual({ code: 'runtimeTimedOut', ms: 2000 });
    expect(sim.nodeView(2).alive).toBe(false);
    expect(host.crashed).toContain(2);
    expect(sim.traceLines().filter((l) => l.includes('runtime'))).toEqual([
      expect.stringMatching(/S2 runtime timed out: no answer within 2000 ms$/),
    ]);
    // What a run through workers reports when it rejects (digestThroughWorkers).
    const at = sim.trace().find((e) => e.kind === 'action' && e.action === 'fault')!.at;
    expect(runtimeFaults(sim.trace())).toEqual([
      `${at} ms: S2 runtime timed out: no answer within 2000 ms`,
    ]);
    expect(sim.leader()).not.toBeNull();
  });

  it('is what a run reports, and a staged disk (a fault action too) is not', () => {
    const sim = createSimulation({ seed: 1, nodes: 3 });
    sim.runFor(300);
    sim.crash(3);
    sim.setDisk(3, { currentTerm: 1, votedFor: null, log: [] });
    expect(sim.trace().some((e) => e.kind === 'action' && e.action === 'fault')).toBe(true);
    expect(runtimeFaults(sim.trace())).toEqual([]);
  });

  it('at boot stops that node too, and a later restart clears the fault', async () => {
    const host = new FlakyHost();
    const sim = new AsyncSimulation({ seed: 1, nodes: 3 }, host);
    await sim.runFor(300);
    sim.crash(3);
    host.failBootOf = 3 as NodeId;
    sim.restart(3);
    await sim.runFor(100);
    expect(sim.nodeView(3).fault).toEqual({
      code: 'runtimeFailed',
      detail: 'the worker failed to load',
    });
    host.failBootOf = null;
    sim.restart(3);
    await sim.runFor(100);
    expect(faulted(sim)).toEqual([]);
  });
});

describe('boots started together', () => {
  it('mark their faults in the order the nodes were listed, whatever order the answers come in', async () => {
    // Every node boots at once; the later a node is listed, the sooner its answer comes.
    class ReversedHost extends InProcessAsyncHost {
      override async boot(request: BootRequest): Promise<HostFault | null> {
        await new Promise((resolve) => setTimeout(resolve, 2 * (6 - request.id)));
        if (request.id === 2 || request.id === 4) return { fault: `S${request.id} failed to load` };
        return super.boot(request);
      }
    }
    const sim = new AsyncSimulation({ seed: 1, nodes: 5 }, new ReversedHost());
    await sim.settle();
    const faults = sim.traceLines().filter((l) => l.includes('runtime failed'));
    expect(faults.map((l) => l.match(/S\d runtime failed: .*/)![0])).toEqual([
      'S2 runtime failed: S2 failed to load',
      'S4 runtime failed: S4 failed to load',
    ]);
    expect(faulted(sim)).toEqual([2, 4]);
  });
});

describe('a disagreement inside the simulator', () => {
  it('throws as a simulator bug when the host answers fewer batches than it was given', async () => {
    const host = new FlakyHost();
    const sim = new AsyncSimulation({ seed: 1 }, host);
    await sim.runFor(300);
    host.dropAnAnswer = true;
    await expect(sim.runFor(500)).rejects.toThrow(/^simulator bug: /);
    expect(faulted(sim)).toEqual([]);
    expect(sim.busy).toBe(false);
  });

  it('throws as a simulator bug when a window is asked for an input it did not plan', () => {
    const planned = { id: 1 as NodeId, inputs: [{ kind: 'tick' as const, now: 5 }] };
    const window = new Prefetched([planned], [[]]);
    // The planned tick may be skipped (made moot), but the timeout was never planned.
    expect(() => window.take({ id: 1 as NodeId, inputs: [{ kind: 'timeout', now: 5 }] })).toThrow(
      /^simulator bug: an input arrived that the lookahead did not plan/,
    );
    expect(() => window.take({ id: 2 as NodeId, inputs: [] })).toThrow(/^simulator bug: /);
  });

  it('throws as a simulator bug when a planned input other than a tick never comes', () => {
    const planned = { id: 1 as NodeId, inputs: [{ kind: 'timeout' as const, now: 5 }] };
    const window = new Prefetched([planned], [[]]);
    expect(() => window.take({ id: 1 as NodeId, inputs: [{ kind: 'tick', now: 6 }] })).toThrow(
      /^simulator bug: the lookahead planned an input that never came/,
    );
  });
});
