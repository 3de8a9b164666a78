// Messages in flight across the history (store layer): each flight frame is kept once, with the
// frames it is shown in, instead of a new list of every message on the wire in every frame. A
// frame's list is built when it is read. Ten virtual minutes send about 156,000 messages over
// 174,000 frames, and nearly every event sends or delivers one, so the lists differed almost
// every frame: they cost more than the flight frames themselves.
import type { FlightFrame } from './frame';

/** Frames per span: a read scans one span's entries (those on the wire plus those sent in it). */
const SPAN = 128;

/** `until` of a flight still shown (the largest small integer). */
const ON_WIRE = 2 ** 30 - 1;

/**
 * The flights shown in frames `first … first + SPAN - 1`: entry k is shown in frames
 * `from[k] ≤ seq < until[k]`, in entry order. Entries are only appended and an `until` is only
 * lowered from ON_WIRE to the frame that no longer shows it, so a frame already made reads the
 * same list forever.
 *
 *   seq      40  41  42  43
 *   #7      [ from 40 … until 42 )       #7 arrives at 42
 *   #8          [ from 41 … on wire      #8 sent at 41
 *   list    [7] [7 8] [8] [8]
 */
export class FlightSpan {
  readonly flights: FlightFrame[] = [];
  readonly from: number[] = [];
  readonly until: number[] = [];
  /** The list read last, handed out again while a read finds the same flights. */
  private last: readonly FlightFrame[] = [];

  /** `lists`: the built lists of the frames read last, shared by one projector's spans. */
  constructor(
    readonly first: number,
    readonly lists: ReadCache,
  ) {}

  /** The flights frame `seq` shows, in the order the simulator listed them. */
  at(seq: number): readonly FlightFrame[] {
    const list: FlightFrame[] = [];
    for (let k = 0; k < this.flights.length; k++)
      if (this.from[k]! <= seq && seq < this.until[k]!) list.push(this.flights[k]!);
    const last = this.last;
    if (list.length === last.length && list.every((f, i) => f === last[i])) return last;
    this.last = list;
    return list;
  }
}

/**
 * Notes each frame's flights into spans (the projector's side). A frame whose list the span
 * cannot give back in the simulator's order keeps its own list instead.
 */
export class FlightSpans {
  private span: FlightSpan | null = null;
  private readonly lists: ReadCache = new Map();
  /** Entry in the current span of each flight shown in the last frame, in the span's order. */
  private live = new Map<number, number>();

  /** Records frame `seq`'s flights; returns what the frame keeps: its span, or its own list. */
  note(seq: number, flights: readonly FlightFrame[]): FlightSpan | readonly FlightFrame[] {
    let span = this.span;
    if (span === null || seq - span.first >= SPAN) {
      span = this.span = new FlightSpan(seq, this.lists);
      this.live = new Map();
    }
    const next = new Map<number, number>();
    for (const f of flights) {
      const k = this.live.get(f.id);
      if (k !== undefined && span.flights[k] === f) {
        next.set(f.id, k);
        continue;
      }
      span.flights.push(f);
      span.from.push(seq);
      span.until.push(ON_WIRE);
      next.set(f.id, span.flights.length - 1);
    }
    for (const [id, k] of this.live) if (next.get(id) !== k) span.until[k] = seq;
    this.live = next;
    return inOrder(next) ? span : flights;
  }
}

/** True when the entries are ascending: the span lists them in the order they were given. */
function inOrder(entries: ReadonlyMap<number, number>): boolean {
  let before = -1;
  for (const k of entries.values()) {
    if (k <= before) return false;
    before = k;
  }
  return true;
}

/** How many built lists are kept for frames read again (the shown frame is read every render). */
const CACHED = 64;

/** The lists built for the frames read last, by frame, least recently read first. */
type ReadCache = Map<object, readonly FlightFrame[]>;

/** A frame's flights: its own list, or the one its span gives (cached for the newest frames read). */
export function flightsOf(
  frame: object,
  seq: number,
  kept: FlightSpan | readonly FlightFrame[],
): readonly FlightFrame[] {
  if (!(kept instanceof FlightSpan)) return kept;
  const cache = kept.lists;
  let list = cache.get(frame);
  if (list !== undefined) cache.delete(frame);
  else {
    list = kept.at(seq);
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  }
  cache.set(frame, list); // the newest read last: the least recently read goes first
  return list;
}
