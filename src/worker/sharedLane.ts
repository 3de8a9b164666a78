// A shared-memory lane between the main thread and one node's worker (worker layer): the same
// JSON requests and answers as postMessage carries, written into a SharedArrayBuffer. The worker
// waits for its next request in Atomics.wait, and every answer rings one doorbell that the host
// shares among its workers, so a round trip that involves several workers wakes the main thread
// about once instead of once per worker. Needs a cross-origin isolated page; without one the
// host keeps to postMessage.
//
// A request or answer too long for the lane still goes by postMessage: the host writes DRAIN
// instead, which sends the worker back to its event loop to read it, and the worker posts an
// answer that does not fit. Strict request → answer turns hold either way: one request at a time.

/**
 * Header slots (Int32): a sequence number and a length in bytes for each direction, and the
 * request sequence the worker last took (so a late answer can say whether it was ever read).
 */
const REQUEST_SEQ = 0;
const REQUEST_LEN = 1;
const ANSWER_SEQ = 2;
const ANSWER_LEN = 3;
const TAKEN_SEQ = 4;
const HEADER_BYTES = 32;
/** REQUEST_LEN's value for "the request comes by postMessage". */
const DRAIN = -1;

/** The lane's default room in each direction: most step requests and answers are a few KB. */
export const LANE_BYTES = 64 * 1024;
/** The most a lane may hold each way: longer requests and answers go by postMessage anyway. */
export const MAX_LANE_BYTES = 16 * 1024 * 1024;

/** What the host hands a worker to set a lane up (posted once, as an object). */
export interface LaneSetup {
  readonly buffer: SharedArrayBuffer;
  readonly doorbell: SharedArrayBuffer;
}

/** Whether this page can share memory with its workers (it is cross-origin isolated). */
export function lanesAvailable(): boolean {
  return (
    typeof SharedArrayBuffer === 'function' &&
    typeof Atomics.waitAsync === 'function' &&
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true
  );
}

/** Encodes and decodes through one private buffer: TextEncoder and TextDecoder refuse shared memory. */
class Utf8 {
  private scratch = new Uint8Array(1024);
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /** Writes `text` as UTF-8 at `into`; its byte length, or -1 when it is longer than `into`. */
  write(text: string, into: Uint8Array): number {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
    const { written } = this.encoder.encodeInto(text, this.scratch);
    if (written > into.length) return -1;
    into.set(this.scratch.subarray(0, written));
    return written;
  }

  read(from: Uint8Array): string {
    if (this.scratch.length < from.length) this.scratch = new Uint8Array(from.length);
    this.scratch.set(from);
    return this.decoder.decode(this.scratch.subarray(0, from.length));
  }
}

class LaneMemory {
  readonly header: Int32Array;
  readonly requests: Uint8Array;
  readonly answers: Uint8Array;
  readonly bell: Int32Array;

  constructor(setup: LaneSetup) {
    const room = (setup.buffer.byteLength - HEADER_BYTES) >> 1;
    this.header = new Int32Array(setup.buffer, 0, HEADER_BYTES / 4);
    this.requests = new Uint8Array(setup.buffer, HEADER_BYTES, room);
    this.answers = new Uint8Array(setup.buffer, HEADER_BYTES + room, room);
    this.bell = new Int32Array(setup.doorbell);
  }
}

/** One shared doorbell per host: the Int32 every worker's answer adds one to. */
export function newDoorbell(): SharedArrayBuffer {
  return new SharedArrayBuffer(4);
}

/** A new lane's memory: `bytes` of room in each direction. */
export function newLane(doorbell: SharedArrayBuffer, bytes = LANE_BYTES): LaneSetup {
  return { buffer: new SharedArrayBuffer(HEADER_BYTES + 2 * bytes), doorbell };
}

/** The main thread's end of a lane. */
export class HostLane {
  private readonly memory: LaneMemory;
  private readonly text = new Utf8();
  private answered = 0;

  constructor(readonly setup: LaneSetup) {
    this.memory = new LaneMemory(setup);
  }

  /** Sends `request`; false when it does not fit, and then DRAIN has gone out in its place. */
  send(request: string): boolean {
    const { header, requests } = this.memory;
    const length = this.text.write(request, requests);
    Atomics.store(header, REQUEST_LEN, length < 0 ? DRAIN : length);
    Atomics.add(header, REQUEST_SEQ, 1);
    Atomics.notify(header, REQUEST_SEQ);
    return length >= 0;
  }

  /** Where the turns stand, for a report of a late answer: "sent 12, taken 12, answered 11". */
  turns(): string {
    const { header } = this.memory;
    const [sent, taken, answered] = [REQUEST_SEQ, TAKEN_SEQ, ANSWER_SEQ].map((slot) =>
      Atomics.load(header, slot),
    );
    return `sent ${sent}, taken ${taken}, answered ${answered}`;
  }

  /** The answer the worker wrote since the last one taken, if any. */
  take(): string | null {
    const { header, answers } = this.memory;
    const seq = Atomics.load(header, ANSWER_SEQ);
    if (seq === this.answered) return null;
    this.answered = seq;
    return this.text.read(answers.subarray(0, Atomics.load(header, ANSWER_LEN)));
  }
}

/** The worker's end of a lane. */
export class WorkerLane {
  private readonly memory: LaneMemory;
  private readonly text = new Utf8();
  private seen = 0;

  constructor(setup: LaneSetup) {
    this.memory = new LaneMemory(setup);
  }

  /** Blocks until the next request; null for DRAIN (the request comes by postMessage). */
  next(): string | null {
    const { header, requests } = this.memory;
    // A wake-up is not a request: the host adds to the sequence, then notifies, and when it is
    // paused between the two, this end can see the new request without waiting, answer it and
    // be back here asleep when that notify lands. Taken as a request, that late notify ran the
    // same step twice, and the second answer left the host blind to the next real one (a
    // "silent" worker). Only a sequence that moved is a request.
    let seq = Atomics.load(header, REQUEST_SEQ);
    while (seq === this.seen) {
      Atomics.wait(header, REQUEST_SEQ, this.seen);
      seq = Atomics.load(header, REQUEST_SEQ);
    }
    this.seen = seq;
    Atomics.store(header, TAKEN_SEQ, seq);
    const length = Atomics.load(header, REQUEST_LEN);
    return length === DRAIN ? null : this.text.read(requests.subarray(0, length));
  }

  /** Writes `answer` and rings the doorbell; false when it does not fit (post it instead). */
  answer(answer: string): boolean {
    const { header, answers, bell } = this.memory;
    const length = this.text.write(answer, answers);
    if (length < 0) return false;
    Atomics.store(header, ANSWER_LEN, length);
    Atomics.add(header, ANSWER_SEQ, 1);
    Atomics.add(bell, 0, 1);
    Atomics.notify(bell, 0);
    return true;
  }
}

/**
 * Waits for the doorbell on the main thread without blocking it: `collect` runs once now, and
 * again after every ring, for as long as it says answers are still awaited.
 */
export class Doorbell {
  private readonly bell: Int32Array;
  private waiting = false;

  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly collect: () => boolean,
  ) {
    this.bell = new Int32Array(buffer);
  }

  /**
   * Starts listening (no-op while already listening, including from inside `collect`, whose new
   * requests the wait below covers).
   */
  listen(): void {
    if (this.waiting) return;
    this.waiting = true;
    for (;;) {
      // Read the bell before looking for answers: an answer written after this read rings a
      // different value, so waitAsync below cannot miss it.
      const rung = Atomics.load(this.bell, 0);
      if (!this.collect()) {
        this.waiting = false;
        return;
      }
      const wait = Atomics.waitAsync(this.bell, 0, rung);
      if (wait.async) {
        void wait.value.then(() => {
          this.waiting = false;
          this.listen();
        });
        return;
      }
    }
  }
}
