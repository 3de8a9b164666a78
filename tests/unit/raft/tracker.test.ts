// Table tests for the quorum tracker (src/raft/tracker.ts): the configuration built from the
// options, the vote tally, the commit index over voters and CheckQuorum's count.
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../src/raft';
import { asIndex } from '../../../src/raft';
import { progressOf } from '../../../src/raft/progress';
import type { Progress } from '../../../src/raft/progress';
import {
  bootConfigState,
  committedIndex,
  configurationOf,
  progressForNewLeader,
  progressWithActivityCleared,
  quorumActive,
  voteResult,
} from '../../../src/raft/tracker';
import { S, sentences } from './harness';

const ids = (...xs: number[]): NodeId[] => xs.map(S);
/** The configuration `self` boots with from these voters (the options' ids). */
const booted = (self: NodeId, voters: NodeId[]) =>
  configurationOf(self, bootConfigState(self, voters));
const five = booted(S(1), ids(1, 2, 3, 4, 5));
// [1, <hole>, 3], written without a sparse literal.
const holey: number[] = [1];
holey[2] = 3;

describe('bootConfigState(self, ids): the voters a server starts with', () => {
  it('keeps the voters in order and lists the peers and electors without itself', () => {
    const c = booted(S(2), ids(1, 2, 3));
    expect(c.state).toEqual({ voters: [1, 2, 3], learners: [], old: null, joining: [] });
    expect(c).toMatchObject({ peers: [1, 3], electors: [1, 3], selfVotes: true });
  });

  it('takes an empty list for a server added later: no voters, no vote of its own', () => {
    const c = booted(S(4), []);
    expect(c).toMatchObject({ peers: [], electors: [], selfVotes: false });
  });

  it.each(
    sentences([
      { says: 'refuses a missing list', bad: undefined, error: /must be a list/ },
      { says: 'refuses a string', bad: '1,2,3', error: /must be a list/ },
      {
        says: 'refuses a fractional id',
        bad: [1, 2.5, 3],
        error: /ids\[1\] must be a whole number/,
      },
      { says: 'refuses NaN', bad: [1, NaN], error: /ids\[1\]/ },
      { says: 'refuses Infinity', bad: [1, Infinity], error: /ids\[1\]/ },
      { says: 'refuses id 0 (the client)', bad: [0, 1], error: /ids\[0\]/ },
      { says: 'refuses a hole in the list', bad: holey, error: /ids\[1\]/ },
      { says: 'refuses a repeated id', bad: [1, 1, 2], error: /distinct and ascending/ },
      { says: 'refuses a list out of order', bad: [2, 1, 3], error: /distinct and ascending/ },
      { says: 'refuses a list without the server itself', bad: [2, 3], error: /own id S1/ },
    ]),
  )('%s', (_says, { bad, error }) => {
    expect(() => bootConfigState(S(1), bad)).toThrow(error);
  });
});

describe('voteResult(config, granted, refused): where an election stands (§5.2)', () => {
  it.each(
    sentences([
      {
        says: 'its own vote alone is pending in a cluster of five',
        granted: [1],
        refused: [],
        is: 'pending',
      },
      { says: 'three grants of five win', granted: [1, 2, 3], refused: [], is: 'won' },
      {
        says: 'two refusals of five leave it pending',
        granted: [1],
        refused: [2, 3],
        is: 'pending',
      },
      { says: 'three refusals of five lose it', granted: [1], refused: [2, 3, 4], is: 'lost' },
      {
        says: 'grants from servers that are not voters do not count',
        granted: [1, 7, 8],
        refused: [],
        is: 'pending',
      },
      {
        says: 'refusals from servers that are not voters do not count',
        granted: [1],
        refused: [7, 8, 9],
        is: 'pending',
      },
    ]),
  )('%s', (_says, { granted, refused, is }) => {
    expect(voteResult(five, ids(...granted), ids(...refused))).toBe(is);
  });

  it('a cluster of one wins on its own vote', () => {
    expect(voteResult(booted(S(1), ids(1)), ids(1), [])).toBe('won');
  });
});

const progressOfMatches = (matches: Partial<Record<number, number>>): Record<number, Progress> =>
  Object.fromEntries(Object.entries(matches).map(([id, m]) => [id, progressOf(m! + 1, m!, false)]));

describe('committedIndex(config, self, lastIndex, progress): stored on a majority of voters (§5.3)', () => {
  it.each(
    sentences([
      {
        says: 'leader at 7, peers at 5, 5, 3, 1: index 5',
        own: 7,
        matches: { 2: 5, 3: 5, 4: 3, 5: 1 },
        is: 5,
      },
      {
        says: 'leader at 7, peers at 7, 1, 1, 1: index 1',
        own: 7,
        matches: { 2: 7, 3: 1, 4: 1, 5: 1 },
        is: 1,
      },
      { says: 'a peer without a record counts 0', own: 4, matches: { 2: 4 }, is: 0 },
      {
        says: 'a record for a server that is not a voter does not count',
        own: 4,
        matches: { 2: 4, 9: 4 },
        is: 0,
      },
    ]),
  )('%s', (_says, { own, matches, is }) => {
    expect(committedIndex(five, S(1), asIndex(own), progressOfMatches(matches))).toBe(is);
  });
});

describe('progress for a new leader and CheckQuorum rounds', () => {
  it('a new leader of a 3-server cluster tracks both peers from just past its log', () => {
    const config = booted(S(2), ids(1, 2, 3));
    expect(progressForNewLeader(config, asIndex(4))).toEqual({
      1: progressOf(5, 0, false),
      3: progressOf(5, 0, false),
    });
  });

  it.each(
    sentences([
      { says: 'the leader and two active peers of five are a quorum', active: [2, 3], is: true },
      { says: 'the leader and one active peer of five are not', active: [2], is: false },
    ]),
  )('%s', (_says, { active, is }) => {
    const progress = Object.fromEntries(
      [2, 3, 4, 5].map((id) => [id, progressOf(1, 0, active.includes(id))]),
    );
    expect(quorumActive(five, S(1), progress)).toBe(is);
  });

  it('a fresh round clears every peer’s activity and keeps its indexes', () => {
    const progress = { 2: progressOf(6, 5, true), 3: progressOf(4, 0, true) };
    expect(progressWithActivityCleared(booted(S(1), ids(1, 2, 3)), progress)).toEqual({
      2: progressOf(6, 5, false),
      3: progressOf(4, 0, false),
    });
  });
});

/** S1's view of the joint configuration {1,2,3} → {3,4,5} (thesis §4.3): S3 is in both halves. */
const joint = configurationOf(S(1), {
  voters: ids(3, 4, 5),
  learners: ids(6),
  old: ids(1, 2, 3),
  joining: [],
});
/** S1's view after it removed itself: voters {2,3}, S1 still leading until that commits (§4.2.2). */
const withoutSelf = configurationOf(S(1), {
  voters: ids(2, 3),
  learners: [],
  old: null,
  joining: [],
});

describe('joint and changed configurations (thesis §4.1–§4.3): every majority counts the voters in use', () => {
  it('a joint configuration asks the voters of both halves and feeds its learners too', () => {
    expect(joint).toMatchObject({
      selfVotes: true,
      electors: [2, 3, 4, 5],
      peers: [2, 3, 4, 5, 6],
    });
  });

  it('a leader outside its own configuration has no vote of its own and still feeds the voters', () => {
    expect(withoutSelf).toMatchObject({ selfVotes: false, electors: [2, 3], peers: [2, 3] });
  });

  it.each(
    sentences([
      { says: 'a majority of C_old alone is pending', granted: [1, 2], refused: [], is: 'pending' },
      {
        says: 'a majority of C_new alone is pending',
        granted: [1, 4, 5],
        refused: [],
        is: 'pending',
      },
      {
        says: 'S1 and S3 and S4 win: S3 counts in both halves',
        granted: [1, 3, 4],
        refused: [],
        is: 'won',
      },
      { says: 'a majority of each half wins', granted: [1, 2, 4, 5], refused: [], is: 'won' },
      {
        says: 'a learner’s grant does not count',
        granted: [1, 2, 4, 6],
        refused: [],
        is: 'pending',
      },
      {
        says: 'losing C_new alone loses the election',
        granted: [1, 2],
        refused: [4, 5],
        is: 'lost',
      },
      {
        says: 'losing C_old alone loses the election',
        granted: [1, 4, 5],
        refused: [2, 3],
        is: 'lost',
      },
    ]),
  )('voteResult, joint: %s', (_says, { granted, refused, is }) => {
    expect(voteResult(joint, ids(...granted), ids(...refused))).toBe(is);
  });

  it.each(
    sentences([
      { says: 'stored on S1 and S2 (C_old’s majority only): 0', matches: { 2: 9 }, is: 0 },
      {
        says: 'stored on S1, S4 and S5 (C_new’s majority only): 0',
        matches: { 4: 9, 5: 9 },
        is: 0,
      },
      {
        says: 'the lower of the halves: C_old at 7, C_new at 5 → 5',
        matches: { 2: 7, 4: 5, 5: 5 },
        is: 5,
      },
      { says: 'S3 counts in both: S1, S3 at 6 and S4 at 8 → 6', matches: { 3: 6, 4: 8 }, is: 6 },
      { says: 'a learner at 9 does not count', matches: { 2: 9, 4: 9, 6: 9 }, is: 0 },
    ]),
  )('committedIndex, joint, leader S1 at 9: %s', (_says, { matches, is }) => {
    expect(committedIndex(joint, S(1), asIndex(9), progressOfMatches(matches))).toBe(is);
  });

  it.each(
    sentences([
      {
        says: 'S2 alone does not commit: the leader no longer counts itself',
        matches: { 2: 4 },
        is: 0,
      },
      { says: 'S2 and S3 commit', matches: { 2: 4, 3: 4 }, is: 4 },
    ]),
  )('committedIndex, leader outside {2,3}: %s', (_says, { matches, is }) => {
    expect(committedIndex(withoutSelf, S(1), asIndex(4), progressOfMatches(matches))).toBe(is);
  });

  it.each(
    sentences([
      { says: 'S2 heard (C_old’s majority only): not a quorum', active: [2], is: false },
      { says: 'S4 and S5 heard (C_new’s majority only): not a quorum', active: [4, 5], is: false },
      { says: 'S3 and S4 heard: a quorum of both halves', active: [3, 4], is: true },
      { says: 'S2, S4 and the learner S6 heard: not a quorum', active: [2, 4, 6], is: false },
    ]),
  )('quorumActive, joint, leader S1: %s', (_says, { active, is }) => {
    const progress = Object.fromEntries(
      [2, 3, 4, 5, 6].map((id) => [id, progressOf(1, 0, active.includes(id))]),
    );
    expect(quorumActive(joint, S(1), progress)).toBe(is);
  });

  it.each(
    sentences([
      { says: 'S2 heard: not a quorum, the leader is not a voter', active: [2], is: false },
      { says: 'S2 and S3 heard: a quorum', active: [2, 3], is: true },
    ]),
  )('quorumActive, leader outside {2,3}: %s', (_says, { active, is }) => {
    const progress = Object.fromEntries(
      [2, 3].map((id) => [id, progressOf(1, 0, active.includes(id))]),
    );
    expect(quorumActive(withoutSelf, S(1), progress)).toBe(is);
  });
});
