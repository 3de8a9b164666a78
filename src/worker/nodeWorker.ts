// One node's worker as the host talks to it (worker layer): requests in flight by correlation
// id, one watchdog for all of them, and, when the page can share memory, the worker's lane
// (sharedLane.ts). In a lane one request is out at a time; the rest wait their turn here.
import type { NodeStatus } from '../sim';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { PROTOCOL_VERSION, decode, encode } from './protocol';
import type { LaneSetup } from './sharedLane';
import { HostLane } from './sharedLane';
import type { WorkerLike } from './workerHost';

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
  /** When the request has waited too long (performance.now() time). */
  deadline: number;
  /** How long it was allowed, for the message when it fails. */
  allowanceMs: number;
}

/**
 * How long a worker may take, in wall-clock ms. Its first contact (loading its script, the
 * handshake, its lane and its node's boot) gets more than a step: a new worker on a busy page
 * compiles its script while everything else runs, and a missed allowance is a faulted node and
 * a different history.
 */
export interface WorkerAllowances {
  readonly startMs: number;
  readonly answerMs: number;
}

/** A worker that did not start, or answer, within its allowance of `ms`. */
export class WorkerTimeout extends Error {
  constructor(
    message: string,
    readonly ms: number,
  ) {
    super(message);
    this.name = 'WorkerTimeout';
  }
}

export class NodeWorker {
  private readonly pending = new Map<number, Pending>();
  private nextCorr = 1;
  /**
   * One watchdog per worker instead of a timer per request: a request answered in microseconds
   * paid for a setTimeout and a clearTimeout each, a few per cent of a busy run's main thread.
   * It fires at the earliest deadline while requests are pending and fails those past theirs;
   * answered requests simply leave the map.
   */
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  /** When the watchdog fires (performance.now() time); Infinity when it is not set. */
  private watchdogAt = Infinity;
  private readonly readyPromise: Promise<void>;
  /** Until the worker says it is ready: its start timer, and how to give up waiting. */
  private starting: { timer: ReturnType<typeof setTimeout>; reject(e: Error): void } | null;
  private lane: HostLane | null = null;
  /**
   * The correlation id of the request the lane holds, not yet answered (null: none); `waiting`
   * go out, in order, after it.
   */
  private laneCorr: number | null = null;
  private readonly waiting: { corr: number; text: string }[] = [];
  /** How requests went out and answers came back since the lane opened (for tests and benches). */
  readonly traffic = { requestsByLane: 0, requestsPosted: 0, answersByLane: 0, answersPosted: 0 };
  failure: string | null = null;
  /** The status the node reported last: what an answer's unchanged statuses stand for. */
  status: NodeStatus | null = null;

  /** `onLaneSend` runs after each request written into the lane (the host listens for answers). */
  constructor(
    readonly worker: WorkerLike,
    private readonly allowances: WorkerAllowances,
    private readonly onLaneSend: () => void = () => {},
  ) {
    const { startMs } = allowances;
    this.starting = null;
    this.readyPromise = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new WorkerTimeout(`did not start within ${startMs} ms`, startMs)),
        startMs,
      );
      this.starting = { timer, reject };
      worker.onmessage = (event) => {
        if (decode<WorkerResponse>(event.data).kind === 'ready') {
          clearTimeout(timer);
          this.starting = null;
          worker.onmessage = (e) => {
            if (this.lane !== null) this.traffic.answersPosted++;
            this.onResponse(decode<WorkerResponse>(e.data));
          };
          resolve();
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        this.fail(event.message || 'the worker failed to load');
      };
      worker.onmessageerror = () => this.fail('a message could not be decoded');
    });
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Opens a lane over `setup`; every request after this one goes by it. */
  async openLane(setup: LaneSetup): Promise<void> {
    // Posted as an object, not JSON: it carries shared buffers.
    await this.track(
      (corr) => this.worker.postMessage({ v: PROTOCOL_VERSION, kind: 'lane', corr, lane: setup }),
      this.allowances.startMs,
    );
    this.lane = new HostLane(setup);
  }

  /** `allowanceMs`: how long the answer may take (a step's allowance unless told). */
  request(
    build: (corr: number) => WorkerRequest,
    allowanceMs = this.allowances.answerMs,
  ): Promise<WorkerResponse> {
    return this.track((corr) => {
      const text = encode(build(corr));
      if (this.lane === null) return this.worker.postMessage(text);
      this.waiting.push({ corr, text });
      this.sendWaiting();
    }, allowanceMs);
  }

  /** The lane's answer, if one came since the last look; says whether one is still awaited. */
  collect(): boolean {
    if (this.laneCorr === null || this.lane === null) return false;
    const answer = this.lane.take();
    if (answer === null) return true;
    this.traffic.answersByLane++;
    this.onResponse(decode<WorkerResponse>(answer));
    return this.laneCorr !== null;
  }

  /**
   * Every request in flight fails with `message`, and so does a start not yet answered (a crash
   * while the worker loads is a crash, not a late start); later requests fail at once.
   */
  fail(message: string): void {
    this.failure ??= message;
    if (this.starting !== null) {
      clearTimeout(this.starting.timer);
      this.starting.reject(new Error(message));
      this.starting = null;
    }
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
    this.watchAt(Infinity);
  }

  /** A request with a new correlation id, sent by `send`, answered through `pending`. */
  private track(send: (corr: number) => void, allowanceMs: number): Promise<WorkerResponse> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    const corr = this.nextCorr++;
    return new Promise((resolve, reject) => {
      const deadline = performance.now() + allowanceMs;
      this.pending.set(corr, { resolve, reject, deadline, allowanceMs });
      if (deadline < this.watchdogAt) this.watchAt(deadline);
      send(corr);
    });
  }

  /** Sets the watchdog to fire at `at` (performance.now() time), or clears it for Infinity. */
  private watchAt(at: number): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdogAt = at;
    this.watchdog =
      at < Infinity ? setTimeout(() => this.expire(), Math.max(0, at - performance.now())) : null;
  }

  /** The next waiting request goes into the lane, or by postMessage when it is too long. */
  private sendWaiting(): void {
    if (this.laneCorr !== null || this.lane === null) return;
    const next = this.waiting.shift();
    if (next === undefined) return;
    this.laneCorr = next.corr;
    if (this.lane.send(next.text)) this.traffic.requestsByLane++;
    else {
      this.traffic.requestsPosted++;
      this.worker.postMessage(next.text);
    }
    this.onLaneSend();
  }

  /**
   * Fails every request past its deadline, and watches again while any is still pending. An
   * answer already in the lane counts first: when the page was busy, this timer can run before
   * the doorbell's wake-up does, and a worker that answered in time is not a hung one.
   */
  private expire(): void {
    this.watchdog = null;
    this.collect();
    const now = performance.now();
    let next = Infinity;
    for (const [corr, p] of this.pending) {
      if (p.deadline <= now) {
        this.pending.delete(corr);
        // The lane's turns tell a worker that never read the request from one that never
        // finished it (or a host that never heard).
        const turns = this.lane === null ? '' : ` (lane: ${this.lane.turns()})`;
        p.reject(new WorkerTimeout(`no answer within ${p.allowanceMs} ms${turns}`, p.allowanceMs));
      } else next = Math.min(next, p.deadline);
    }
    this.watchAt(next);
  }

  private onResponse(response: WorkerResponse): void {
    if (response.kind === 'ready') return;
    // In a lane, the answer to the one request out (by the lane or by postMessage) frees the
    // lane for the next; an answer to anything else cannot, or the real one would go unread.
    if (this.lane !== null && response.corr === this.laneCorr) {
      this.laneCorr = null;
      this.sendWaiting();
    }
    const p = this.pending.get(response.corr);
    if (!p) return;
    this.pending.delete(response.corr);
    if (response.kind === 'error') p.reject(new Error(response.message));
    else p.resolve(response);
  }
}
