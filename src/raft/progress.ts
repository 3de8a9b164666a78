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

export function initialProgress(leaderLastIndex: LogIndex): Progress {
  return { nextIndex: asIndex(leaderLastIndex + 1), matchIndex: asIndex(0), recentActive: false };
}

/** After sending entries up to `lastSent`, the next send starts after them. */
export function progressSent(p: Progress, lastSent: number): Progress {
  return lastSent + 1 > p.nextIndex ? { ...p, nextIndex: asIndex(lastSent + 1) } : p;
}

/** A success reply: the follower holds everything up to `index`. Old replies change nothing. */
export function progressMatched(p: Progress, index: number): Progress {
  const matchIndex = asIndex(Math.max(p.matchIndex, index));
  const nextIndex = asIndex(Math.max(p.nextIndex, matchIndex + 1));
  return { matchIndex, nextIndex, recentActive: true };
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
  if (rejected <= p.matchIndex) return { ...p, recentActive: true };
  let next: number = conflictIndex;
  if (conflictTerm > 0) {
    const last = lastIndexOfTerm(leaderLog, conflictTerm);
    if (last > 0) next = last + 1;
  }
  next = Math.max(p.matchIndex + 1, Math.min(next, rejected));
  return { ...p, nextIndex: asIndex(next), recentActive: true };
}
