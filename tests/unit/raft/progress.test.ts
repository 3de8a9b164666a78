// Table-driven tests for the leader's view of one follower (src/raft/progress.ts): what a send,
// a success and a rejection with the §5.3 hint do to nextIndex and matchIndex.
import { describe, expect, it } from 'vitest';
import type { Progress, Rejection } from '../../../src/raft/progress';
import {
  initialProgress,
  progressMatched,
  progressRejected,
  progressSent,
} from '../../../src/raft/progress';
import { logFrom } from '../../../src/raft/log';
import { asIndex, asTerm } from '../../../src/raft';
import { entry, sentences } from './harness';

const progress = (nextIndex: number, matchIndex: number, recentActive = false): Progress => ({
  nextIndex: asIndex(nextIndex),
  matchIndex: asIndex(matchIndex),
  recentActive,
  ackedSentAt: -1,
  // Replicating (pipelining): the rows below are about nextIndex arithmetic; flow.test covers probe.
  flow: { state: 'replicate', paused: false, inflight: [], since: -1 },
});
const view = (p: Progress) => ({ next: p.nextIndex, match: p.matchIndex, active: p.recentActive });

describe('initialProgress: a new leader is optimistic', () => {
  it('starts nextIndex just past its own last index and matchIndex at 0', () => {
    expect(view(initialProgress(asIndex(5)))).toEqual({ next: 6, match: 0, active: false });
  });
});

describe('progressSent(p, lastSent): pipelining moves nextIndex past what was sent', () => {
  it.each(
    sentences([
      {
        says: 'sending entries 6…8 moves nextIndex to 9',
        from: [6, 5],
        lastSent: 8,
        expected: [9, 5],
      },
      {
        says: 'a heartbeat (nothing new sent) leaves nextIndex alone',
        from: [6, 5],
        lastSent: 5,
        expected: [6, 5],
      },
      {
        says: 'a re-send of older entries never moves nextIndex back',
        from: [9, 5],
        lastSent: 7,
        expected: [9, 5],
      },
    ]),
  )('%s', (_says, { from, lastSent, expected }) => {
    const after = progressSent(progress(from[0]!, from[1]!), lastSent);
    expect([after.nextIndex, after.matchIndex]).toEqual(expected);
  });
});

describe('progressMatched(p, index): a success reply', () => {
  it.each(
    sentences([
      {
        says: 'a follower holding up to 5 gets matchIndex 5, nextIndex stays 6',
        from: [6, 0],
        index: 5,
        expected: [6, 5],
      },
      {
        says: 'a match beyond nextIndex pulls nextIndex along',
        from: [6, 0],
        index: 8,
        expected: [9, 8],
      },
      {
        says: 'an old, reordered success never lowers matchIndex',
        from: [9, 8],
        index: 3,
        expected: [9, 8],
      },
      {
        says: 'a match below an optimistic nextIndex keeps the pipeline where it is',
        from: [12, 5],
        index: 7,
        expected: [12, 7],
      },
    ]),
  )('%s', (_says, { from, index, expected }) => {
    const after = progressMatched(progress(from[0]!, from[1]!), index);
    expect([after.nextIndex, after.matchIndex, after.recentActive]).toEqual([...expected, true]);
  });
});

/** A rejection of prevLogIndex `rejected` with hint [conflictIndex, conflictTerm], sent knowing `known`. */
const rejection = (rejected: number, hint: readonly number[], known = 0): Rejection => ({
  index: asIndex(rejected),
  conflictIndex: asIndex(hint[0]!),
  conflictTerm: asTerm(hint[1]!),
  knownMatchIndex: asIndex(known),
  sentAt: 0,
});

// The leader's log in every row: indexes 1…7 with terms 1 1 2 2 4 4 4.
const leaderLog = logFrom([1, 1, 2, 2, 4, 4, 4].map((t) => entry(t)));

describe('progressRejected(p, rejection, leaderLog): back off a term at a time', () => {
  it.each(
    sentences([
      {
        says: 'a follower whose log is too short (term 0) resumes right after its last entry',
        from: [8, 0],
        rejected: 7,
        hint: [4, 0],
        expected: 4,
      },
      {
        says: 'a conflicting term the leader also has resumes after the leader’s last entry of it',
        from: [8, 0],
        rejected: 7,
        hint: [3, 2],
        expected: 5,
      },
      {
        says: 'a conflicting term the leader never had resumes at the follower’s first index of it',
        from: [8, 0],
        rejected: 7,
        hint: [3, 3],
        expected: 3,
      },
      {
        says: 'a hint never moves nextIndex back to or below matchIndex',
        from: [8, 3],
        rejected: 7,
        hint: [1, 0],
        expected: 4,
      },
      {
        says: 'a hint never moves nextIndex past the index that was rejected',
        from: [8, 0],
        rejected: 4,
        hint: [3, 2],
        expected: 4,
      },
      {
        says: 'a stale rejection at or below matchIndex changes nothing (a later request already matched)',
        from: [8, 6],
        rejected: 5,
        hint: [1, 0],
        expected: 8,
      },
      {
        says: 'a stale rejection exactly at matchIndex changes nothing either',
        from: [8, 6],
        rejected: 6,
        hint: [2, 1],
        expected: 8,
      },
    ]),
  )('%s', (_says, { from, rejected, hint, expected }) => {
    const before = progress(from[0]!, from[1]!);
    const after = progressRejected(before, rejection(rejected, hint), leaderLog);
    expect(after.nextIndex).toBe(expected);
    expect(after.matchIndex).toBe(before.matchIndex);
    expect(after.recentActive).toBe(true); // any reply shows the follower is alive
  });
});

describe('progressRejected: a follower that lost entries it had acknowledged is repaired', () => {
  it.each(
    sentences([
      {
        says: 'a follower now ending at 2, asked knowing matchIndex 5, gets matchIndex 2 and nextIndex 3',
        from: [6, 5],
        rejected: 5,
        hint: [3, 0],
        known: 5,
        expected: [3, 2],
      },
      {
        says: 'the same holds for a heartbeat sent from further on (prevLogIndex above matchIndex)',
        from: [8, 5],
        rejected: 7,
        hint: [3, 0],
        known: 5,
        expected: [3, 2],
      },
      {
        says: 'a follower whose log is now empty is resent everything from index 1',
        from: [8, 5],
        rejected: 7,
        hint: [1, 0],
        known: 5,
        expected: [1, 0],
      },
      {
        says: 'a short-log rejection sent before the leader knew matchIndex 5 is old news and changes nothing',
        from: [6, 5],
        rejected: 5,
        hint: [3, 0],
        known: 2,
        expected: [6, 5],
      },
      {
        says: 'an old short-log rejection above matchIndex backs off no further than matchIndex + 1',
        from: [8, 5],
        rejected: 7,
        hint: [3, 0],
        known: 2,
        expected: [6, 5],
      },
      {
        says: 'another term where it had acknowledged the leader’s entry (asked knowing 5) backs off by the hint: nextIndex 5, matchIndex 2',
        from: [6, 5],
        rejected: 5,
        hint: [3, 2],
        known: 5,
        expected: [5, 2],
      },
      {
        says: 'the same conflicting-term rejection sent before the leader knew matchIndex 5 is stale and changes nothing',
        from: [6, 5],
        rejected: 5,
        hint: [3, 2],
        known: 4,
        expected: [6, 5],
      },
      {
        says: 'a short log that still holds everything acknowledged is no loss: nextIndex backs off to 6',
        from: [8, 5],
        rejected: 7,
        hint: [6, 0],
        known: 5,
        expected: [6, 5],
      },
    ]),
  )('%s', (_says, { from, rejected, hint, known, expected }) => {
    const after = progressRejected(
      progress(from[0]!, from[1]!),
      rejection(rejected, hint, known),
      leaderLog,
    );
    expect([after.nextIndex, after.matchIndex, after.recentActive]).toEqual([...expected, true]);
  });
});
