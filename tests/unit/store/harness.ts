// Test harness for the store: an in-process cluster and a scheduler the test advances by hand.
import { AsyncSimulation, describeMessage } from '../../../src/sim';
import type { LabStore, Persistence, RuntimeFactory, Scheduler } from '../../../src/store';
import { createLabStore, selectFrame } from '../../../src/store';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';

export const inProcess: RuntimeFactory = async (options) => {
  const sim = new AsyncSimulation(options, new InProcessAsyncHost());
  await sim.settle();
  return { sim };
};

export class ManualScheduler implements Scheduler {
  private callbacks: ((realMs: number) => void)[] = [];
  realMs = 0;

  next(callback: (realMs: number) => void): () => void {
    this.callbacks.push(callback);
    return () => {
      this.callbacks = this.callbacks.filter((c) => c !== callback);
    };
  }

  /** Advances the real clock by `ms` and runs the callbacks that were waiting. */
  frame(ms: number): void {
    this.realMs += ms;
    const due = this.callbacks;
    this.callbacks = [];
    for (const c of due) c(this.realMs);
  }
}

export function memoryPersistence(query = ''): Persistence & { query: string } {
  const saved = new Map<string, string>();
  return {
    query,
    readQuery() {
      return this.query;
    },
    writeQuery(q) {
      this.query = q;
    },
    load: (k) => saved.get(k) ?? null,
    save: (k, v) => void saved.set(k, v),
  };
}

export async function startedStore(query = 'n=3&seed=7'): Promise<{
  store: LabStore;
  scheduler: ManualScheduler;
}> {
  const scheduler = new ManualScheduler();
  const store = createLabStore({
    runtime: inProcess,
    scheduler,
    persistence: memoryPersistence(query),
  });
  await store.getState().start();
  return { store, scheduler };
}

/** Lets queued store tasks (each awaiting the in-process host) finish. */
export async function settle(store: LabStore): Promise<void> {
  await store.getState().whenIdle();
}

/** The parts of a frame a person sees, as plain data for deep comparison. */
export function visible(store: LabStore) {
  const f = selectFrame(store.getState())!;
  return {
    seq: f.seq,
    at: f.at,
    nodes: f.nodes.map((n) => ({
      id: n.id,
      role: n.role,
      term: n.term,
      alive: n.alive,
      votedFor: n.votedFor,
      commitIndex: n.commitIndex,
      log: n.log.entries.slice(0, n.log.length),
    })),
    flights: f.flights.map((m) => ({
      id: m.id,
      summary: describeMessage(m.message),
      lostAt: m.lostAt,
    })),
    requests: f.requests.map((r) => ({ id: r.id, stage: r.stage })),
  };
}

/** Plays at 1000 virtual ms per real second for about `virtualMs`, one 100 ms display frame at a time. */
export async function playFor(
  store: LabStore,
  scheduler: ManualScheduler,
  virtualMs: number,
): Promise<void> {
  store.getState().setSpeed(1000);
  store.getState().play();
  scheduler.frame(0);
  for (let t = 0; t < virtualMs && store.getState().playing; t += 100) {
    scheduler.frame(100);
    await settle(store);
  }
  store.getState().pause();
}
