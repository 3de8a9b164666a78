// The same simulation driven through an asynchronous host, such as one Web Worker per node.
// The world still decides everything: each instant's batches go out together, and results are
// merged in node order, so the run is the one the in-process host produces, whatever the threads do.
import type { Input, NodeId } from '../raft';
import type { BootRequest, InputResult, NodeBatch } from './host';
import type { SimOptionsInput } from './options';
import { SimulationBase } from './simulation';
import type { Dispatch } from './world';

/** A batch the host could not run: the node's runtime failed (threw, never loaded, hung). */
export interface HostFault {
  readonly fault: string;
}

export interface AsyncNodeHost {
  /** Starts (or restarts) a node from its disk. A failure is reported, not thrown. */
  boot(request: BootRequest): Promise<HostFault | null>;
  /** Runs every batch; one outcome per batch, in the same order. */
  stepAll(batches: readonly NodeBatch[]): Promise<(InputResult[] | HostFault)[]>;
  /** Stops the node at once; its volatile state is gone. */
  crash(id: NodeId): void;
}

export class AsyncSimulation extends SimulationBase {
  private running = false;

  constructor(
    input: SimOptionsInput | undefined,
    private readonly host: AsyncNodeHost,
  ) {
    super(input);
  }

  /** True while a run is in progress; actions wait until it ends. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * Runs `ms` of virtual time. Inputs that cannot influence each other (closer together than
   * the world's lookahead) go out in one round trip per node, and the results are then committed
   * instant by instant exactly as a step-by-step run would: same events, same trace.
   */
  async runFor(ms: number): Promise<void> {
    const until = this.checkDuration(ms);
    await this.exclusive(async () => {
      await this.bootAll(this.world.takeBoots());
      for (let plan = this.world.planWindow(until); plan; plan = this.world.planWindow(until)) {
        const live = plan.batches.filter((b) => this.world.node(b.id).alive);
        const prefetched = new Prefetched(live, live.length ? await this.host.stepAll(live) : []);
        for (let d = this.world.nextDispatch(plan.end); d; d = this.world.nextDispatch(plan.end)) {
          this.commitWith(d, (batch) => prefetched.take(batch));
        }
      }
      for (let d = this.world.nextDispatch(until); d; d = this.world.nextDispatch(until)) {
        await this.execute(d);
      }
      this.world.now = until;
    });
  }

  /** Runs until `predicate` holds (checked after each instant) or `maxMs` pass. */
  async runUntil(predicate: (sim: this) => boolean, maxMs: number): Promise<boolean> {
    const until = this.checkDuration(maxMs);
    return this.exclusive(async () => {
      if (predicate(this)) return true;
      for (let d = this.world.nextDispatch(until); d; d = this.world.nextDispatch(until)) {
        await this.execute(d);
        if (predicate(this)) return true;
      }
      this.world.now = until;
      return predicate(this);
    });
  }

  /** Processes the next instant that has events, if any comes by `limitMs` from now. */
  async stepOnce(limitMs = Infinity): Promise<boolean> {
    const until = limitMs === Infinity ? Infinity : this.checkDuration(limitMs);
    return this.exclusive(async () => {
      const d = this.world.nextDispatch(until);
      if (d) await this.execute(d);
      return d !== null;
    });
  }

  /** Boots whatever restarts are pending without advancing time. */
  async settle(): Promise<void> {
    await this.exclusive(async () => this.bootAll(this.world.takeBoots()));
  }

  private async execute(d: Dispatch): Promise<void> {
    await this.bootAll(d.boots);
    const live = d.batches.filter((b) => this.world.node(b.id).alive);
    const outcomes = await this.host.stepAll(live);
    this.commitWith(d, (batch) => outcomes[live.indexOf(batch)]);
  }

  /** Commits `d`, failing every node whose outcome is a fault (or missing). */
  private commitWith(
    d: Dispatch,
    outcomeOf: (b: NodeBatch) => InputResult[] | HostFault | undefined,
  ): void {
    const results: InputResult[][] = d.batches.map(() => []);
    d.batches.forEach((batch, i) => {
      if (!this.world.node(batch.id).alive) return;
      const outcome = outcomeOf(batch);
      if (!outcome || 'fault' in outcome) this.fail(batch.id, outcome?.fault ?? 'no answer');
      else results[i] = outcome;
    });
    this.world.commit(d, results);
  }

  private async bootAll(boots: readonly BootRequest[]): Promise<void> {
    for (const boot of boots) {
      const fault = await this.host.boot(boot);
      if (fault) this.fail(boot.id, fault.fault);
    }
  }

  /** A node whose runtime failed is stopped and marked; the rest of the cluster goes on. */
  private fail(id: NodeId, fault: string): void {
    const record = this.world.node(id);
    if (!record.alive) return;
    this.world.halt(record, fault);
    this.host.crash(id);
    this.world.action('fault', id, `S${id} runtime failed: ${fault}`);
  }

  private async exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (this.running) throw new Error('the simulation is already running; wait for it to finish');
    this.running = true;
    try {
      return await run();
    } finally {
      this.running = false;
    }
  }

  protected override beforeAction(): void {
    if (this.running) throw new Error('the simulation is running; act between runs');
  }

  protected hostCrash(id: NodeId): void {
    this.host.crash(id);
  }
}

/**
 * The results of one window's inputs, handed out batch by batch as the world asks for them. A
 * planned tick the world no longer fires (an earlier input moved the timer past the window) was
 * a no-op for the node and is skipped; anything else out of step is a bug, reported as a fault.
 */
class Prefetched {
  private readonly queues = new Map<
    NodeId,
    { inputs: readonly Input[]; results: InputResult[] | HostFault; next: number }
  >();

  constructor(batches: readonly NodeBatch[], outcomes: readonly (InputResult[] | HostFault)[]) {
    batches.forEach((b, i) =>
      this.queues.set(b.id, {
        inputs: b.inputs,
        results: outcomes[i] ?? { fault: 'no answer' },
        next: 0,
      }),
    );
  }

  take(batch: NodeBatch): InputResult[] | HostFault {
    const q = this.queues.get(batch.id);
    if (!q) return { fault: 'an input arrived that the lookahead did not plan' };
    if ('fault' in q.results) return q.results;
    const out: InputResult[] = [];
    for (const input of batch.inputs) {
      while (q.next < q.inputs.length && !sameInput(q.inputs[q.next]!, input)) {
        if (q.inputs[q.next]!.kind !== 'tick')
          return { fault: 'the lookahead planned an input that never came' };
        q.next++;
      }
      const result = q.results[q.next++];
      if (!result) return { fault: 'an input arrived that the lookahead did not plan' };
      out.push(result);
    }
    return out;
  }
}

function sameInput(a: Input, b: Input): boolean {
  if (a.kind !== b.kind || a.now !== b.now) return false;
  return a.kind !== 'message' || (b.kind === 'message' && a.message === b.message);
}
