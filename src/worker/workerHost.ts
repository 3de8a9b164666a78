// The asynchronous host that runs each node in its own Web Worker. A crash is terminate(): the
// node's volatile state dies with its thread; a restart is a new worker booted from the disk the
// simulator keeps on the main thread. A worker that throws, fails to load or does not answer in
// time is reported as a fault for the simulator to mark; nothing waits on it forever.
import type { NodeId } from '../raft';
import type { AsyncNodeHost, BootRequest, HostFault, InputResult, NodeBatch } from '../sim';
import { describeValue, isPlainObject, strayKeys } from '../sim';
import type { WorkerAllowances } from './nodeWorker';
import { NodeWorker, WorkerTimeout } from './nodeWorker';
import type { WorkerNodeState, WorkerRequest } from './protocol';
import { PROTOCOL_VERSION, fromWire } from './protocol';
import {
  Doorbell,
  LANE_BYTES,
  MAX_LANE_BYTES,
  lanesAvailable,
  newDoorbell,
  newLane,
} from './sharedLane';

/** The part of a Worker this host uses, so tests can hand in a stand-in. */
export interface WorkerLike {
  postMessage(message: string | WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = (id: NodeId) => WorkerLike;

/**
 * A worker's allowances unless a host is told otherwise. A miss marks the node faulted and the
 * run goes another way, so they are wide: a hung worker is rare, a busy machine is not (a
 * school laptop, or a test machine running other work, has missed an allowance of 2 s).
 */
export const DEFAULT_ALLOWANCES: WorkerAllowances = Object.freeze({
  startMs: 10_000,
  answerMs: 5_000,
});
/** The longest allowance a host takes: ten minutes. */
export const MAX_ALLOWANCE_MS = 600_000;

export class WorkerHost implements AsyncNodeHost {
  private readonly workers = new Map<NodeId, NodeWorker>();
  /** Workers this host has terminated, kept so a test can show they no longer answer. */
  readonly terminated: WorkerLike[] = [];

  /** Rung by every worker's lane answer; null when the host keeps to postMessage. */
  private readonly doorbell: Doorbell | null;

  private readonly allowances: WorkerAllowances;

  /**
   * `allowances`: how long, in wall-clock ms, a worker may take to start (`startMs`) and to
   * answer a step (`answerMs`); either left out keeps its default. `laneBytes`: each worker's
   * shared-memory lane, in bytes each way (sharedLane.ts); 0 keeps every request on
   * postMessage, as a page that is not cross-origin isolated must.
   */
  constructor(
    private readonly factory: WorkerFactory,
    allowances: Partial<WorkerAllowances> = {},
    private readonly laneBytes = lanesAvailable() ? LANE_BYTES : 0,
  ) {
    this.allowances = allowancesFrom(allowances);
    if (!(Number.isInteger(laneBytes) && laneBytes >= 0 && laneBytes <= MAX_LANE_BYTES)) {
      throw new RangeError(
        `laneBytes must be a whole number of bytes from 0 to ${MAX_LANE_BYTES}, not ${String(laneBytes)}`,
      );
    }
    this.doorbell =
      laneBytes > 0 ? new Doorbell(newDoorbell(), () => this.collectLaneAnswers()) : null;
  }

  /** Hands each lane's new answer to its worker; says whether any lane still awaits one. */
  private collectLaneAnswers(): boolean {
    let awaited = false;
    for (const w of this.workers.values()) if (w.collect()) awaited = true;
    return awaited;
  }

  async boot(request: BootRequest): Promise<HostFault | null> {
    this.crash(request.id);
    try {
      const bell = this.doorbell;
      const w = new NodeWorker(this.factory(request.id), this.allowances, () => bell?.listen());
      this.workers.set(request.id, w);
      await w.ready();
      if (bell !== null) await w.openLane(newLane(bell.buffer, this.laneBytes));
      const booted = await w.request(
        (corr) => ({ v: PROTOCOL_VERSION, kind: 'boot', corr, request }),
        this.allowances.startMs,
      );
      if (booted.kind !== 'booted') return { fault: `unexpected answer "${booted.kind}"` };
      w.status = booted.status;
      return null;
    } catch (error) {
      return faultOf(error);
    }
  }

  async stepAll(batches: readonly NodeBatch[]): Promise<(InputResult[] | HostFault)[]> {
    return Promise.all(batches.map((batch) => this.step(batch)));
  }

  private async step(batch: NodeBatch): Promise<InputResult[] | HostFault> {
    const w = this.workers.get(batch.id);
    if (!w) return { fault: 'no worker is running for this node' };
    try {
      const response = await w.request((corr) => ({
        v: PROTOCOL_VERSION,
        kind: 'step',
        corr,
        batch,
      }));
      if (response.kind !== 'stepped' || w.status === null) {
        return { fault: `unexpected answer "${response.kind}"` };
      }
      const results = fromWire(response.results, w.status);
      if (results.length > 0) w.status = results[results.length - 1]!.status;
      return results;
    } catch (error) {
      return faultOf(error);
    }
  }

  crash(id: NodeId): void {
    const w = this.workers.get(id);
    if (!w) return;
    w.fail('the node crashed');
    w.worker.terminate();
    this.terminated.push(w.worker);
    this.workers.delete(id);
  }

  /** Asks a node's worker to answer; resolves false if it does not within `ms`. */
  async ping(id: NodeId, ms = 500): Promise<boolean> {
    const w = this.workers.get(id);
    if (!w) return false;
    return withTimeout(
      w.request((corr) => ({ v: PROTOCOL_VERSION, kind: 'ping', corr })),
      ms,
    );
  }

  /** What the node's worker itself holds, or null when it has none or does not answer. */
  async inspect(id: NodeId): Promise<WorkerNodeState | null> {
    const w = this.workers.get(id);
    if (!w) return null;
    try {
      const response = await w.request((corr) => ({ v: PROTOCOL_VERSION, kind: 'inspect', corr }));
      return response.kind === 'inspected' ? response.node : null;
    } catch {
      return null;
    }
  }

  /** Test hook: make one node's worker throw on its next step, or hang. */
  sabotage(id: NodeId, how: 'throw' | 'hang'): void {
    // A hung worker never answers: its watchdog fails the request, which nobody awaits.
    void this.workers
      .get(id)
      ?.request((corr) => ({ v: PROTOCOL_VERSION, kind: 'sabotage', corr, how }))
      .catch(() => {});
  }

  /** Requests and answers by lane and by postMessage, summed over the running workers. */
  traffic(): NodeWorker['traffic'] {
    const sum = { requestsByLane: 0, requestsPosted: 0, answersByLane: 0, answersPosted: 0 };
    for (const w of this.workers.values()) {
      for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += w.traffic[key];
    }
    return sum;
  }

  liveWorkers(): number {
    return this.workers.size;
  }

  dispose(): void {
    for (const id of [...this.workers.keys()]) this.crash(id);
  }
}

/** Resolves true if `promise` settles successfully within `ms`, else false. */
export function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => (clearTimeout(timer), resolve(true)),
      () => (clearTimeout(timer), resolve(false)),
    );
  });
}

/** `given` checked and completed with the defaults; a clear error for anything else. */
function allowancesFrom(given: unknown): WorkerAllowances {
  if (!isPlainObject(given)) {
    throw new TypeError(
      `allowances must be an object such as { answerMs: 5000 }, not ${describeValue(given)}`,
    );
  }
  const names = Object.keys(DEFAULT_ALLOWANCES) as (keyof WorkerAllowances)[];
  const stray = strayKeys(given, names);
  if (stray.length > 0) {
    throw new RangeError(`allowances has no ${stray.join(', ')} (it has ${names.join(', ')})`);
  }
  const result = { ...DEFAULT_ALLOWANCES };
  for (const name of names) {
    if (!Object.hasOwn(given, name)) continue;
    const ms = given[name];
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1 || ms > MAX_ALLOWANCE_MS) {
      throw new RangeError(
        `allowances.${name} must be a whole number of ms from 1 to ${MAX_ALLOWANCE_MS}, not ${describeValue(ms)}`,
      );
    }
    result[name] = ms;
  }
  return result;
}

/** A failed request as the simulator is told of it: a missed allowance says so, with its ms. */
function faultOf(error: unknown): HostFault {
  if (error instanceof WorkerTimeout) return { fault: error.message, timedOutMs: error.ms };
  return { fault: error instanceof Error ? error.message : String(error) };
}
