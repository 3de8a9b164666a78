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
