// A leader's view of one follower (Figure 2, "Volatile state on leaders"): nextIndex, matchIndex,
// and whether it answered since the last CheckQuorum round. Pure functions over a small record.
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
}

/**
 * Every record is built here, fields always in this order: one object shape keeps the leader's
 * per-reply code fast (a spread of mixed shapes is a slow path in V8).
 */
export function progressOf(
  nextIndex: number,
  matchIndex: number,
  recentActive: boolean,
  ackedSentAt = -1,
): Progress {
  return {
    nextIndex: asIndex(nextIndex),
    matchIndex: asIndex(matchIndex),
    recentActive,
    ackedSentAt,
  };
}

export function initialProgress(leaderLastIndex: LogIndex): Progress {
  return progressOf(leaderLastIndex + 1, 0, false, -1);
}

/** After sending entries up to `lastSent`, the next send starts after them. */
export function progressSent(p: Progress, lastSent: number): Progress {
  return lastSent + 1 > p.nextIndex
    ? progressOf(lastSent + 1, p.matchIndex, p.recentActive, p.ackedSentAt)
    : p;
}

/**
 * A success reply to a request sent at `sentAt`: the follower holds everything up to `index`.
 * Old replies change nothing.
 */
export function progressMatched(p: Progress, index: number, sentAt = -1): Progress {
  const matchIndex = asIndex(Math.max(p.matchIndex, index));
  const nextIndex = asIndex(Math.max(p.nextIndex, matchIndex + 1));
  const acked = Math.max(p.ackedSentAt, sentAt);
  if (
    matchIndex === p.matchIndex &&
    nextIndex === p.nextIndex &&
    p.recentActive &&
    acked === p.ackedSentAt
  ) {
    return p;
  }
  return progressOf(nextIndex, matchIndex, true, acked);
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
      return progressOf(r.conflictIndex, r.conflictIndex - 1, true, acked);
    }
    // Its entry at r.index now has another term: back off by the hint as for any rejection.
    const next = Math.max(1, Math.min(backoff(r, leaderLog), r.index));
    return progressOf(next, Math.min(r.conflictIndex, r.index, next) - 1, true, acked);
  }
  if (r.index <= p.matchIndex) return progressOf(p.nextIndex, p.matchIndex, true, acked);
  const next = Math.max(p.matchIndex + 1, Math.min(backoff(r, leaderLog), r.index));
  return progressOf(next, p.matchIndex, true, acked);
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
