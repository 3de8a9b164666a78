// The shared-memory lane's two ends in one thread: what one writes the other reads, in either
// direction, any text included; what does not fit says so; the host refuses a lane size that is
// not a whole number of bytes in range. One test runs the host's end in a second thread, to wake
// the worker's end when no request has come.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { LaneSetup } from '../../../src/worker/sharedLane';
import { HostLane, WorkerLane, newDoorbell, newLane } from '../../../src/worker/sharedLane';
import { WorkerHost } from '../../../src/worker/workerHost';

function lanePair(bytes: number): { host: HostLane; worker: WorkerLane; bell: Int32Array } {
  const doorbell = newDoorbell();
  const setup = newLane(doorbell, bytes);
  return {
    host: new HostLane(setup),
    worker: new WorkerLane(setup),
    bell: new Int32Array(doorbell),
  };
}

describe('a shared-memory lane', () => {
  it.each([
    ['plain JSON', '{"kind":"ping","corr":1}'],
    ['Chinese and emoji', '{"value":"领导者选举 ✓ 🙂"}'],
    ['an empty string', ''],
  ])('carries %s from the host to the worker and back', (_, text) => {
    const { host, worker, bell } = lanePair(256);
    expect(host.send(text)).toBe(true);
    expect(worker.next()).toBe(text);
    expect(host.take()).toBeNull();
    expect(worker.answer(`${text}!`)).toBe(true);
    expect(Atomics.load(bell, 0)).toBe(1);
    expect(host.take()).toBe(`${text}!`);
    expect(host.take()).toBeNull();
  });

  it('keeps turns apart: each request and answer is read once, in order', () => {
    const { host, worker } = lanePair(64);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      host.send(`q${i}`);
      seen.push(worker.next()!);
      worker.answer(`a${i}`);
      seen.push(host.take()!);
    }
    expect(seen).toEqual(['q0', 'a0', 'q1', 'a1', 'q2', 'a2', 'q3', 'a3', 'q4', 'a4']);
  });

  it('sends DRAIN for a request longer than the lane, and says an answer does not fit', () => {
    const { host, worker, bell } = lanePair(8);
    expect(host.send('123456789')).toBe(false);
    expect(worker.next()).toBeNull();
    // Eight bytes fit exactly; a three-byte character past them does not.
    expect(host.send('12345678')).toBe(true);
    expect(worker.next()).toBe('12345678');
    expect(worker.answer('1234567中')).toBe(false);
    expect(Atomics.load(bell, 0)).toBe(0);
    expect(host.take()).toBeNull();
  });
});

/**
 * The host's end of a lane in a thread of its own, so the worker's end can block in this one.
 * It wakes the worker's end once without sending anything, as the notify of a request already
 * taken does when it arrives late; then, unless this thread says within `graceMs` that it took
 * that wake-up for a request, it sends `next`.
 */
function lateNotifier(setup: LaneSetup, said: Int32Array, next: string, graceMs: number): Worker {
  const lane = buildSync({
    entryPoints: [fileURLToPath(new URL('../../../src/worker/sharedLane.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'lane',
    platform: 'node',
  }).outputFiles[0]!.text;
  const script = `${lane}
    const { workerData: d, parentPort } = require('node:worker_threads');
    const host = new lane.HostLane(d.setup);
    // The lane's header opens with the request sequence: its waiters are the worker's end.
    const header = new Int32Array(d.setup.buffer, 0, 1);
    parentPort.postMessage('started');
    while (Atomics.notify(header, 0, 1) === 0) {}
    if (Atomics.wait(d.said, 0, 0, d.graceMs) === 'timed-out') host.send(d.next);`;
  return new Worker(script, { eval: true, workerData: { setup, said, next, graceMs } });
}

describe('the worker’s end of a lane', () => {
  it('takes a wake-up with no new request for what it is, and waits on for the request', async () => {
    const setup = newLane(newDoorbell(), 64);
    const host = new HostLane(setup);
    const worker = new WorkerLane(setup);
    host.send('step 1');
    expect(worker.next()).toBe('step 1');

    const said = new Int32Array(new SharedArrayBuffer(4));
    const notifier = lateNotifier(setup, said, 'step 2', 300);
    try {
      // Block only once the other thread runs: it always sends 'step 2' in the end.
      await new Promise((resolve, reject) => {
        notifier.once('message', resolve);
        notifier.once('error', reject);
      });
      const taken = worker.next();
      Atomics.store(said, 0, 1);
      Atomics.notify(said, 0);
      expect(taken).toBe('step 2');
    } finally {
      await notifier.terminate();
    }
  });
});

describe('the worker host’s lane size', () => {
  const factory = () => {
    throw new Error('no worker is made when the size is refused');
  };
  it.each([NaN, -1, 1.5, Infinity, 2 ** 40, '64' as unknown as number, null as unknown as number])(
    'refuses %s with a clear message',
    (bytes) => {
      expect(() => new WorkerHost(factory, {}, bytes)).toThrow(
        /laneBytes must be a whole number of bytes from 0 to/,
      );
    },
  );

  it('takes 0 (postMessage only) and a size in range', () => {
    expect(new WorkerHost(factory, {}, 0).liveWorkers()).toBe(0);
    expect(new WorkerHost(factory, {}, 1).traffic()).toEqual({
      requestsByLane: 0,
      requestsPosted: 0,
      answersByLane: 0,
      answersPosted: 0,
    });
  });
});
