// A frame is what the screen shows after one event (store layer): every node, every message in
// flight, the newest client requests, the network, the cluster facts and the checkers. Every
// fact comes from the simulator's read model as it is; the projector only adds structural
// sharing, so unchanged nodes, logs, requests and messages are the previous frame's objects and
// a long history costs little.
import type {
  Choice,
  ClusterFacts,
  Entry,
  LossReason,
  Message,
  NodeView,
  RejectionView,
  RequestStage,
  RequestView,
  SimulationBase,
  TraceEvent,
  Violation,
} from '../sim';
import { RejectionTracker, small } from '../sim';
import { FlightSpans } from './flightSpans';
import type { FrameSteady, NodeSteady } from './packedFrames';
import { PackedFrame, PackedNodeFrame } from './packedFrames';
import {
  requestFrame,
  sameJoint,
  sameKv,
  sameList,
  sameReads,
  sameRecord,
  sameRequest,
  sameSteady,
} from './frameEquality';

/**
 * A log as of one frame: read `entries[0 … length-1]` only; the array may be longer. Entry
 * `entries[k]` stands at index `base + k + 1`: a snapshot (§5) covers indexes 1…base.
 */
export interface LogView {
  readonly entries: readonly Entry[];
  readonly length: number;
  /** The last index the node's snapshot covers (its `logBase`); 0 without one. */
  readonly base: number;
}

/** The last index of a log view, counting past its snapshot: 120 + 3 entries → 123. */
export function lastIndexOf(log: LogView): number {
  return log.base + log.length;
}

/** The entry at `index`, or undefined when the snapshot covers it or the log ends before it. */
export function entryAt(log: LogView, index: number): Entry | undefined {
  return index > log.base && index <= log.base + log.length
    ? log.entries[index - 1 - log.base]
    : undefined;
}

/** The read model's node, with the live log and state machine replaced by frozen views. */
export interface NodeFrame extends Omit<NodeView, 'log' | 'kv'> {
  readonly log: LogView;
  /**
   * The state machine as of this frame: a frozen plain object (a Map copy costs about four
   * times the memory, and history keeps one per apply).
   */
  readonly kv: Readonly<Record<string, string>>;
  /** Why the leader last refused this follower's log, while that stands (see sim/read/rejections). */
  readonly rejection: RejectionView | null;
}

export interface FlightFrame {
  readonly id: number;
  readonly message: Message;
  readonly sentAt: number;
  readonly arriveAt: number;
  /** Set when it dies before arriving, with where along its path (0…1) and why. */
  readonly lostAt: number | null;
  readonly lossReason: LossReason | null;
  /** Waiting at its receiver's door until a person releases it. */
  readonly held: boolean;
}

export type { RequestStage };
/** The read model's request as it stood at this frame. */
export type RequestFrame = RequestView;

export interface NetworkFrame {
  readonly groups: readonly (readonly number[])[] | null;
  readonly cuts: readonly (readonly [number, number])[];
  readonly dropRate: number;
  /** Manual delivery: every message waits at its receiver's door until picked. */
  readonly manual: boolean;
}

export interface Frame {
  /** Position in the history, 0 for the start. */
  readonly seq: number;
  readonly at: number;
  /** The event that produced this frame (null for the first frame). */
  readonly event: TraceEvent | null;
  readonly nodes: readonly NodeFrame[];
  readonly flights: readonly FlightFrame[];
  /** The newest client requests (at most RECENT_REQUESTS), oldest first. */
  readonly requests: readonly RequestFrame[];
  /** How many client requests were ever sent. */
  readonly requestCount: number;
  readonly network: NetworkFrame;
  readonly facts: ClusterFacts;
  readonly violations: readonly Violation[];
  /**
   * What a person can make happen next while messages are held or delivery is manual (the
   * simulator's `choices()`); empty otherwise.
   */
  readonly choices: readonly Choice[];
}

const NO_CHOICES: readonly Choice[] = Object.freeze([]);

/** How many of the newest client requests each frame carries for the client panel. */
export const RECENT_REQUESTS = 12;

/** How many state machine copies (the newest, by applied index) the projector offers to share. */
const KV_COPIES_KEPT = 64;

type LogBacking = { view: LogView; truncations: number; base: number; backing: Entry[] };

/**
 * Keeps the previous frame's pieces so unchanged parts are shared. It is tied to one simulation
 * (the runtime slice makes a new one per cluster), which is why it may remember the last frame.
 */
export class FrameProjector {
  private previous: PackedFrame | null = null;
  private readonly logs = new Map<number, LogBacking>();
  private readonly flightFrames = new Map<number, FlightFrame>();
  private readonly flightSpans = new FlightSpans();
  private readonly rejections = new RejectionTracker();
  /** The newest state machine copies by the index applied last (see projectKv). */
  private readonly kvByApplied = new Map<number, Readonly<Record<string, string>>>();
  /** Each server's live state machine as the last frame read it (see machineOf). */
  private readonly kvSources = new Map<number, ReadonlyMap<string, string>>();

  project(sim: SimulationBase, event: TraceEvent | null): Frame {
    const prev = this.previous;
    if (event) this.rejections.note(event);
    const nodes = sim.nodeIds().map((id) => this.projectNode(sim.nodeView(id)));
    const facts = this.projectFacts(sim.facts());
    const violations = sim.violations();
    const flights = this.projectFlights(sim);
    const network = this.projectNetwork(sim.networkState());
    const was = prev?.steady;
    const steady: FrameSteady = {
      requestCount: sim.clientRequestCount(),
      network,
      facts,
      violations: was && was.violations.length === violations.length ? was.violations : violations,
      choices: this.projectChoices(sim, network.manual || flights.some((f) => f.held)),
    };
    const frame = new PackedFrame(
      prev ? prev.seq + 1 : 0,
      small(sim.now),
      event,
      prev && sameList(prev.nodes, nodes) ? prev.nodes : nodes,
      this.flightSpans.note(prev ? prev.seq + 1 : 0, flights),
      this.projectRequests(sim.requestViews(RECENT_REQUESTS)),
      was && sameRecord(was, steady) ? was : steady,
    );
    this.previous = frame;
    return frame;
  }

  private projectNode(v: NodeView): NodeFrame {
    const old = this.previous?.nodes[v.id - 1] as PackedNodeFrame | undefined;
    const was = old?.steady;
    // Spelled out rather than spread: a literal gets its fields inside the object, which keeps
    // each steady part small.
    const now: NodeSteady = {
      id: v.id,
      alive: v.alive,
      role: v.role,
      term: v.term,
      votedFor: v.votedFor,
      leaderId: v.leaderId,
      truncations: v.truncations,
      cutOff: v.cutOff,
      // Each step reports fresh arrays; keep the previous frame's when nothing in them changed.
      fault: was && sameRecord(was.fault, v.fault) ? was.fault : v.fault,
      votes: was && sameList(was.votes, v.votes) ? was.votes : v.votes,
      lost: was && sameRecord(was.lost, v.lost) ? was.lost : v.lost,
      logBase: v.logBase,
      snapshot: was && sameRecord(was.snapshot, v.snapshot) ? was.snapshot : v.snapshot,
      reads: was && sameReads(was.reads, v.reads) ? was.reads : v.reads,
      rejection: this.rejections.of(v.id),
      voters: was && sameList(was.voters, v.voters) ? was.voters : v.voters,
      learners: was && sameList(was.learners, v.learners) ? was.learners : v.learners,
      joint: was && sameJoint(was.joint, v.joint) ? was.joint : v.joint,
      member: v.member,
      transferTo: v.transferTo,
      canStand: v.canStand,
    };
    const next = new PackedNodeFrame(
      was && sameSteady(was, now) ? was : now,
      v.commitIndex,
      v.lastApplied,
      small(v.electionDeadline),
      small(v.electionTimeoutMs),
      small(v.heartbeatDeadline),
      projectProgress(old?.progress, v.progress),
      this.projectLog(v.id, v.log, v.truncations, v.logBase),
      this.machineOf(old, v),
    );
    return old && old.sameAs(next) ? old : next;
  }

  /**
   * The keys `v` holds, as `old` showed them when they did not change. The simulator changes a
   * server's keys in place only by applying entries, which moves lastApplied on; a crash, a
   * restart or an installed snapshot gives it a new map. So the same map at the same lastApplied
   * holds the same keys, known without reading them; anything else is compared key by key.
   */
  private machineOf(
    old: PackedNodeFrame | undefined,
    v: NodeView,
  ): Readonly<Record<string, string>> {
    const source = this.kvSources.get(v.id);
    this.kvSources.set(v.id, v.kv);
    if (!old) return this.projectKv(v);
    if (source === v.kv && old.lastApplied === v.lastApplied) return old.kv;
    return sameKv(old.kv, v.kv) ? old.kv : this.projectKv(v);
  }

  /**
   * The state machine is live: a frame keeps its own frozen copy. Servers that applied the same
   * log prefix hold the same map (§5.4.3, State Machine Safety), so one copy per applied index
   * serves them all — checked key by key, so a server whose map differs still gets its own.
   * Five servers applying index 812 in turn make one copy instead of five.
   */
  private projectKv(v: NodeView): Readonly<Record<string, string>> {
    const known = this.kvByApplied.get(v.lastApplied);
    if (known && sameKv(known, v.kv)) return known;
    const kv = Object.freeze(Object.fromEntries(v.kv));
    this.kvByApplied.set(v.lastApplied, kv);
    // Servers apply an index within a few heartbeats of each other: the newest copies suffice.
    if (this.kvByApplied.size > KV_COPIES_KEPT)
      this.kvByApplied.delete(this.kvByApplied.keys().next().value!);
    return kv;
  }

  /** The facts, sharing the previous frame's lists (and the whole object) while unchanged. */
  private projectFacts(f: ClusterFacts): ClusterFacts {
    const old = this.previous?.facts;
    if (!old) return f;
    const next: ClusterFacts = {
      ...f,
      voters: sameList(old.voters, f.voters) ? old.voters : f.voters,
      learners: sameList(old.learners, f.learners) ? old.learners : f.learners,
      joint: sameJoint(old.joint, f.joint) ? old.joint : f.joint,
    };
    return sameRecord(old, next) ? old : next;
  }

  /**
   * Shares one append-only backing array per node until a truncation or a snapshot (which
   * drops entries from the front, §5) forces a new one.
   */
  private projectLog(
    id: number,
    log: readonly Entry[],
    truncations: number,
    base: number,
  ): LogView {
    const known = this.logs.get(id);
    const same = known !== undefined && known.truncations === truncations && known.base === base;
    if (same && known.view.length === log.length) return known.view;
    let backing = same ? known.backing : [];
    if (backing.length > log.length) backing = [];
    // Pushing past a published view's length is safe: a view reads only its first `length`.
    for (let i = backing.length; i < log.length; i++) backing.push(log[i]!);
    const view = { entries: backing, length: log.length, base };
    this.logs.set(id, { view, truncations, base, backing });
    return view;
  }

  private projectFlights(sim: SimulationBase): readonly FlightFrame[] {
    const live = new Set<number>();
    const flights = sim.messagesInFlight().map((f) => {
      live.add(f.id);
      let frame = this.flightFrames.get(f.id);
      if (!frame || frame.lostAt !== f.lostAt || frame.held !== f.held) {
        frame = {
          id: f.id,
          message: f.message,
          sentAt: small(f.sentAt),
          arriveAt: small(f.arriveAt),
          lostAt: f.lostAt,
          lossReason: f.lossReason,
          held: f.held,
        };
        this.flightFrames.set(f.id, frame);
      }
      return frame;
    });
    for (const id of this.flightFrames.keys()) if (!live.has(id)) this.flightFrames.delete(id);
    return flights;
  }

  /**
   * Only the newest requests ride in each frame, and unchanged ones are the previous frame's
   * objects: a frame per event times every request ever sent would grow with the square of time.
   */
  private projectRequests(views: readonly RequestView[]): readonly RequestFrame[] {
    const before = this.previous?.requests ?? [];
    const shared = views.map((r) => {
      const old = before.find((b) => b.id === r.id);
      return old && sameRequest(old, r) ? old : requestFrame(r, old);
    });
    return sameList(before, shared) ? before : shared;
  }

  /** The choices while any message is held or delivery is manual, shared while unchanged. */
  private projectChoices(sim: SimulationBase, touched: boolean): readonly Choice[] {
    if (!touched) return NO_CHOICES;
    const next = sim.choices();
    const before = this.previous?.choices ?? NO_CHOICES;
    return JSON.stringify(before) === JSON.stringify(next) ? before : next;
  }

  private projectNetwork(net: ReturnType<SimulationBase['networkState']>): NetworkFrame {
    const old = this.previous?.network;
    if (
      old &&
      old.dropRate === net.dropRate &&
      old.manual === net.manual &&
      JSON.stringify(old.groups) === JSON.stringify(net.groups) &&
      JSON.stringify(old.cuts) === JSON.stringify(net.cuts)
    )
      return old;
    return net;
  }
}

/**
 * A leader's progress list, sharing each entry that did not change and the whole list when none
 * did. Entries are compared on every field the read model hands out (flow state and messages in
 * flight too): an entry kept for equal indexes alone would show an earlier state in a later
 * frame.
 *
 *   before  [S2 next 8 match 7] [S3 next 8 match 7]
 *   now     [S2 next 9 match 8] [S3 next 8 match 7]   → [new S2] [the same S3 object]
 */
function projectProgress(
  before: NodeFrame['progress'] | undefined,
  now: NodeFrame['progress'],
): NodeFrame['progress'] {
  if (before === undefined || before === now) return now;
  let changed = before.length !== now.length;
  const list = now.map((p, i) => {
    const old = before[i];
    if (old !== undefined && sameRecord(old, p)) return old;
    changed = true;
    return p;
  });
  return changed ? list : before;
}
