// A leader's view of one follower (Figure 2, "Volatile state on leaders"): nextIndex, matchIndex,
// whether it answered since the last CheckQuorum round, and how fast to send to it (flow control
// as etcd's raft does it: probe, replicate or snapshot). Pure functions over a small record.
import type { AppendEntriesReply } from './messages';
import type { LogIndex } from './types';
import { asIndex } from './types';
import type { RaftLog } from './log';
import { lastIndexOfTerm } from './log';

export interface Progress {
  /** Next entry to send; optimistic: it moves on as soon as entries are sent (pipelining). */
  readonly nextIndex: LogIndex;
  /**
   * Highest entry known to be stored on the follower. It only grows within a term, with one
   * exception: a follower that says its log now ends before this index has lost entries (its
   * disk was replaced), and matchIndex falls back to what it still holds (see progressRejected).
   */
  readonly matchIndex: LogIndex;
  /** Heard from since the last CheckQuorum round. */
  readonly recentActive: boolean;
  /**
   * The latest send time (the leader's clock) of a request this follower answered in this term;
   * -1 before any. Reads use it (§6.4): a reply proves leadership at the time of the request.
   */
  readonly ackedSentAt: number;
  /** How the leader sends to this follower now (see Flow). */
  readonly flow: Flow;
}

/**
 * Flow control, as etcd's raft does it:
 * - probe: the leader does not know where the follower's log matches; it sends one
 *   AppendEntries and waits for the answer (or the next heartbeat) before sending another, so a
 *   follower that rejects is probed once, not sent the same batch again and again;
 * - replicate: the logs match up to matchIndex; the leader streams entries, moving nextIndex on
 *   as it sends, with at most MAX_INFLIGHT AppendEntries carrying entries unanswered;
 * - snapshot: the follower needs entries the leader compacted (§5); it waits for the snapshot's
 *   answer, sending the snapshot again at each heartbeat.
 * A new leader probes every follower; a success moves to replicate; a rejection back to probe.
 */
export interface Flow {
  readonly state: 'probe' | 'replicate' | 'snapshot';
  /** Probe: an AppendEntries is out and unanswered, so the next waits. */
  readonly paused: boolean;
  /** Replicate: the last index each unanswered AppendEntries carried, oldest first. */
  readonly inflight: readonly number[];
  /** Snapshot: when the snapshot was sent (it is sent again only if unanswered for long); else -1. */
  readonly since: number;
}

/** Most AppendEntries carrying entries that may be unanswered at once in replicate. */
export const MAX_INFLIGHT = 8;

const NONE: readonly number[] = Object.freeze([]);
export const PROBE: Flow = Object.freeze({
  state: 'probe',
  paused: false,
  inflight: NONE,
  since: -1,
});
const PROBE_PAUSED: Flow = Object.freeze({
  state: 'probe',
  paused: true,
  inflight: NONE,
  since: -1,
});
const REPLICATE: Flow = Object.freeze({
  state: 'replicate',
  paused: false,
  inflight: NONE,
  since: -1,
});

/**
 * Every record is built here, fields always in this order: one object shape keeps the leader's
 * per-reply code fast (a spread of mixed shapes is a slow path in V8).
 */
export function progressOf(
  nextIndex: number,
  matchIndex: number,
  recentActive: boolean,
  ackedSentAt = -1,
  flow: Flow = PROBE,
): Progress {
  return {
    nextIndex: asIndex(nextIndex),
    matchIndex: asIndex(matchIndex),
    recentActive,
    ackedSentAt,
    flow,
  };
}

export function initialProgress(leaderLastIndex: LogIndex): Progress {
  return progressOf(leaderLastIndex + 1, 0, false, -1);
}

/**
 * Whether the leader may send this follower an AppendEntries now: in probe, only when none is
 * unanswered; in replicate, while fewer than MAX_INFLIGHT are; in snapshot, never (it waits
 * for the snapshot's answer). A heartbeat always goes (it is how a lost probe is retried).
 */
export function maySend(p: Progress, heartbeat: boolean): boolean {
  if (heartbeat) return true;
  const f = p.flow;
  if (f.state === 'probe') return !f.paused;
  return f.state === 'replicate' && f.inflight.length < MAX_INFLIGHT;
}

/**
 * After an AppendEntries whose last entry is `lastSent` (`carried`: it had entries). Replicate
 * moves nextIndex on at once (pipelining) and counts the message in flight; probe keeps
 * nextIndex and waits. At a heartbeat a full window gives up its oldest message, as etcd does:
 * a lost one must not stall the stream forever.
 */
export function progressSent(p: Progress, lastSent: number, carried = true): Progress {
  const f = p.flow;
  if (f.state === 'probe') {
    return f.paused
      ? p
      : progressOf(p.nextIndex, p.matchIndex, p.recentActive, p.ackedSentAt, PROBE_PAUSED);
  }
  if (f.state !== 'replicate') return p;
  let inflight = f.inflight;
  if (carried) {
    const kept = inflight.length >= MAX_INFLIGHT ? inflight.slice(1) : inflight;
    inflight = [...kept, lastSent];
  }
  const next = Math.max(p.nextIndex, lastSent + 1);
  if (next === p.nextIndex && inflight === f.inflight) return p;
  const flow =
    inflight.length === 0
      ? REPLICATE
      : { state: 'replicate' as const, paused: false, inflight, since: -1 };
  return progressOf(next, p.matchIndex, p.recentActive, p.ackedSentAt, flow);
}

/** After sending the snapshot that ends at `index` (§5) at `now`: wait for its answer. */
export function progressSnapshotSent(p: Progress, index: number, now: number): Progress {
  const next = Math.max(p.nextIndex, index + 1);
  const flow: Flow = { state: 'snapshot', paused: true, inflight: NONE, since: now };
  return progressOf(next, p.matchIndex, p.recentActive, p.ackedSentAt, flow);
}

/**
 * A success reply to a request sent at `sentAt`: the follower holds everything up to `index`.
 * A probe that succeeds starts replicating; in replicate, the messages up to `index` are
 * answered; a snapshot answered up to its end starts replicating. Old replies change nothing.
 */
export function progressMatched(p: Progress, index: number, sentAt = -1): Progress {
  const matchIndex = asIndex(Math.max(p.matchIndex, index));
  const nextIndex = asIndex(Math.max(p.nextIndex, matchIndex + 1));
  const acked = Math.max(p.ackedSentAt, sentAt);
  const flow = flowAfterSuccess(p.flow, matchIndex, nextIndex, index);
  if (
    matchIndex === p.matchIndex &&
    nextIndex === p.nextIndex &&
    p.recentActive &&
    acked === p.ackedSentAt &&
    flow === p.flow
  ) {
    return p;
  }
  return progressOf(nextIndex, matchIndex, true, acked, flow);
}

function flowAfterSuccess(f: Flow, matchIndex: number, nextIndex: number, index: number): Flow {
  if (f.state === 'probe') return REPLICATE;
  if (f.state === 'snapshot') return matchIndex >= nextIndex - 1 ? REPLICATE : f;
  if (f.inflight.length === 0 || f.inflight[0]! > index) return f;
  const left = f.inflight.filter((last) => last > index);
  return left.length === 0
    ? REPLICATE
    : { state: 'replicate', paused: false, inflight: left, since: -1 };
}

/** What a rejection tells the leader (the fields of an AppendEntriesReply it reads). */
export type Rejection = Pick<
  AppendEntriesReply,
  'index' | 'conflictTerm' | 'conflictIndex' | 'knownMatchIndex' | 'sentAt'
>;

/**
 * A rejection of a request whose prevLogIndex was `r.index`, with the follower's hint (§5.3):
 * if the leader has entries of the conflicting term, resume after its last one; if not, resume
 * at the follower's first index of it; a hint of term 0 means the follower's log ends just
 * before `conflictIndex`. Any other rejection at or below matchIndex is stale (a later request
 * already matched) and changes nothing.
 */
export function progressRejected(p: Progress, r: Rejection, leaderLog: RaftLog): Progress {
  const acked = Math.max(p.ackedSentAt, r.sentAt);
  if (followerLostEntries(p, r)) {
    // Lowering matchIndex is safe: commitIndex never moves back, it only stops counting this
    // follower for entries it no longer holds. Resend from the first entry it lacks.
    if (r.conflictTerm === 0) {
      return progressOf(r.conflictIndex, r.conflictIndex - 1, true, acked, PROBE);
    }
    // Its entry at r.index now has another term: back off by the hint as for any rejection.
    const next = Math.max(1, Math.min(backoff(r, leaderLog), r.index));
    return progressOf(next, Math.min(r.conflictIndex, r.index, next) - 1, true, acked, PROBE);
  }
  // Stale: a later request already matched, or (probing, or waiting for a snapshot) the answer
  // to a request other than the one out now — etcd's rule, so one gap is backed off from once.
  const stale =
    r.index <= p.matchIndex ||
    p.flow.state === 'snapshot' ||
    (p.flow.state === 'probe' && r.index !== p.nextIndex - 1);
  if (stale) return progressOf(p.nextIndex, p.matchIndex, true, acked, p.flow);
  const next = Math.max(p.matchIndex + 1, Math.min(backoff(r, leaderLog), r.index));
  return progressOf(next, p.matchIndex, true, acked, PROBE);
}

/** Where the hint says to resume: after the leader's last entry of the conflicting term, if any. */
function backoff(r: Rejection, leaderLog: RaftLog): number {
  if (r.conflictTerm > 0) {
    const last = lastIndexOfTerm(leaderLog, r.conflictTerm);
    if (last > 0) return last + 1;
  }
  return r.conflictIndex;
}

/**
 * The follower says its log ends (a term-0 hint) at or before an entry it acknowledged, or
 * that a different entry stands where it acknowledged the leader's, in answer to a request sent
 * after the leader knew of that acknowledgement: its disk lost entries (it was replaced). The request's echoed knownMatchIndex is what
 * tells this from a rejection overtaken by a later success, whose hint is simply old.
 * Example: matchIndex 5, a heartbeat sent knowing 5, hint (term 0, index 3) → resend from 3.
 */
function followerLostEntries(p: Progress, r: Rejection): boolean {
  if (r.knownMatchIndex < p.matchIndex || p.matchIndex === 0) return false;
  // Too short to hold what it acknowledged, or a different entry where it had the leader's.
  const tooShort = r.conflictTerm === 0 && r.conflictIndex >= 1 && r.conflictIndex <= p.matchIndex;
  return tooShort || (r.conflictTerm > 0 && r.index <= p.matchIndex);
}
