// A leader's view of one follower (Figure 2, "Volatile state on leaders"): nextIndex, matchIndex,
// and whether it answered since the last CheckQuorum round. Pure functions over a small record.
import type { LogIndex, Term } from './types';
import { asIndex } from './types';
import type { RaftLog } from './log';
import { lastIndexOfTerm } from './log';

export interface Progress {
  /** Next entry to send; optimistic: it moves on as soon as entries are sent (pipelining). */
  readonly nextIndex: LogIndex;
  /** Highest entry known to be stored on the follower; never decreases within a term. */
  readonly matchIndex: LogIndex;
  /** Heard from since the last CheckQuorum round. */
  readonly recentActive: boolean;
}

/**
 * Every record is built here, fields always in this order: one object shape keeps the leader's
 * per-reply code fast (a spread of mixed shapes is a slow path in V8).
 */
export function progressOf(nextIndex: number, matchIndex: number, recentActive: boolean): Progress {
  return { nextIndex: asIndex(nextIndex), matchIndex: asIndex(matchIndex), recentActive };
}

export function initialProgress(leaderLastIndex: LogIndex): Progress {
  return progressOf(leaderLastIndex + 1, 0, false);
}

/** After sending entries up to `lastSent`, the next send starts after them. */
export function progressSent(p: Progress, lastSent: number): Progress {
  return lastSent + 1 > p.nextIndex ? progressOf(lastSent + 1, p.matchIndex, p.recentActive) : p;
}

/** A success reply: the follower holds everything up to `index`. Old replies change nothing. */
export function progressMatched(p: Progress, index: number): Progress {
  const matchIndex = asIndex(Math.max(p.matchIndex, index));
  const nextIndex = asIndex(Math.max(p.nextIndex, matchIndex + 1));
  if (matchIndex === p.matchIndex && nextIndex === p.nextIndex && p.recentActive) return p;
  return progressOf(nextIndex, matchIndex, true);
}

/**
 * A rejection of a request whose prevLogIndex was `rejected`. A rejection at or below matchIndex
 * is stale (a later request already matched) and changes nothing. Otherwise back nextIndex off a
 * whole term at a time using the follower's hint (§5.3): if the leader has entries of the
 * conflicting term, resume after its last one; if not, resume at the follower's first index of it.
 */
export function progressRejected(
  p: Progress,
  rejected: number,
  conflictTerm: Term,
  conflictIndex: LogIndex,
  leaderLog: RaftLog,
): Progress {
  if (rejected <= p.matchIndex) return progressOf(p.nextIndex, p.matchIndex, true);
  let next: number = conflictIndex;
  if (conflictTerm > 0) {
    const last = lastIndexOfTerm(leaderLog, conflictTerm);
    if (last > 0) next = last + 1;
  }
  next = Math.max(p.matchIndex + 1, Math.min(next, rejected));
  return progressOf(next, p.matchIndex, true);
}
