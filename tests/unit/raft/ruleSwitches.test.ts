// The rule switches on the pure core: each Figure 2 rule, switched off, breaks exactly its own
// rule, so the simulator's checkers have something real to catch (tests/unit/sim/ruleSwitches).
import { describe, expect, it } from 'vitest';
import { asIndex, asTerm, entryAt } from '../../../src/raft';
import {
  appendEntries,
  appendOk,
  deliver,
  electLeader,
  nodeWith,
  requestVote,
  termsOf,
  voteOf,
} from './harness';

describe('Figure 2 rule switches: each one, switched off, breaks exactly its own rule', () => {
  it('oneVotePerTerm off: a server votes for a second candidate in the same term', () => {
    const voter = nodeWith({ term: 1, votedFor: 2, options: { rules: { oneVotePerTerm: false } } });
    const r = deliver(voter, requestVote({ from: 3, term: 1 }), 100);
    expect([voteOf(r.outputs)?.voteGranted, r.node.votedFor]).toEqual([true, 3]);
  });

  it('electionRestriction off: a candidate with a stale log gets the vote', () => {
    const voter = nodeWith({
      term: 2,
      log: [1, 2, 2],
      options: { rules: { electionRestriction: false } },
    });
    const r = deliver(
      voter,
      requestVote({ from: 2, term: 3, lastLogIndex: asIndex(1), lastLogTerm: asTerm(1) }),
      100,
    );
    expect(voteOf(r.outputs)?.voteGranted).toBe(true);
  });

  it('truncateOnlyOnConflict off: an old, shorter AppendEntries cuts off entries that did not conflict', () => {
    const follower = nodeWith({
      term: 1,
      log: [1, 1, 1, 1],
      options: { rules: { truncateOnlyOnConflict: false } },
    });
    const r = deliver(
      follower,
      appendEntries({ from: 2, term: 1, prev: [1, 1], entries: [1] }),
      100,
    );
    expect(termsOf(r.node)).toEqual([1, 1]);
  });

  it('currentTermCommit off: a new leader commits an earlier-term entry as soon as a majority holds it', () => {
    let leader = electLeader(
      nodeWith({ size: 3, term: 1, log: [1], options: { rules: { currentTermCommit: false } } }),
    ).node;
    leader = deliver(leader, appendOk(2, 2, 1), 1010).node;
    expect([leader.commitIndex, entryAt(leader.log, 1)?.term]).toEqual([1, 1]);
  });
});
