// Paper tests for the two optional rules of the Raft thesis, on the pure core: PreVote (§9.6)
// and CheckQuorum with its leader lease (§6.2, §9.6). Both are off unless a test turns them on.
import { describe, expect, it } from 'vitest';
import type { RaftNode, RequestVoteReply } from '../../../src/raft';
import { asIndex, asTerm } from '../../../src/raft';
import {
  appendEntries,
  appendOk,
  deliver,
  electLeader,
  nodeWith,
  requestVote,
  sentOf,
  tick,
} from './harness';

const preVote = { preVote: true };
const checkQuorum = { checkQuorum: true };

const probe = (from: number, term: number, lastLogIndex = 0, lastLogTerm = 0) =>
  requestVote({
    from,
    term,
    preVote: true,
    lastLogIndex: asIndex(lastLogIndex),
    lastLogTerm: asTerm(lastLogTerm),
  });

const preVoteReply = (from: number, term: number, granted: boolean): RequestVoteReply => ({
  kind: 'RequestVoteReply',
  from: from as RequestVoteReply['from'],
  to: 1 as RequestVoteReply['to'],
  term: asTerm(term),
  voteGranted: granted,
  preVote: true,
});

/** A follower of term 2 that heard its leader S2 at t=1000. */
const followerOfS2 = (options: object): RaftNode =>
  deliver(nodeWith({ term: 2, options }), appendEntries({ from: 2, term: 2 }), 1000).node;

describe('PreVote (thesis §9.6)', () => {
  it('an expired timer makes a pre-candidate that asks for term + 1 without raising its own term', () => {
    const follower = nodeWith({ term: 2, log: [1, 2], options: preVote });
    const r = tick(follower, follower.electionDeadline);
    expect([r.node.role, r.node.currentTerm, r.node.votedFor]).toEqual(['precandidate', 2, null]);
    expect(r.outputs.some((o) => o.kind === 'persist')).toBe(false);
    expect(sentOf(r.outputs, 'RequestVote')).toEqual(
      [2, 3].map((to) => ({
        kind: 'RequestVote',
        from: 1,
        to,
        term: 3,
        lastLogIndex: 2,
        lastLogTerm: 2,
        preVote: true,
      })),
    );
  });

  it("answering a pre-vote changes neither the voter's term nor its vote", () => {
    const voter = nodeWith({ term: 2, votedFor: 3, options: preVote });
    const r = deliver(voter, probe(2, 3), 100);
    expect(sentOf(r.outputs, 'RequestVoteReply')).toMatchObject([{ voteGranted: true, term: 3 }]);
    expect([r.node.currentTerm, r.node.votedFor]).toEqual([2, 3]);
    expect(r.outputs.some((o) => o.kind === 'persist')).toBe(false);
  });

  it('a pre-candidate with pre-votes from a majority becomes a candidate of the next term', () => {
    const follower = nodeWith({ term: 2, options: preVote });
    const pre = tick(follower, follower.electionDeadline).node;
    const r = deliver(pre, preVoteReply(2, 3, true), follower.electionDeadline + 10);
    expect([r.node.role, r.node.currentTerm, r.node.votedFor]).toEqual(['candidate', 3, 1]);
    expect(sentOf(r.outputs, 'RequestVote').map((m) => [m.to, m.term, m.preVote])).toEqual([
      [2, 3, false],
      [3, 3, false],
    ]);
  });

  it('a refused pre-vote does not make a candidate', () => {
    const follower = nodeWith({ term: 2, options: preVote });
    const pre = tick(follower, follower.electionDeadline).node;
    const r = deliver(pre, preVoteReply(2, 2, false), follower.electionDeadline + 10);
    expect([r.node.role, r.node.currentTerm]).toEqual(['precandidate', 2]);
  });

  it('a server that hears from a live leader refuses pre-votes', () => {
    const follower = followerOfS2(preVote);
    const r = deliver(follower, probe(3, 3), 1100);
    expect(sentOf(r.outputs, 'RequestVoteReply')).toMatchObject([{ voteGranted: false, term: 2 }]);
  });

  it('a pre-vote is refused to a server whose log is behind (§5.4.1 applies to probes too)', () => {
    const voter = nodeWith({ term: 2, log: [1, 2], options: preVote });
    const r = deliver(voter, probe(2, 3, 1, 1), 100);
    expect(sentOf(r.outputs, 'RequestVoteReply')).toMatchObject([{ voteGranted: false }]);
  });
});

describe('CheckQuorum (thesis §6.2; the lease of §4.2.3)', () => {
  it('a leader that has not heard from a majority within an election timeout steps down', () => {
    const leader = electLeader(nodeWith({ size: 5, term: 1, options: checkQuorum }), 1000).node;
    // One follower answers; two of five is no majority.
    const heard = deliver(leader, appendOk(2, 2, 1), 1050).node;
    const r = tick(heard, leader.checkQuorumDeadline);
    expect([r.node.role, r.node.currentTerm, r.node.leaderId]).toEqual(['follower', 2, null]);
  });

  it('a leader that has heard from a majority stays leader for another round', () => {
    const leader = electLeader(nodeWith({ size: 5, term: 1, options: checkQuorum }), 1000).node;
    let heard = deliver(leader, appendOk(2, 2, 1), 1050).node;
    heard = deliver(heard, appendOk(3, 2, 1), 1060).node;
    const round1 = tick(heard, leader.checkQuorumDeadline).node;
    expect(round1.role).toBe('leader');
    // Nobody answers in the next round: now it steps down.
    const round2 = tick(round1, round1.checkQuorumDeadline).node;
    expect(round2.role).toBe('follower');
  });

  it('without CheckQuorum a leader that hears from nobody stays leader', () => {
    const leader = electLeader(nodeWith({ size: 5, term: 1 }), 1000).node;
    let node = leader;
    for (let now = 1050; now <= 5000; now += 50) node = tick(node, now).node;
    expect(node.role).toBe('leader');
  });

  it('a follower that heard from a live leader within the minimum election timeout ignores RequestVote', () => {
    const follower = followerOfS2(checkQuorum);
    const r = deliver(
      follower,
      requestVote({ from: 3, term: 3, lastLogIndex: asIndex(5), lastLogTerm: asTerm(2) }),
      1149,
    );
    expect(r.node).toEqual(follower);
    expect(r.outputs).toEqual([]);
  });

  it('once the lease has run out, the follower considers RequestVote again', () => {
    const follower = followerOfS2(checkQuorum);
    const r = deliver(follower, requestVote({ from: 3, term: 3 }), 1150);
    expect([r.node.currentTerm, r.node.votedFor]).toEqual([3, 3]);
  });

  it('without CheckQuorum a follower in contact with its leader still votes in a newer term', () => {
    const follower = followerOfS2({});
    const r = deliver(follower, requestVote({ from: 3, term: 3 }), 1010);
    expect(sentOf(r.outputs, 'RequestVoteReply')).toMatchObject([{ voteGranted: true, term: 3 }]);
  });
});
