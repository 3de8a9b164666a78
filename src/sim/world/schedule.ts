// When things happen (simulator layer): the event queue in (time, seq) order, every node's
// election/heartbeat timer, and the client timeouts. Two kinds of event are queued lazily to keep
// the heap small, without changing the order in which anything happens:
//   - a timer keeps one reminder tick in the queue; a reset that only moves the timer later leaves
//     the reminder where it is, and the reminder moves on to the timer when it comes due;
//   - client timeouts come due in the order they are set, so only the earliest is queued.
// Each still takes its place (at, seq) in the order at the moment it is set.
import type { NodeId } from '../../raft';
import { EventQueue } from '../eventQueue';
import type { Flight } from './flights';

export type TickEvent = { kind: 'tick'; at: number; seq: number; node: NodeId };
export type ClientTimeoutEvent = {
  kind: 'clientTimeout';
  at: number;
  seq: number;
  requestId: number;
};
export type Queued =
  | TickEvent
  /** `ticket`: the flight's ticket when queued; a newer one on the flight makes it stale. */
  | { kind: 'deliver'; at: number; seq: number; flight: Flight; ticket: number }
  | { kind: 'lose'; at: number; seq: number; flight: Flight; ticket: number }
  | ClientTimeoutEvent
  /** Thesis §6.3: the client sends a still-unanswered request again. */
  | { kind: 'clientRetry'; at: number; seq: number; requestId: number }
  | { kind: 'forceTimeout'; at: number; seq: number; node: NodeId }
  /** `sim.compact`: the server snapshots what it has applied (§5). */
  | { kind: 'compact'; at: number; seq: number; node: NodeId };

type FlightEvent = Extract<Queued, { flight: Flight }>;
type RequestEvent = Extract<Queued, { requestId: number }>;
type NodeEvent = Extract<Queued, { node: NodeId }>;

/**
 * Every queued event is made here with the same seven fields in the same order (the ones its
 * kind does not use left empty), so the heap's comparisons and the world's dispatch read one
 * shape instead of three.
 */
function event<E extends Queued>(
  kind: E['kind'],
  at: number,
  seq: number,
  node: number,
  flight: Flight | null,
  ticket: number,
  requestId: number,
): E {
  return { kind, at, seq, node, flight, ticket, requestId } as unknown as E;
}

export const flightEvent = (
  kind: FlightEvent['kind'],
  at: number,
  flight: Flight,
  ticket: number,
) => event<FlightEvent>(kind, at, 0, 0, flight, ticket, 0);
export const requestEvent = (kind: RequestEvent['kind'], at: number, requestId: number, seq = 0) =>
  event<RequestEvent>(kind, at, seq, 0, null, 0, requestId);
export const nodeEvent = (kind: NodeEvent['kind'], at: number, node: NodeId, seq = 0) =>
  event<NodeEvent>(kind, at, seq, node, null, 0, 0);

export class Schedule {
  private readonly queue = new EventQueue<Queued>();
  private seq = 0;
  /** Per node id, when its timer fires (-1: not set) and the seq it got when last set. */
  private readonly timerAt: number[] = [];
  private readonly timerSeq: number[] = [];
  /** Per node id, the tick in the queue that stands for its timer (its reminder), if any. */
  private readonly reminder: (TickEvent | null)[] = [];
  /** Client timeouts in (at, seq) order, from `timeoutHead` on; the one before it is queued. */
  private readonly clientTimeouts: (ClientTimeoutEvent | undefined)[] = [];
  private timeoutHead = 0;
  private timeoutQueued = false;

  peek(): Queued | undefined {
    return this.queue.peek();
  }

  pop(): Queued | undefined {
    return this.queue.pop();
  }

  /** Every queued event, in no particular order (for inspection and lookahead, not stepping). */
  items(): readonly Queued[] {
    return this.queue.items();
  }

  /** Queues `e` after everything already scheduled for its instant. */
  add(e: Queued): void {
    e.seq = this.seq++;
    this.queue.push(e);
  }

  /** When the node's timer fires next, or -1 when it is not set (crashed, or firing now). */
  timerOf(id: NodeId): number {
    return this.timerAt[id] ?? -1;
  }

  /** The seq the node's timer took when it was last set: its place among events of its instant. */
  timerSeqOf(id: NodeId): number {
    return this.timerSeq[id]!;
  }

  /**
   * Sets the node's timer to `wake`. The timer takes its place in the event order, (wake, seq),
   * now; but when the node's reminder fires no later than that, it is left to move itself on when
   * it fires, instead of leaving a stale tick per reset in the queue (a follower resets its timer
   * on every heartbeat). The order of events is the same either way.
   */
  setTimer(id: NodeId, wake: number): void {
    if (this.timerAt[id] === wake) return;
    this.timerAt[id] = wake;
    const seq = this.seq++;
    this.timerSeq[id] = seq;
    const queued = this.reminder[id];
    if (queued && queued.at <= wake) return;
    const tick = nodeEvent('tick', wake, id, seq) as TickEvent;
    this.reminder[id] = tick;
    this.queue.push(tick);
  }

  /** The timer will not fire (the node crashed, or its tick is being handed to it). */
  clearTimer(id: NodeId): void {
    this.timerAt[id] = -1;
  }

  /** Whether `tick` is its node's reminder; any other tick was superseded by an earlier one. */
  isReminder(tick: TickEvent): boolean {
    return this.reminder[tick.node] === tick;
  }

  /** The reminder just popped came due before its timer: it moves to the timer, in its place. */
  moveReminder(tick: TickEvent): void {
    tick.at = this.timerAt[tick.node]!;
    tick.seq = this.timerSeq[tick.node]!;
    this.queue.push(tick);
  }

  /** The tick just popped is spent (it fired, its node is down, or it was superseded). */
  dropReminder(tick: TickEvent): void {
    if (this.reminder[tick.node] === tick) this.reminder[tick.node] = null;
  }

  /** A client timeout at `at`; it takes its place in the order now, and waits its turn. */
  addClientTimeout(at: number, requestId: number): void {
    const timeout = requestEvent('clientTimeout', at, requestId, this.seq++) as ClientTimeoutEvent;
    this.clientTimeouts.push(timeout);
    if (!this.timeoutQueued) this.queueNextClientTimeout();
  }

  /** The queued client timeout was popped: the next one in line takes its place in the queue. */
  queueNextClientTimeout(): void {
    const waiting = this.clientTimeouts;
    this.timeoutQueued = this.timeoutHead < waiting.length;
    if (this.timeoutQueued) {
      this.queue.push(waiting[this.timeoutHead]!);
      waiting[this.timeoutHead++] = undefined;
    }
    if (this.timeoutHead >= 1024 && this.timeoutHead * 2 >= waiting.length) {
      waiting.splice(0, this.timeoutHead);
      this.timeoutHead = 0;
    }
  }
}
