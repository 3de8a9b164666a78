// The asynchronous host that runs each node in its own Web Worker. A crash is terminate(): the
// node's volatile state dies with its thread; a restart is a new worker booted from the disk the
// simulator keeps on the main thread. A worker that throws, fails to load or does not answer in
// time is reported as a fault for the simulator to mark; nothing waits on it forever.
//
// A rebuild (a run from a link or a file, a branch, an act in the past) computes every event of
// a run again. Through workers that is a round trip per instant per node; in this thread the same
// events take a fraction of the time. So a host told to `replayHere` first runs its nodes here,
// keeping each one's boot and inputs; `goLive` then starts their workers, which step through the
// same inputs in one go and must reach the very status this thread reached.
import type { Input, NodeId } from '../raft';
import type {
  AsyncNodeHost,
  BootRequest,
  HostFault,
  InputResult,
  NodeBatch,
  NodeStatus,
} from '../sim';
import { InProcessHost, describeValue, isPlainObject, strayKeys } from '../sim';
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

/** How many inputs one replay request carries when a node goes live. */
export const REPLAY_CHUNK = 2_000;
/** While replaying here, how many instants the page steps between two turns of its event loop. */
const TURN_EVERY = 512;

/** A node run in this thread until its worker takes over: its boot, its inputs, its status. */
interface HereNode {
  readonly request: BootRequest;
  readonly inputs: Input[];
  status: NodeStatus;
}

export class WorkerHost implements AsyncNodeHost {
  private readonly workers = new Map<NodeId, NodeWorker>();
  /** While replaying here (see replayHere): the nodes this thread runs; null once live. */
  private here: { readonly host: InProcessHost; readonly nodes: Map<NodeId, HereNode> } | null =
    null;
  /** Instants stepped here since the page last took a turn. */
  private sinceTurn = 0;
  /** Set by dispose: the host never goes live after it. */
  private disposed = false;
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

  /**
   * From now until `goLive`, nodes boot and step in this thread, with no worker started; only
   * before the first boot. For rebuilding a run: the same pure core gives the same results.
   */
  replayHere(): void {
    if (this.workers.size > 0 || this.here !== null) {
      throw new Error('replayHere comes before any node boots');
    }
    this.here = { host: new InProcessHost(), nodes: new Map() };
  }

  /** Whether nodes still run in this thread (between replayHere and goLive). */
  replaying(): boolean {
    return this.here !== null;
  }

  /**
   * Hands every node running here to a worker of its own: the worker boots as the node did and
   * steps through the same inputs, REPLAY_CHUNK at a time, and its status after them must be the
   * one reached here. From then on every step goes to the workers. Resolves the nodes whose
   * worker failed, timed out or ended elsewhere (`why` says which); if any, every worker is
   * stopped and nothing runs on. Called while no run is under way; rejects once disposed.
   */
  async goLive(): Promise<{ readonly id: NodeId; readonly why: string }[]> {
    if (this.disposed) throw new Error('the cluster was stopped before it went live');
    const here = this.here;
    if (here === null) return [];
    this.here = null;
    const live = [...here.nodes.values()];
    const problems = await Promise.all(live.map((n) => this.handOver(n)));
    const failed = live.flatMap((n, i) => {
      const why = problems[i];
      return why == null ? [] : [{ id: n.request.id, why }];
    });
    if (failed.length > 0) this.dispose();
    return failed;
  }

  /** One node's hand-over to its worker; null when done, else what went wrong. */
  private async handOver(node: HereNode): Promise<string | null> {
    const fault = await this.boot(node.request);
    if (fault !== null) return fault.fault;
    const w = this.workers.get(node.request.id)!;
    try {
      let status = w.status;
      for (let i = 0; i < node.inputs.length; i += REPLAY_CHUNK) {
        const inputs = node.inputs.slice(i, i + REPLAY_CHUNK);
        const answer = await w.request((corr) => ({
          v: PROTOCOL_VERSION,
          kind: 'replay',
          corr,
          inputs,
        }));
        if (answer.kind !== 'replayed') return `unexpected answer "${answer.kind}"`;
        status = answer.status;
      }
      // Both came from the same code, so the same status has its fields in the same order.
      if (JSON.stringify(status) !== JSON.stringify(node.status)) {
        return 'its worker reached another status than this thread did';
      }
      w.status = node.status;
      return null;
    } catch (error) {
      return faultOf(error).fault;
    }
  }

  async boot(request: BootRequest): Promise<HostFault | null> {
    if (this.here !== null) {
      const status = this.here.host.boot(request);
      this.here.nodes.set(request.id, { request, inputs: [], status });
      return null;
    }
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
    const results = await Promise.all(batches.map((batch) => this.step(batch)));
    // Stepping here answers at once, so a replay would hold the page for its whole length:
    // every TURN_EVERY instants it lets the page take a turn (paint, input) before going on.
    if (this.here !== null && ++this.sinceTurn >= TURN_EVERY) {
      this.sinceTurn = 0;
      await nextTask();
    }
    return results;
  }

  private async step(batch: NodeBatch): Promise<InputResult[] | HostFault> {
    const node = this.here?.nodes.get(batch.id);
    if (node) {
      const results = this.here!.host.step(batch);
      for (const input of batch.inputs) node.inputs.push(input);
      if (results.length > 0) node.status = results[results.length - 1]!.status;
      return results;
    }
    if (this.here !== null) return { fault: 'no node is running here for this id' };
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
    if (this.here?.nodes.delete(id)) this.here.host.crash(id);
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
    this.disposed = true;
    this.here = null;
    for (const id of [...this.workers.keys()]) this.crash(id);
  }
}

/**
 * Resolves in a task of its own, so the event loop takes a turn first; a message to oneself is
 * not held back the way a chain of zero-delay timers is (4 ms each in a browser).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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
