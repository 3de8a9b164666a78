// The worker host's watchdog: a request a worker never answers fails after its allowance (a
// start's or a step's), counted from when that request was sent, while answered requests are
// never failed late; a crash while a worker starts ends the wait at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NodeId } from '../../../src/raft';
import type { WorkerRequest, WorkerResponse } from '../../../src/worker/protocol';
import { PROTOCOL_VERSION, decode, encode } from '../../../src/worker/protocol';
import { NodeWorker } from '../../../src/worker/nodeWorker';
import type { LaneSetup } from '../../../src/worker/sharedLane';
import { WorkerLane, newDoorbell, newLane } from '../../../src/worker/sharedLane';
import type { WorkerLike } from '../../../src/worker/workerHost';
import { WorkerHost } from '../../../src/worker/workerHost';

/** Answers pings after `delayMs`, or never while `silent`; boots like a worker without a node. */
class PingWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  silent = false;
  delayMs = 1;
  bootDelayMs = 0;

  constructor() {
    this.answer({ v: PROTOCOL_VERSION, kind: 'ready' }, 0);
  }

  postMessage(message: string | WorkerRequest): void {
    const request = decode<WorkerRequest>(typeof message === 'string' ? message : encode(message));
    if (this.silent) return;
    if (request.kind === 'ping') {
      this.answer({ v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr }, this.delayMs);
    } else if (request.kind === 'boot') {
      const status = { role: 'follower' } as never;
      const booted = { v: PROTOCOL_VERSION, kind: 'booted', corr: request.corr, status } as const;
      this.answer(booted, this.bootDelayMs);
    }
  }

  terminate(): void {
    this.silent = true;
  }

  private answer(response: WorkerResponse, ms: number): void {
    const data = encode(response);
    setTimeout(() => this.onmessage?.({ data } as MessageEvent<unknown>), ms);
  }
}

const ID = 1 as NodeId;
const BOOT = { id: ID, disk: null, seed: 1, now: 0, options: {} } as never;

async function started(timeoutMs: number): Promise<{ host: WorkerHost; worker: PingWorker }> {
  const worker = new PingWorker();
  const host = new WorkerHost(() => worker, { answerMs: timeoutMs });
  const booting = host.boot(BOOT);
  await vi.advanceTimersByTimeAsync(1);
  expect(await booting).toBeNull();
  return { host, worker };
}

/** What a ping came to so far: true (answered), false (failed) or 'pending'. */
function watch(ping: Promise<boolean>): { outcome: boolean | 'pending' } {
  const seen: { outcome: boolean | 'pending' } = { outcome: 'pending' };
  void ping.then((answered) => (seen.outcome = answered));
  return seen;
}

/**
 * A node worker whose lane is open, over a worker that answers by postMessage until then; the
 * test plays the worker's side of the lane itself, and nothing listens for the doorbell (as on a
 * page too busy to).
 */
async function laneOpen(): Promise<{ node: NodeWorker; setup: LaneSetup }> {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: string | WorkerRequest) {
      const request = typeof message === 'string' ? decode<WorkerRequest>(message) : message;
      const data = encode({ v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr });
      setTimeout(() => worker.onmessage?.({ data } as MessageEvent<unknown>), 0);
    },
    terminate() {},
  };
  const node = new NodeWorker(worker, { startMs: 200, answerMs: 200 });
  const ready = encode({ v: PROTOCOL_VERSION, kind: 'ready' });
  worker.onmessage?.({ data: ready } as MessageEvent<unknown>);
  await node.ready();
  const setup = newLane(newDoorbell(), 1024);
  const opening = node.openLane(setup);
  await vi.advanceTimersByTimeAsync(1);
  await opening;
  return { node, setup };
}

/** A ping sent into an open lane, and the worker's end of that lane, which has read it. */
async function pingInLane() {
  const { node, setup } = await laneOpen();
  const ping = watch(
    node
      .request((corr) => ({ v: PROTOCOL_VERSION, kind: 'ping', corr }))
      .then(
        (r) => r.kind === 'pong',
        () => false,
      ),
  );
  const inWorker = new WorkerLane(setup);
  const request = decode<WorkerRequest>(inWorker.next()!);
  return { node, ping, inWorker, request };
}

describe('the worker host watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails a request that gets no answer once the timeout has passed, not before', async () => {
    const { host, worker } = await started(200);
    worker.silent = true;
    const ping = watch(host.ping(ID, 10_000));
    await vi.advanceTimersByTimeAsync(199);
    expect(ping.outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(ping.outcome).toBe(false);
  });

  it('counts each request from when it was sent: a later one outlives the first one’s deadline', async () => {
    const { host, worker } = await started(200);
    worker.silent = true;
    const first = watch(host.ping(ID, 10_000));
    await vi.advanceTimersByTimeAsync(150);
    const second = watch(host.ping(ID, 10_000));
    await vi.advanceTimersByTimeAsync(50);
    expect([first.outcome, second.outcome]).toEqual([false, 'pending']);
    await vi.advanceTimersByTimeAsync(149);
    expect(second.outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(second.outcome).toBe(false);
  });

  it('never fails a request that was answered, however long the run goes on', async () => {
    const { host, worker } = await started(200);
    worker.delayMs = 150;
    const answers: (boolean | 'pending')[] = [];
    for (let i = 0; i < 6; i++) {
      const ping = watch(host.ping(ID, 10_000));
      await vi.advanceTimersByTimeAsync(150);
      answers.push(ping.outcome);
    }
    // Each answer came 150 ms after its request: six of them span 900 ms, past the 200 ms timeout.
    expect(answers).toEqual([true, true, true, true, true, true]);
  });

  it('counts an answer already in the lane when it runs before the doorbell is heard', async () => {
    const { ping, inWorker, request } = await pingInLane();
    await vi.advanceTimersByTimeAsync(150);
    expect(inWorker.answer(encode({ v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr }))).toBe(
      true,
    );
    await vi.advanceTimersByTimeAsync(50);
    expect(ping.outcome).toBe(true);
  });

  it('reads the answer to the request in the lane even after an answer to another one', async () => {
    const { node, ping, inWorker, request } = await pingInLane();
    // An answer to some other request (a step run twice once did this) comes first and is read.
    inWorker.answer(encode({ v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr + 1 }));
    expect(node.collect()).toBe(true);
    inWorker.answer(encode({ v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr }));
    await vi.advanceTimersByTimeAsync(200);
    expect(ping.outcome).toBe(true);
  });

  it('says, for a request with no answer, how far its turn in the lane got', async () => {
    const { node, setup } = await laneOpen();
    const ask = () => node.request((corr) => ({ v: PROTOCOL_VERSION, kind: 'ping', corr }));
    const fault = (request: Promise<unknown>) => request.then(String, (e: Error) => e.message);
    const unread = fault(ask());
    await vi.advanceTimersByTimeAsync(200);
    expect(await unread).toBe('no answer within 200 ms (lane: sent 1, taken 0, answered 0)');

    const inWorker = new WorkerLane(setup);
    const first = decode<WorkerRequest>(inWorker.next()!);
    inWorker.answer(encode({ v: PROTOCOL_VERSION, kind: 'pong', corr: first.corr }));
    const unfinished = fault(ask());
    node.collect();
    inWorker.next();
    await vi.advanceTimersByTimeAsync(200);
    expect(await unfinished).toBe('no answer within 200 ms (lane: sent 2, taken 2, answered 1)');
  });

  it('gives a worker’s first contact the start allowance and a step the answer allowance', async () => {
    const slowBoot = (allowances: object) => {
      const worker = new PingWorker();
      worker.bootDelayMs = 600;
      const host = new WorkerHost(() => worker, allowances);
      return { host, worker, booting: host.boot(BOOT) };
    };
    const wide = slowBoot({ startMs: 1000, answerMs: 200 });
    await vi.advanceTimersByTimeAsync(600);
    expect(await wide.booting).toBeNull();
    wide.worker.silent = true;
    const ping = watch(wide.host.ping(ID, 10_000));
    await vi.advanceTimersByTimeAsync(200);
    expect(ping.outcome).toBe(false);

    const narrow = slowBoot({ startMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    // A missed allowance is told as one, with its ms, for the screen to say the machine was slow.
    expect(await narrow.booting).toEqual({ fault: 'no answer within 500 ms', timedOutMs: 500 });

    // Left out, the start allowance is the default (10 s), however short the answer's.
    const defaults = slowBoot({ answerMs: 100 });
    defaults.worker.bootDelayMs = 9_000;
    const late = watch(defaults.booting.then((fault) => fault === null));
    await vi.advanceTimersByTimeAsync(9_000);
    expect(late.outcome).toBe(true);
  });

  it('ends a start at once when the node crashes meanwhile, as a crash, not a late start', async () => {
    const neverReady: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {},
      terminate() {},
    };
    const host = new WorkerHost(() => neverReady, {}, 0);
    const booting = host.boot(BOOT);
    const seen: { outcome: unknown } = { outcome: 'pending' };
    void booting.then((fault) => (seen.outcome = fault));
    host.crash(ID);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.outcome).toEqual({ fault: 'the node crashed' });
  });

  it('fails a short request on time while a longer one waits', async () => {
    const worker = new PingWorker();
    const node = new NodeWorker(worker, { startMs: 1000, answerMs: 100 });
    await vi.advanceTimersByTimeAsync(0);
    await node.ready();
    worker.silent = true;
    const outcome = (allowanceMs?: number) =>
      watch(
        node
          .request((corr) => ({ v: PROTOCOL_VERSION, kind: 'ping', corr }), allowanceMs)
          .then(
            () => true,
            () => false,
          ),
      );
    const long = outcome(1000);
    const short = outcome();
    await vi.advanceTimersByTimeAsync(100);
    expect([long.outcome, short.outcome]).toEqual(['pending', false]);
    await vi.advanceTimersByTimeAsync(899);
    expect(long.outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(long.outcome).toBe(false);
  });
});

describe('the worker host’s allowances', () => {
  const factory = () => {
    throw new Error('no worker is made when the allowances are refused');
  };
  it.each([
    ['a number', 2000, /allowances must be an object such as/],
    ['null', null, /allowances must be an object such as .*, not null/],
    ['an array', [], /not an array/],
    ['an object with another prototype', Object.create({ answerMs: 100 }), /must be an object/],
    ['an unknown key', { timeoutMs: 100 }, /allowances has no timeoutMs/],
    [
      'a prototype key',
      JSON.parse('{"__proto__": {"answerMs": 1}}'),
      /allowances has no __proto__/,
    ],
    [
      '0',
      { answerMs: 0 },
      /allowances.answerMs must be a whole number of ms from 1 to 600000, not 0/,
    ],
    ['a fraction', { startMs: 1.5 }, /allowances.startMs .*, not 1.5/],
    ['NaN', { answerMs: NaN }, /not NaN/],
    ['Infinity', { answerMs: Infinity }, /not Infinity/],
    ['too long', { startMs: 600_001 }, /not 600001/],
    ['a negative', { startMs: -5 }, /not -5/],
    ['text', { answerMs: '100' }, /not "100"/],
  ])('refuses %s with a clear message and makes no worker', (_name, allowances, message) => {
    expect(() => new WorkerHost(factory, allowances as never, 0)).toThrow(message);
  });
});
