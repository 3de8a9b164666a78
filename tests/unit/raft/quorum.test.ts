// Table-driven tests for majority arithmetic (src/raft/quorum.ts): votes to win, failures a
// cluster survives (the seed notes' "why odd sizes" table) and the commit quorum index.
import { describe, expect, it } from 'vitest';
import { failuresTolerated, majority, quorumIndex } from '../../../src/raft';
import { sentences } from './harness';

describe('majority(n): votes or replicas that make a majority of the whole cluster', () => {
  it.each([
    { size: 1, needed: 1 },
    { size: 2, needed: 2 },
    { size: 3, needed: 2 },
    { size: 4, needed: 3 },
    { size: 5, needed: 3 },
    { size: 6, needed: 4 },
    { size: 7, needed: 4 },
    { size: 9, needed: 5 },
  ])('a cluster of $size needs $needed', ({ size, needed }) => {
    expect(majority(size)).toBe(needed);
  });
});

describe('failuresTolerated(n): crashed servers a cluster survives', () => {
  it.each(
    sentences([
      {
        size: 1,
        survives: 0,
        says: 'a cluster of 1 survives 0 failures: one server is its own majority',
      },
      { size: 2, survives: 0, says: 'a cluster of 2 survives 0 failures: two servers need both' },
      { size: 3, survives: 1, says: 'a cluster of 3 survives 1 failure: two of three are left' },
      {
        size: 4,
        survives: 1,
        says: 'a cluster of 4 still survives only 1: three of four are needed',
      },
      { size: 5, survives: 2, says: 'a cluster of 5 survives 2 failures: three of five are left' },
      {
        size: 6,
        survives: 2,
        says: 'a cluster of 6 still survives only 2: four of six are needed',
      },
      { size: 7, survives: 3, says: 'a cluster of 7 survives 3 failures: four of seven are left' },
      { size: 9, survives: 4, says: 'a cluster of 9 survives 4 failures: five of nine are left' },
    ]),
  )('%s', (_says, { size, survives }) => {
    expect(failuresTolerated(size)).toBe(survives);
  });
});

describe('quorumIndex(matchIndexes): the highest index stored on a majority', () => {
  it.each(
    sentences([
      { says: 'three of five hold index 5', matches: [7, 5, 5, 3, 1], expected: 5 },
      {
        says: 'the order of the match indexes does not matter',
        matches: [1, 5, 3, 7, 5],
        expected: 5,
      },
      {
        says: 'when all three hold index 3, index 3 is on a majority',
        matches: [3, 3, 3],
        expected: 3,
      },
      {
        says: 'only the leader holding an entry is not a majority',
        matches: [5, 0, 0],
        expected: 0,
      },
      {
        says: 'four servers need three, so two holding 4 are not enough',
        matches: [4, 4, 1, 1],
        expected: 1,
      },
      { says: 'a cluster of one commits what it holds', matches: [9], expected: 9 },
      { says: 'a cluster of two needs both', matches: [6, 4], expected: 4 },
    ]),
  )('%s', (_says, { matches, expected }) => {
    expect(quorumIndex(matches)).toBe(expected);
  });

  it('does not reorder the array it was given', () => {
    const matches = [1, 5, 3];
    quorumIndex(matches);
    expect(matches).toEqual([1, 5, 3]);
  });
});
