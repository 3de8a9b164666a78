// A frame is what the screen shows after one event: every node, every message in flight, every
// client request, the network and the checkers. Frames are immutable and share what did not
// change with the frame before, so a long history costs little and stepping back is a lookup.
import type {
  Command,
  Entry,
  LossReason,
  Message,
  Role,
  SimulationBase,
  TraceEvent,
  Violation,
} from '../sim';
import { describeMessage, failuresTolerated, majority } from '../sim';

/** A log as of one frame: read `entries[0 … length-1]` only; the array may be longer. */
export interface LogView {
  readonly entries: readonly Entry[];
  readonly length: number;
}

export interface NodeFrame {
  readonly id: number;
  readonly alive: boolean;
  /** The runtime's own failure (worker threw, hung or never loaded), if any. */
  readonly fault: string | null;
  readonly role: Role;
  readonly term: number;
  readonly votedFor: number | null;
  readonly leaderId: number | null;
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** Absolute virtual ms; draw the election timer draining from deadline − timeout to deadline. */
  readonly electionDeadline: number;
  readonly electionTimeoutMs: number;
  readonly heartbeatDeadline: number;
  readonly votes: readonly number[];
  /** Leader only: per follower nextIndex and matchIndex. */
  readonly progress: readonly { id: number; nextIndex: number; matchIndex: number }[];
  /** The log as on disk (which is also the live log while the node runs). */
  readonly log: LogView;
  readonly kv: Readonly<Record<string, string>>;
  /** While crashed: what the crash wiped out (the disk kept term, vote and log). */
  readonly lost: { role: Role; commitIndex: number; lastApplied: number; keys: number } | null;
  /** Can reach fewer than a majority of the cluster (itself included) over live links. */
  readonly cutOff: boolean;
}

export interface FlightFrame {
  readonly id: number;
  readonly message: Message;
  readonly summary: string;
  readonly sentAt: number;
  readonly arriveAt: number;
  /** Set when it dies before arriving, with where along its path (0…1) and why. */
  readonly lostAt: number | null;
  readonly lossReason: LossReason | null;
}

export type RequestStage =
  'sent' | 'forwarded' | 'appended' | 'committed' | 'applied' | 'acknowledged' | 'failed';

export interface RequestFrame {
  readonly id: number;
  readonly command: Command;
  readonly via: number;
  readonly sentAt: number;
  readonly stage: RequestStage;
  readonly forwardedTo: readonly number[];
  /** Where the leader appended it, and on how many logs that entry now stands. */
  readonly index: number | null;
  readonly term: number | null;
  readonly storedOn: number;
  readonly error: string | null;
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
  readonly groups: readonly (readonly number[])[] | null;
  readonly cuts: readonly (readonly [number, number])[];
  readonly dropRate: number;
  readonly leader: number | null;
  readonly leaderTerm: number | null;
  readonly majority: number;
  readonly tolerated: number;
  readonly violations: readonly Violation[];
}

/** How many of the newest client requests each frame carries for the client panel. */
export const RECENT_REQUESTS = 12;

/** Keeps the previous frame's pieces so unchanged nodes, logs and messages are shared. */
export class FrameProjector {
  private previous: Frame | null = null;
  private readonly logs = new Map<
    number,
    { view: LogView; truncations: number; backing: Entry[] }
  >();
  private readonly flightFrames = new Map<number, FlightFrame>();

  project(sim: SimulationBase, event: TraceEvent | null): Frame {
    const net = sim.networkState();
    const nodes = sim.nodeIds().map((id) => this.projectNode(sim, id));
    const live = new Set<number>();
    const flights = sim.messagesInFlight().map((f) => {
      live.add(f.id);
      let frame = this.flightFrames.get(f.id);
      if (!frame || frame.lostAt !== f.lostAt) {
        frame = {
          id: f.id,
          message: f.message,
          summary: describeMessage(f.message),
          sentAt: f.sentAt,
          arriveAt: f.arriveAt,
          lostAt: f.lostAt,
          lossReason: f.lossReason,
        };
        this.flightFrames.set(f.id, frame);
      }
      return frame;
    });
    for (const id of this.flightFrames.keys()) if (!live.has(id)) this.flightFrames.delete(id);
    const leader = sim.leader();
    const violations = sim.violations();
    const prev = this.previous;
    const frame: Frame = {
      seq: prev ? prev.seq + 1 : 0,
      at: sim.now,
      event,
      nodes: prev && nodes.every((n, i) => n === prev.nodes[i]) ? prev.nodes : nodes,
      flights,
      requests: this.projectRequests(sim, nodes),
      requestCount: sim.clientRequestCount(),
      groups: net.groups,
      cuts: net.cuts,
      dropRate: net.dropRate,
      leader,
      leaderTerm: leader === null ? null : (nodes[leader - 1]?.term ?? null),
      majority: majority(nodes.length),
      tolerated: failuresTolerated(nodes.length),
      violations:
        prev && prev.violations.length === violations.length ? prev.violations : violations,
    };
    this.previous = frame;
    return frame;
  }

  private projectNode(sim: SimulationBase, id: number): NodeFrame {
    const r = sim.inspect(id);
    const s = r.status;
    const log = this.projectLog(id, r.log, r.truncations);
    const old = this.previous?.nodes[id - 1];
    const kv = old && sameKv(old.kv, r.kv) ? old.kv : Object.fromEntries(r.kv);
    const next: NodeFrame = {
      id,
      alive: r.alive,
      fault: r.fault,
      role: s?.role ?? 'follower',
      term: r.currentTerm,
      votedFor: r.votedFor,
      leaderId: s?.leaderId ?? null,
      commitIndex: s?.commitIndex ?? 0,
      lastApplied: s?.lastApplied ?? 0,
      electionDeadline: s?.electionDeadline ?? 0,
      electionTimeoutMs: s?.electionTimeoutMs ?? 0,
      heartbeatDeadline: s?.heartbeatDeadline ?? -1,
      // Each step reports fresh arrays; keep the previous frame's when nothing in them changed.
      votes: old && sameList(old.votes, s?.votes ?? NONE) ? old.votes : (s?.votes ?? NONE),
      progress:
        old && sameProgress(old.progress, s?.progress ?? NONE)
          ? old.progress
          : (s?.progress ?? NONE),
      log,
      kv,
      lost: r.alive ? null : r.lost,
      cutOff: r.alive && !sim.reachesMajority(id),
    };
    return old && sameNode(old, next) ? old : next;
  }

  /** Shares one append-only backing array per node until a truncation forces a new one. */
  private projectLog(id: number, log: readonly Entry[], truncations: number): LogView {
    const known = this.logs.get(id);
    if (known && known.truncations === truncations && known.view.length === log.length)
      return known.view;
    let backing = known && known.truncations === truncations ? known.backing : [];
    if (backing.length > log.length) backing = [];
    for (let i = backing.length; i < log.length; i++) backing.push(log[i]!);
    const view = { entries: backing, length: log.length };
    this.logs.set(id, { view, truncations, backing });
    return view;
  }

  /**
   * Only the newest requests ride in each frame, and unchanged ones are the previous frame's
   * objects: a frame per event times every request ever sent would grow with the square of time.
   */
  private projectRequests(
    sim: SimulationBase,
    nodes: readonly NodeFrame[],
  ): readonly RequestFrame[] {
    const leader = sim.leader();
    const leaderNode = leader === null ? null : nodes[leader - 1];
    const before = this.previous?.requests ?? [];
    const known = new Map(before.map((r) => [r.id, r]));
    const next = [...sim.recentClientRequests(RECENT_REQUESTS)].reverse().map((r) => {
      const index = r.appended?.index ?? null;
      const term = r.appended?.term ?? null;
      const storedOn =
        index === null
          ? 0
          : nodes.filter((n) => n.log.length >= index && n.log.entries[index - 1]?.term === term)
              .length;
      let stage: RequestStage = r.forwardedTo.length ? 'forwarded' : 'sent';
      if (index !== null) stage = 'appended';
      if (index !== null && leaderNode && leaderNode.commitIndex >= index) stage = 'committed';
      if (index !== null && leaderNode && leaderNode.lastApplied >= index) stage = 'applied';
      if (r.status === 'ok') stage = 'acknowledged';
      if (r.status === 'failed') stage = 'failed';
      return {
        id: r.id,
        command: r.command,
        via: r.via,
        sentAt: r.sentAt,
        stage,
        // The world's list grows in place; a frame keeps its own copy, reused while unchanged.
        forwardedTo:
          known.get(r.id)?.forwardedTo.length === r.forwardedTo.length
            ? known.get(r.id)!.forwardedTo
            : [...r.forwardedTo],
        index,
        term,
        storedOn,
        error: r.error ?? null,
      };
    });
    const shared = next.map((r) => {
      const old = known.get(r.id);
      return old && sameRecord(old, r) ? old : r;
    });
    return shared.length === before.length && shared.every((r, i) => r === before[i])
      ? before
      : shared;
  }
}

function sameKv(a: Readonly<Record<string, string>>, b: ReadonlyMap<string, string>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== b.size) return false;
  return keys.every((k) => b.get(k) === a[k]);
}

const NONE: readonly never[] = [];

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function sameProgress(a: NodeFrame['progress'], b: NodeFrame['progress']): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every(
        (p, i) =>
          p.id === b[i]!.id && p.nextIndex === b[i]!.nextIndex && p.matchIndex === b[i]!.matchIndex,
      ))
  );
}

function sameRecord<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) if (a[key] !== b[key]) return false;
  return true;
}

function sameNode(a: NodeFrame, b: NodeFrame): boolean {
  for (const key of Object.keys(a) as (keyof NodeFrame)[]) if (a[key] !== b[key]) return false;
  return true;
}
