// The asynchronous host that runs each node in its own Web Worker. A crash is terminate(): the
// node's volatile state dies with its thread; a restart is a new worker booted from the disk the
// simulator keeps on the main thread. A worker that throws, fails to load or does not answer in
// time is reported as a fault for the simulator to mark; nothing waits on it forever.
import type { NodeId } from '../raft';
import type {
  AsyncNodeHost,
  BootRequest,
  HostFault,
  InputResult,
  NodeBatch,
  NodeStatus,
} from '../sim';
import type { WorkerNodeState, WorkerRequest, WorkerResponse } from './protocol';
import { PROTOCOL_VERSION, decode, encode, fromWire } from './protocol';

/** The part of a Worker this host uses, so tests can hand in a stand-in. */
export interface WorkerLike {
  postMessage(message: string | WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = (id: NodeId) => WorkerLike;

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

class NodeWorker {
  private readonly pending = new Map<number, Pending>();
  private nextCorr = 1;
  private readonly readyPromise: Promise<void>;
  failure: string | null = null;
  /** The status the node reported last: what an answer's unchanged statuses stand for. */
  status: NodeStatus | null = null;

  constructor(
    readonly worker: WorkerLike,
    private readonly timeoutMs: number,
  ) {
    this.readyPromise = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`did not start within ${timeoutMs} ms`)),
        timeoutMs,
      );
      worker.onmessage = (event) => {
        if (decode<WorkerResponse>(event.data).kind === 'ready') {
          clearTimeout(timer);
          worker.onmessage = (e) => this.onResponse(decode<WorkerResponse>(e.data));
          resolve();
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        clearTimeout(timer);
        const message = event.message || 'the worker failed to load';
        this.fail(message);
        reject(new Error(message));
      };
      worker.onmessageerror = () => this.fail('a message could not be decoded');
    });
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  request(build: (corr: number) => WorkerRequest): Promise<WorkerResponse> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    const corr = this.nextCorr++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(corr);
        reject(new Error(`no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(corr, { resolve, reject, timer });
      this.worker.postMessage(encode(build(corr)));
    });
  }

  private onResponse(response: WorkerResponse): void {
    if (response.kind === 'ready') return;
    const p = this.pending.get(response.corr);
    if (!p) return;
    this.pending.delete(response.corr);
    clearTimeout(p.timer);
    if (response.kind === 'error') p.reject(new Error(response.message));
    else p.resolve(response);
  }

  /** Every request in flight fails with `message`; later ones fail at once. */
  fail(message: string): void {
    this.failure ??= message;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(message));
    }
    this.pending.clear();
  }
}

export class WorkerHost implements AsyncNodeHost {
  private readonly workers = new Map<NodeId, NodeWorker>();
  /** Workers this host has terminated, kept so a test can show they no longer answer. */
  readonly terminated: WorkerLike[] = [];

  constructor(
    private readonly factory: WorkerFactory,
    private readonly timeoutMs = 2000,
  ) {}

  async boot(request: BootRequest): Promise<HostFault | null> {
    this.crash(request.id);
    try {
      const w = new NodeWorker(this.factory(request.id), this.timeoutMs);
      this.workers.set(request.id, w);
      await w.ready();
      const booted = await w.request((corr) => ({
        v: PROTOCOL_VERSION,
        kind: 'boot',
        corr,
        request,
      }));
      if (booted.kind !== 'booted') return { fault: `unexpected answer "${booted.kind}"` };
      w.status = booted.status;
      return null;
    } catch (error) {
      return { fault: messageOf(error) };
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
      return { fault: messageOf(error) };
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
    this.workers
      .get(id)
      ?.worker.postMessage({ v: PROTOCOL_VERSION, kind: 'sabotage', corr: 0, how });
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
