// Every finding a checker can report has its one English sentence, and every rule id is owned by
// exactly one checker that the simulator runs.
import { describe, expect, it } from 'vitest';
import { allCheckers } from '../../../../src/sim/checkers';
import type { Finding, FindingCode } from '../../../../src/sim/read/rules';
import { FINDING_CODES, RULE_IDS, describeFinding } from '../../../../src/sim/read/rules';

/** One example per code; a Record, so a new code without a row does not typecheck. */
const EXAMPLES: Record<FindingCode, { finding: Finding; says: string }> = {
  twoLeaders: {
    finding: { code: 'twoLeaders', term: 4, first: 1, second: 3 },
    says: 'S1 and S3 were both leader in term 4',
  },
  leaderRewrote: {
    finding: { code: 'leaderRewrote', node: 2, term: 5, index: 7 },
    says: 'leader S2 of term 5 changed or removed entries up to index 7',
  },
  logsDiffer: {
    finding: { code: 'logsDiffer', node: 3, index: 6, term: 2 },
    says: "S3 holds an entry at index 6, term 2 whose earlier entries differ from another log's",
  },
  leaderLacksCommitted: {
    finding: { code: 'leaderLacksCommitted', node: 1, term: 6, index: 9, committedTerm: 4 },
    says: 'leader S1 of term 6 lacks the entry committed at index 9 in term 4',
  },
  appliedDifferent: {
    finding: {
      code: 'appliedDifferent',
      node: 2,
      index: 3,
      command: 'set x=1',
      term: 2,
      other: 1,
      otherCommand: 'set x=2',
      otherTerm: 3,
    },
    says: 'S2 applied "set x=1" (term 2) at index 3, but S1 applied "set x=2" (term 3)',
  },
  leaderLacksAck: {
    finding: { code: 'leaderLacksAck', node: 4, request: 12, index: 8, term: 3, ackAt: 420 },
    says: 'new leader S4 lacks write #12, acknowledged at index 8 (term 3) at t=420ms',
  },
  ackedWithoutMajority: {
    finding: { code: 'ackedWithoutMajority', request: 61, index: 43, storedOn: 2, needed: 3 },
    says: 'write #61 was acknowledged at index 43 while on 2 disks, short of a majority of 3',
  },
  disjointMajorities: {
    finding: {
      code: 'disjointMajorities',
      node: 1,
      term: 2,
      uses: '1,2,3',
      committed: '1,2,3,4,5',
      first: '1,2',
      second: '3,4,5',
    },
    says: 'leader S1 of term 2 counts voters {1,2,3} while {1,2,3,4,5} is committed: {1,2} and {3,4,5} are majorities that do not meet',
  },
  staleRead: {
    finding: {
      code: 'staleRead',
      request: 9,
      key: 'x',
      value: '"1"',
      expected: '"2"',
      missed: 7,
      missedAt: 410,
      invokedAt: 450,
      answeredAt: 480,
    },
    says: 'read #9 of x (sent t=450ms, answered t=480ms) returned "1", missing write #7 acknowledged at t=410ms',
  },
};

describe('what the checkers find, in English', () => {
  it.each(FINDING_CODES.map((code) => [code, EXAMPLES[code]] as const))(
    '%s reads as one sentence',
    (_code, { finding, says }) => {
      expect(describeFinding(finding)).toBe(says);
    },
  );

  it('every example is of a listed code', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...FINDING_CODES].sort());
  });
});

describe('the rules the simulator checks', () => {
  it('every rule id is run by exactly one checker, each with its own English name', () => {
    const checkers = allCheckers([]);
    expect(checkers.map((c) => c.id).sort()).toEqual([...RULE_IDS].sort());
    expect(new Set(checkers.map((c) => c.rule)).size).toBe(checkers.length);
  });
});
