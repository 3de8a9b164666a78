// The same simulation driven through an asynchronous host, such as one Web Worker per node.
// The world still decides everything: each instant's batches go out together, and results are
// merged in node order, so the run is the one the in-process host produces, whatever the threads do.
import type { NodeId } from '../raft';
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

  async runFor(ms: number): Promise<void> {
    const until = this.checkDuration(ms);
    await this.exclusive(async () => {
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
    const results: InputResult[][] = d.batches.map(() => []);
    live.forEach((batch, i) => {
      const outcome = outcomes[i];
      if (!outcome || 'fault' in outcome) this.fail(batch.id, outcome?.fault ?? 'no answer');
      else results[d.batches.indexOf(batch)] = outcome;
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
