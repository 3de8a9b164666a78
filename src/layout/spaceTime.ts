// Layout layer: the space-time diagram's index. It reads a history of frames once, as it grows,
// into arrows (a message from its send to its delivery or loss, lane to lane), marks (see
// spaceTimeMarks.ts) and lane spans (a server's role, term and liveness over time), and answers
// "what overlaps [t0, t1]?" by binary search, so a redraw never walks the whole history.
//
// Sends are read off the frames' flights (a new flight id is a new message); deliveries and
// losses off the events (the step whose input is that message, or its 'lost' event). All frames
// of one instant show the instant's end, so a flight leaves the flights list at the instant's
// first frame, before the event that delivers it; an arrow that leaves with no such event in its
// instant is closed when the next instant begins.
import type { Message } from '../raft';
import { marksOf } from './spaceTimeMarks';
import type {
  Arrow,
  DiagramEvent,
  DiagramFlight,
  DiagramFrame,
  DiagramHistory,
  DiagramWindow,
  LaneSpan,
  Mark,
} from './spaceTimeTypes';

export type * from './spaceTimeTypes';

/** Lanes beyond this many are ignored (node ids are small; a bad id must not allocate much). */
const MAX_LANES = 64;

/** The first index in `list` (sorted by `key`) whose key is ≥ `value`. */
export function lowerBound<T>(list: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const endOf = (a: Arrow) => a.endAt;
const atOf = (m: Mark) => m.at;
const startOf = (s: LaneSpan) => s.start;

/** Messages to or from the client have no lane: the diagram draws servers only. */
const isClient = (m: Message) => m.from === 0 || m.to === 0;

/** Tier k holds arrows lasting at most 2^k ms: 0…1 ms → 0, 2 → 1, 3…4 → 2, 15 → 4. */
export const tierOf = (ms: number): number => (ms <= 1 ? 0 : Math.ceil(Math.log2(ms)));

export class SpaceTimeIndex {
  private seen: DiagramHistory | null = null;
  private lineage = -1;
  private last: DiagramFrame | null = null;
  private first: DiagramFrame | null = null;
  /** Finished arrows by how long they lasted (see tierOf), each tier in order of endAt. */
  private tiers: Arrow[][] = [];
  /** Arrows still on the wire at the newest frame, by flight id. */
  private readonly open = new Map<number, Arrow>();
  /** Open arrows whose flight left the flights list, with when; closed if no event claims them. */
  private readonly vanished = new Map<number, number>();
  private maxFlight = 0;
  /** The instant of the first frame read: its earlier frames may be gone, so it may be partial. */
  private partialAt = NaN;
  private marks: Mark[] = [];
  private lanes: LaneSpan[][] = [];
  private finished = 0;
  /** Grows by one whenever what the index holds changes. */
  version = 0;

  get firstSeq(): number {
    return this.first?.seq ?? 0;
  }
  get firstAt(): number {
    return this.first?.at ?? 0;
  }
  get headSeq(): number {
    return this.last?.seq ?? 0;
  }
  get headAt(): number {
    return this.last?.at ?? 0;
  }
  get laneCount(): number {
    return this.lanes.length;
  }
  /** Every arrow held, finished or flying. */
  get arrowCount(): number {
    return this.finished + this.open.size;
  }

  /**
   * Reads the frames of `h` not read yet. The same history grown (or trimmed at the front) adds
   * only its new frames; any other history (a rebuilt cluster, an older state) is read afresh.
   * Returns whether anything changed.
   */
  update(h: DiagramHistory): boolean {
    if (h === this.seen) return false;
    const head = h.length > 0 ? h.get(h.length - 1) : undefined;
    const first = h.length > 0 ? h.get(0) : undefined;
    const last = this.last;
    const grew =
      this.seen !== null &&
      h.lineage === this.lineage &&
      last !== null &&
      head !== undefined &&
      first !== undefined &&
      head.seq >= last.seq &&
      first.seq <= last.seq + 1;
    if (!grew) this.reset(h.lineage);
    const from = grew ? last.seq + 1 - first.seq : 0;
    for (let i = from; i < h.length; i++) {
      const f = h.get(i);
      if (f) this.add(f);
    }
    this.seen = h;
    this.first = first ?? null;
    this.version++;
    return true;
  }

  /** Everything that overlaps [t0, t1] (virtual ms, both ends included). */
  window(t0: number, t1: number): DiagramWindow {
    if (!(t0 <= t1)) return { arrows: [], marks: [], lanes: this.lanes.map(() => []) };
    const arrows: Arrow[] = [];
    for (let k = 0; k < this.tiers.length; k++) {
      const list = this.tiers[k]!;
      // An arrow of tier k sent by t1 ends by t1 + 2^k: past that, none of its tier is sent by t1.
      const stop = t1 + 2 ** k;
      for (let i = lowerBound(list, t0, endOf); i < list.length && list[i]!.endAt <= stop; i++) {
        if (list[i]!.sentAt <= t1) arrows.push(list[i]!);
      }
    }
    for (const a of this.open.values()) {
      const live = this.liveEnd(a);
      if (a.sentAt <= t1 && live >= t0) arrows.push(live === a.endAt ? a : { ...a, endAt: live });
    }
    const marks: Mark[] = [];
    for (let i = lowerBound(this.marks, t0, atOf); i < this.marks.length; i++) {
      if (this.marks[i]!.at > t1) break;
      marks.push(this.marks[i]!);
    }
    const lanes = this.lanes.map((spans) => {
      const out: LaneSpan[] = [];
      for (let i = Math.max(0, lowerBound(spans, t0, startOf) - 1); i < spans.length; i++) {
        const s = spans[i]!;
        if (s.start > t1) break;
        if ((s.end ?? Infinity) >= t0) out.push(s);
      }
      return out;
    });
    return { arrows, marks, lanes };
  }

  /** A held message waits at the door until now (the newest frame), however long that is. */
  private liveEnd(a: Arrow): number {
    return a.held ? Math.max(a.endAt, this.headAt) : a.endAt;
  }

  private reset(lineage: number): void {
    this.lineage = lineage;
    this.last = null;
    this.first = null;
    this.tiers = [];
    this.open.clear();
    this.vanished.clear();
    this.maxFlight = 0;
    this.partialAt = NaN;
    this.marks = [];
    this.lanes = [];
    this.finished = 0;
  }

  private add(f: DiagramFrame): void {
    const prev = this.last;
    if (!prev) this.partialAt = f.at;
    if (prev && f.at > prev.at) this.settleVanished();
    if (!prev || f.nodes !== prev.nodes) this.noteNodes(f);
    if (!prev || f.flights !== prev.flights) this.noteFlights(f);
    if (f.event) this.noteEvent(f.event, f);
    this.last = f;
  }

  /** A lane span ends and the next begins where a server's role, term or liveness changes. */
  private noteNodes(f: DiagramFrame): void {
    for (const n of f.nodes) {
      const lane = n.id - 1;
      if (!Number.isInteger(lane) || lane < 0 || lane >= MAX_LANES) continue;
      while (this.lanes.length <= lane) this.lanes.push([]);
      const spans = this.lanes[lane]!;
      const cur = spans[spans.length - 1];
      if (cur && cur.role === n.role && cur.term === n.term && cur.alive === n.alive) continue;
      const next: LaneSpan = {
        node: n.id,
        start: f.at,
        end: null,
        seq: f.seq,
        role: n.role,
        term: n.term,
        alive: n.alive,
      };
      if (cur && cur.start === f.at) spans[spans.length - 1] = { ...next, seq: cur.seq };
      else {
        if (cur) spans[spans.length - 1] = { ...cur, end: f.at };
        spans.push(next);
      }
    }
  }

  /** New flight ids are sends; open arrows missing from the list have arrived or died. */
  private noteFlights(f: DiagramFrame): void {
    const present = new Set<number>();
    for (const fl of f.flights) {
      present.add(fl.id);
      if (isClient(fl.message)) continue;
      const a = this.open.get(fl.id);
      if (a) {
        if ((fl.held && !a.held) || (fl.lostAt !== null && fl.lostAt !== a.endAt))
          this.open.set(fl.id, refreshed(a, fl));
      } else if (fl.id > this.maxFlight) {
        this.maxFlight = fl.id;
        this.open.set(fl.id, flying(fl, f.seq));
      }
    }
    for (const id of this.open.keys()) {
      if (!present.has(id) && !this.vanished.has(id)) this.vanished.set(id, f.at);
    }
  }

  private noteEvent(e: DiagramEvent, f: DiagramFrame): void {
    if (e.kind === 'step' && e.input === 'message' && e.message) {
      this.close(e.message, f, 'delivered', null);
    } else if (e.kind === 'lost' && e.message) {
      this.close(e.message, f, 'lost', typeof e.reason === 'string' ? e.reason : null);
    }
    for (const m of marksOf(e, f.seq)) this.marks.push(m);
  }

  /** The message's open arrow ends at this frame (a copy shares its message: the one due now first). */
  private close(m: Message, f: DiagramFrame, fate: 'delivered' | 'lost', reason: string | null) {
    let found: Arrow | null = null;
    for (const a of this.open.values()) {
      if (a.message !== m) continue;
      if (!found || (a.arriveAt === f.at && found.arriveAt !== f.at)) found = a;
    }
    if (!found) {
      // Sent and gone within one instant: no frame carried it, so it is drawn where it ended.
      // (In the first instant read, its send may lie before the kept frames: it is left out.)
      if (!isClient(m) && f.at !== this.partialAt) this.file(instant(m, f, fate, reason));
      return;
    }
    this.open.delete(found.key);
    this.vanished.delete(found.key);
    this.file({ ...found, endAt: f.at, endSeq: f.seq, fate, lossReason: reason });
  }

  /** What left the wire in the last instant with no event to say how: delivered, or lost as planned. */
  private settleVanished(): void {
    for (const [id, at] of this.vanished) {
      const a = this.open.get(id);
      this.open.delete(id);
      if (!a) continue;
      const lost = a.lossReason !== null;
      this.file({ ...a, endAt: at, endSeq: null, fate: lost ? 'lost' : 'delivered' });
    }
    this.vanished.clear();
  }

  /** Files a finished arrow in its tier, kept in order of endAt. */
  private file(a: Arrow): void {
    const tier = tierOf(Math.max(0, a.endAt - a.sentAt));
    while (this.tiers.length <= tier) this.tiers.push([]);
    const list = this.tiers[tier]!;
    if (list.length === 0 || list[list.length - 1]!.endAt <= a.endAt) list.push(a);
    else list.splice(lowerBound(list, a.endAt + 1, endOf), 0, a);
    this.finished++;
  }
}

function flying(fl: DiagramFlight, seq: number): Arrow {
  return {
    key: fl.id,
    flight: fl.id,
    message: fl.message,
    from: fl.message.from,
    to: fl.message.to,
    sentAt: fl.sentAt,
    sendSeq: seq,
    arriveAt: fl.arriveAt,
    endAt: fl.lostAt ?? fl.arriveAt,
    endSeq: null,
    fate: 'flying',
    lossReason: fl.lossReason,
    held: fl.held,
  };
}

/** Held stays true once seen (it waited, even after release); a planned loss moves the end. */
function refreshed(a: Arrow, fl: DiagramFlight): Arrow {
  return {
    ...a,
    held: a.held || fl.held,
    endAt: fl.lostAt ?? a.endAt,
    lossReason: fl.lossReason ?? a.lossReason,
  };
}

function instant(m: Message, f: DiagramFrame, fate: Arrow['fate'], reason: string | null): Arrow {
  return {
    key: -f.seq,
    flight: null,
    message: m,
    from: m.from,
    to: m.to,
    sentAt: f.at,
    sendSeq: f.seq,
    arriveAt: f.at,
    endAt: f.at,
    endSeq: f.seq,
    fate,
    lossReason: reason,
    held: false,
  };
}

/** The frame on screen at virtual time `t`: the last one at or before it (the first, before all). */
export function seqAtTime(h: DiagramHistory, t: number): number {
  if (h.length === 0) return 0;
  let lo = 0;
  let hi = h.length - 1;
  if (!(t >= h.get(0)!.at)) return h.get(0)!.seq;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (h.get(mid)!.at <= t) lo = mid;
    else hi = mid - 1;
  }
  return h.get(lo)!.seq;
}
