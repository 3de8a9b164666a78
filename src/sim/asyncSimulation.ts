// The same simulation driven through an asynchronous host, such as one Web Worker per node.
// The world still decides everything: each instant's batches go out together, and results are
// merged in node order, so the run is the one the in-process host produces, whatever the threads
// do. The driving itself is the shared driver core's (driver.ts).
import type { NodeId } from '../raft';
import { driveAsync } from './driver';
import type { BootRequest, InputResult, NodeBatch } from './host';
import type { SimOptionsInput } from './options';
import { SimulationBase } from './simulation';

/** A batch the host could not run: the node's runtime failed (threw, never loaded, hung). */
export interface HostFault {
  readonly fault: string;
  /** Set when the runtime did not start or answer within this many wall-clock ms. */
  readonly timedOutMs?: number;
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
  constructor(
    input: SimOptionsInput | undefined,
    private readonly host: AsyncNodeHost,
  ) {
    super(input);
  }

  /** True while a run is in progress; actions wait until it ends. */
  get busy(): boolean {
    return this.driver.busy;
  }

  /**
   * Runs `ms` of virtual time. Inputs that cannot influence each other (closer together than
   * the world's lookahead) go out in one round trip per node, and the results are then committed
   * instant by instant exactly as a step-by-step run would: same events, same trace.
   */
  async runFor(ms: number): Promise<void> {
    const until = this.checkDuration(ms);
    await driveAsync(this.driver, until, this.driver.runFor(until, true), this.host);
  }

  /** Runs until `predicate` holds (checked after each instant) or `maxMs` pass. */
  async runUntil(predicate: (sim: this) => boolean, maxMs: number): Promise<boolean> {
    const until = this.checkDuration(maxMs);
    const check = this.checkPredicate(predicate);
    const holds = () => check(this);
    return driveAsync(this.driver, until, this.driver.runUntil(holds, until), this.host);
  }

  /** Processes the next instant that has events, if any comes by `limitMs` from now. */
  async stepOnce(limitMs = Infinity): Promise<boolean> {
    const until = limitMs === Infinity ? Infinity : this.checkDuration(limitMs);
    return driveAsync(this.driver, until, this.driver.stepOnce(until), this.host);
  }

  /** Boots whatever restarts are pending without advancing time. */
  async settle(): Promise<void> {
    const now = this.world.now;
    await driveAsync(this.driver, now, this.driver.settle(), this.host);
  }

  protected hostCrash(id: NodeId): void {
    this.host.crash(id);
  }
}
