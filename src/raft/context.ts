// The scratch space of one step: a mutable draft of the node, the time of the input and the
// outputs gathered so far. Only `step` in node.ts creates one; everything else edits through it.
import type { Message } from './messages';
import type { RaftLog } from './log';
import type { Progress } from './progress';
import type { Configuration } from './tracker';
import { bootConfigState, configurationOf } from './tracker';
import type { LoggedConfig } from './configLog';
import { configAfterWrite } from './configLog';
import { asIndex } from './types';
import { initialProgress } from './progress';
import { lastIndex } from './log';
import type { Entry, LogIndex, NodeId, RaftOptions, Role, Snapshot, Term } from './types';
import type { Machine, MachineDraft } from './stateMachine';
import { copyMachine } from './stateMachine';
import type { PendingRead } from './reads';
import { randomIntBetween } from './random';

/** A Raft server as a value. Stepping it returns the next value (see node.ts). */
export interface RaftNode {
  readonly id: NodeId;
  readonly options: RaftOptions;
  /**
   * Whose votes and replicas count (tracker.ts): the latest configuration entry in the log,
   * committed or not (thesis §4.1), else the one built from `options.ids` at boot.
   */
  readonly config: Configuration;
  /** The index of the entry `config` comes from; 0 for the boot configuration. */
  readonly configIndex: LogIndex;
  /** Leader only: the hand-over under way (thesis §3.10), or null. */
  readonly transfer: Transfer | null;
  // Persistent (Figure 2): survives a crash through the host's disk.
  readonly currentTerm: Term;
  readonly votedFor: NodeId | null;
  readonly log: RaftLog;
  /** The latest snapshot (§5): the log starts after its lastIncludedIndex. Null before any. */
  readonly snapshot: Snapshot | null;
  // Volatile on all servers.
  readonly role: Role;
  readonly leaderId: NodeId | null;
  /** Highest index known committed; lastApplied ≤ commitIndex at the end of every step. */
  readonly commitIndex: LogIndex;
  readonly lastApplied: LogIndex;
  /** The state machine after applying entries up to lastApplied, with its client sessions. */
  readonly machine: Machine;
  /**
   * Reads waiting to be answered (thesis §6.4): on a leader, for its leadership to be confirmed
   * and the read index applied; on a follower, for the leader's read index and then the apply.
   */
  readonly reads: readonly PendingRead[];
  /** Voters that granted this (pre)candidate a vote, itself included; empty in other roles. */
  readonly votes: readonly NodeId[];
  /** Voters that refused this (pre)candidate in the current round; empty in other roles. */
  readonly refusals: readonly NodeId[];
  /** Leader only: one record per peer of the configuration in use, learners included. */
  readonly progress: Readonly<Record<number, Progress>>;
  /** Absolute virtual ms when the election timer fires (not used while leader). */
  readonly electionDeadline: number;
  /** The randomized length of the current election timer, for drawing it draining. */
  readonly electionTimeoutMs: number;
  readonly heartbeatDeadline: number;
  readonly checkQuorumDeadline: number;
  /** When an AppendEntries from the current leader last arrived; -1 if never. */
  readonly lastLeaderContact: number;
  /**
   * When this server (re)started. With CheckQuorum it grants no vote for one minimum election
   * timeout after: it may have heard from a leader just before it crashed, and that leader's
   * lease (thesis §6.4.1) counts on it not voting for another until then.
   */
  readonly bootedAt: number;
  /** PRNG state handed in by the simulator; every timer draw advances it. */
  readonly rng: number;
}

/** A leadership transfer in progress: to whom, until when, and the request it answers. */
export interface Transfer {
  readonly to: NodeId;
  /** Virtual ms after which the leader gives up and takes requests again. */
  readonly until: number;
  /** The client request it answers: ok once TimeoutNow is sent, refused if it times out. */
  readonly requestId: number;
  /** TimeoutNow has gone out (the leader waits for the new term, taking no requests). */
  readonly sent: boolean;
}

export type Input =
  | { readonly kind: 'tick'; readonly now: number }
  | { readonly kind: 'message'; readonly now: number; readonly message: Message }
  /** The election timer fires now, whatever its deadline (a teacher's "time out S3"). */
  | { readonly kind: 'timeout'; readonly now: number }
  /** Take a snapshot of everything applied now (§5), whatever `snapshotEvery` says. */
  | { readonly kind: 'compact'; readonly now: number };

export type Output =
  /**
   * Write before anything is sent (Figure 2: respond to RPCs only after persisting). The log
   * from index `logFrom` on is now exactly `entries`; logFrom 0 means the log did not change.
   */
  | {
      readonly kind: 'persist';
      readonly currentTerm: Term;
      readonly votedFor: NodeId | null;
      readonly logFrom: number;
      readonly entries: readonly Entry[];
      /**
       * A new snapshot (§5) replaces the one on disk and every entry up to its last index; the
       * log after it is then `entries`, from logFrom = lastIncludedIndex + 1.
       */
      readonly snapshot?: Snapshot;
    }
  | { readonly kind: 'send'; readonly message: Message }
  /** The state machine was replaced by an installed snapshot's (§5): keys as the snapshot has them. */
  | { readonly kind: 'restore'; readonly snapshot: Snapshot }
  /**
   * A committed entry applied in index order. `duplicate`: its session had already applied
   * this write (§6.3), so the keys did not change.
   */
  | {
      readonly kind: 'apply';
      readonly index: LogIndex;
      readonly entry: Entry;
      readonly duplicate: boolean;
    };

export type Draft = { -readonly [K in keyof RaftNode]: RaftNode[K] };

/** Sends, re-sends and state-changes of one step, in the order they happened. */
export interface Ctx {
  readonly s: Draft;
  readonly now: number;
  readonly out: Output[];
  /** Lowest log index changed in this step; Infinity when the log is untouched. */
  logDirtyFrom: number;
  hardStateDirty: boolean;
  /** A snapshot was taken or installed in this step: the disk gets it and the whole log after it. */
  snapshotDirty: boolean;
  /** True once `s.progress` is this step's own copy, so `setProgress` may write into it. */
  progressOwned: boolean;
  /** This step's own copy of the state machine, once it applied something (see ownMachine). */
  machineOwned: MachineDraft | null;
}

/**
 * A fresh context for one step of `s` at `now`. Every field is set here, so every context has
 * one shape: fields added on the way used to give the step's functions several shapes to read.
 */
export function newCtx(s: Draft, now: number): Ctx {
  return {
    s,
    now,
    out: [],
    logDirtyFrom: Infinity,
    hardStateDirty: false,
    snapshotDirty: false,
    progressOwned: false,
    machineOwned: null,
  };
}

/**
 * The state machine this step may change: copied once per step from the node value's (which
 * stays as it was), so applying a batch of entries copies the keys once, not per entry.
 */
export function ownMachine(c: Ctx): MachineDraft {
  if (!c.machineOwned) {
    c.machineOwned = copyMachine(c.s.machine);
    c.s.machine = c.machineOwned;
  }
  return c.machineOwned;
}

/**
 * Distributive Omit, so each message variant keeps its own fields; `from` is always this node.
 */
type OutgoingMessage = Message extends infer M
  ? M extends Message
    ? Omit<M, 'from'>
    : never
  : never;

/**
 * Stamps `from` onto the caller's message and queues it. Every caller passes a fresh literal,
 * so writing into it is safe and spares a copy on the hottest path of the core.
 */
export function send(c: Ctx, message: OutgoingMessage): void {
  const stamped = message as OutgoingMessage & { from: NodeId };
  stamped.from = c.s.id;
  c.out.push({ kind: 'send', message: stamped as Message });
}

/**
 * Replaces one peer's progress record. The draft's progress map is shared with the node value
 * the step started from, so the first write of a step copies it; later writes reuse that copy.
 */
export function setProgress(c: Ctx, peer: NodeId, p: Progress): void {
  if (c.s.progress[peer] === p) return; // unchanged (a heartbeat, a repeated reply)
  if (!c.progressOwned) {
    c.s.progress = { ...c.s.progress };
    c.progressOwned = true;
  }
  (c.s.progress as Record<number, Progress>)[peer] = p;
}

/** Draws a fresh randomized timeout in [min, max] (§5.2) and restarts the election timer. */
export function resetElectionTimer(c: Ctx): void {
  const [min, max] = c.s.options.electionTimeoutMs;
  const [ms, rng] = randomIntBetween(c.s.rng, min, max);
  c.s.rng = rng;
  c.s.electionTimeoutMs = ms;
  c.s.electionDeadline = c.now + ms;
}

/**
 * The one way the log changes. The configuration follows it (thesis §4.1: a server uses the
 * latest configuration in its log as soon as it is written, and an older one again if the
 * entry is cut away); a leader starts or stops feeding the members that came or went.
 */
export function setLog(c: Ctx, log: RaftLog, changedFrom: number): void {
  const s = c.s;
  s.log = log;
  c.logDirtyFrom = Math.min(c.logDirtyFrom, changedFrom);
  const current = { state: s.config.state, index: s.configIndex };
  const next = configAfterWrite(log, changedFrom, current, () => configBeforeLog(s));
  if (next.index === current.index && next.state === current.state) return;
  s.config = configurationOf(s.id, next.state);
  s.configIndex = next.index;
  if (s.role === 'leader') followMembers(c);
}

/** The configuration before the log's first entry: the snapshot's, else the one booted with. */
export function configBeforeLog(s: Pick<RaftNode, 'snapshot' | 'id' | 'options'>): LoggedConfig {
  if (s.snapshot !== null) return { state: s.snapshot.config, index: s.snapshot.configIndex };
  return { state: bootConfigState(s.id, s.options.ids), index: asIndex(0) };
}

/** A leader's progress after a configuration change: a record for exactly each peer. */
function followMembers(c: Ctx): void {
  const s = c.s;
  const next: Record<number, Progress> = {};
  for (const peer of s.config.peers) {
    next[peer] = s.progress[peer] ?? initialProgress(lastIndex(s.log));
  }
  s.progress = next;
  c.progressOwned = true;
}
