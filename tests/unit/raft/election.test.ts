// Paper tests for §5.2 (leader election) on the pure core: the randomized timer, when it is
// reset, candidates, votes and RequestVote. One `it` per claim, named after it.
import { describe, expect, it } from 'vitest';
import { createNode, persistentStateOf } from '../../../src/raft';
import {
  S,
  appendEntries,
  deliver,
  fireTimeout,
  nodeWith,
  requestVote,
  sentOf,
  tick,
  voteReply,
  timerResetAt,
  timerUntouched,
  voteOf,
  appendReplyOf,
  nodeInRole,
} from './harness';

describe('§5.2 leader election', () => {
  it('the election timeout is drawn at random within [min, max]', () => {
    const lengths = Array.from({ length: 400 }, (_, seed) =>
      nodeWith({ seed, options: { electionTimeoutMs: [150, 153] } }),
    ).map((n) => n.electionTimeoutMs);
    expect(Math.min(...lengths)).toBe(150);
    expect(Math.max(...lengths)).toBe(153);
    expect(new Set(lengths)).toEqual(new Set([150, 151, 152, 153]));
  });

  it('the election timeout is drawn afresh at every reset', () => {
    let node = nodeWith({ term: 1 });
    const lengths: number[] = [];
    for (let now = 100; now <= 3000; now += 100) {
      const before = node;
      node = deliver(node, appendEntries({ from: 2, term: 1 }), now).node;
      expect(timerResetAt(before, node, now), `heartbeat at t=${now}`).toBe(true);
      expect(node.electionTimeoutMs).toBeGreaterThanOrEqual(150);
      expect(node.electionTimeoutMs).toBeLessThanOrEqual(300);
      lengths.push(node.electionTimeoutMs);
    }
    expect(new Set(lengths).size).toBeGreaterThan(10);
  });

  it('an AppendEntries from the current leader resets the election timer', () => {
    const follower = nodeWith({ term: 2 });
    const r = deliver(follower, appendEntries({ from: 2, term: 2 }), 120);
    expect(timerResetAt(follower, r.node, 120)).toBe(true);
  });

  it('an AppendEntries that fails the consistency check still resets the timer (it is from the leader)', () => {
    const follower = nodeWith({ term: 2 });
    const r = deliver(follower, appendEntries({ from: 2, term: 2, prev: [5, 2] }), 120);
    expect(appendReplyOf(r.outputs)?.success).toBe(false);
    expect(timerResetAt(follower, r.node, 120)).toBe(true);
  });

  it('granting a vote resets the election timer', () => {
    const follower = nodeWith({ term: 2 });
    const r = deliver(follower, requestVote({ from: 2, term: 3 }), 120);
    expect(voteOf(r.outputs)?.voteGranted).toBe(true);
    expect(timerResetAt(follower, r.node, 120)).toBe(true);
  });

  it('starting an election resets the election timer', () => {
    const follower = nodeWith({ term: 2 });
    const r = tick(follower, follower.electionDeadline);
    expect(r.node.role).toBe('candidate');
    expect(timerResetAt(follower, r.node, follower.electionDeadline)).toBe(true);
  });

  it('rejecting a vote does not reset the election timer', () => {
    const votedForS2 = nodeWith({ term: 3, votedFor: 2 });
    const alreadyVoted = deliver(votedForS2, requestVote({ from: 3, term: 3 }), 120);
    expect(voteOf(alreadyVoted.outputs)?.voteGranted).toBe(false);
    expect(timerUntouched(votedForS2, alreadyVoted.node)).toBe(true);

    const longLog = nodeWith({ term: 3, log: [1, 3] });
    const staleCandidate = deliver(longLog, requestVote({ from: 3, term: 4 }), 120);
    expect(voteOf(staleCandidate.outputs)?.voteGranted).toBe(false);
    expect(staleCandidate.node.currentTerm).toBe(4);
    expect(timerUntouched(longLog, staleCandidate.node)).toBe(true);
  });

  it('an AppendEntries from an older term does not reset the election timer', () => {
    const follower = nodeWith({ term: 3 });
    const r = deliver(follower, appendEntries({ from: 2, term: 2 }), 120);
    expect(timerUntouched(follower, r.node)).toBe(true);
  });

  it('nothing happens on a tick before the election timer expires', () => {
    const follower = nodeWith({ term: 2 });
    const r = tick(follower, follower.electionDeadline - 1);
    expect(r.node).toEqual(follower);
    expect(r.outputs).toEqual([]);
  });

  it('a follower whose timer expires increments its term, votes for itself and asks everyone', () => {
    const follower = nodeWith({ size: 5, term: 2, log: [1, 2] });
    const r = tick(follower, follower.electionDeadline);
    expect([r.node.role, r.node.currentTerm, r.node.votedFor, r.node.votes]).toEqual([
      'candidate',
      3,
      1,
      [1],
    ]);
    expect(sentOf(r.outputs, 'RequestVote')).toEqual(
      [2, 3, 4, 5].map((to) => ({
        kind: 'RequestVote',
        from: 1,
        to,
        term: 3,
        lastLogIndex: 2,
        lastLogTerm: 2,
        preVote: false,
      })),
    );
  });

  it('a candidate wins with votes from a majority of the whole cluster, not of the servers it reached', () => {
    // Five servers: S1 and S2 alone can never make a majority, however many times S2 says yes.
    let candidate = fireTimeout(nodeWith({ size: 5, term: 0 }), 100).node;
    candidate = deliver(candidate, voteReply(2, 1), 110).node;
    candidate = deliver(candidate, voteReply(2, 1), 111).node;
    expect([candidate.role, candidate.votes]).toEqual(['candidate', [1, 2]]);
    candidate = deliver(candidate, voteReply(3, 1), 120).node;
    expect(candidate.role).toBe('leader');
  });

  it('a denied vote is not counted', () => {
    let candidate = fireTimeout(nodeWith({ size: 3, term: 0 }), 100).node;
    candidate = deliver(candidate, voteReply(2, 1, false), 110).node;
    expect([candidate.role, candidate.votes]).toEqual(['candidate', [1]]);
  });

  it('a candidate steps down when an AppendEntries arrives from a leader of its own term', () => {
    const candidate = fireTimeout(nodeWith({ term: 2 }), 100).node;
    const r = deliver(candidate, appendEntries({ from: 3, term: 3 }), 110);
    expect([r.node.role, r.node.currentTerm, r.node.leaderId]).toEqual(['follower', 3, 3]);
    expect(appendReplyOf(r.outputs)).toMatchObject({ term: 3, success: true });
  });

  it('a candidate steps down when an AppendEntries arrives from a leader of a newer term', () => {
    const candidate = fireTimeout(nodeWith({ term: 2 }), 100).node;
    const r = deliver(candidate, appendEntries({ from: 3, term: 6 }), 110);
    expect([r.node.role, r.node.currentTerm, r.node.leaderId]).toEqual(['follower', 6, 3]);
  });

  it('a split vote ends in a new election of the next term at the next timeout', () => {
    // Four servers, two candidates in term 1: S1 gets S2, S3 and S4 voted for the other one.
    let s1 = fireTimeout(nodeWith({ size: 4, term: 0 }), 100).node;
    s1 = deliver(s1, voteReply(2, 1, true), 110).node;
    s1 = deliver(s1, voteReply(3, 1, false), 111).node;
    s1 = deliver(s1, voteReply(4, 1, false), 112).node;
    expect([s1.role, s1.currentTerm, s1.votes]).toEqual(['candidate', 1, [1, 2]]);
    expect(tick(s1, s1.electionDeadline - 1).node.currentTerm).toBe(1);
    const next = tick(s1, s1.electionDeadline);
    expect([next.node.role, next.node.currentTerm, next.node.votes]).toEqual(['candidate', 2, [1]]);
    expect(sentOf(next.outputs, 'RequestVote').map((m) => `${m.to}:${m.term}`)).toEqual([
      '2:2',
      '3:2',
      '4:2',
    ]);
  });

  it('a leader sends heartbeats instead of holding elections', () => {
    const leader = nodeInRole('leader');
    expect(fireTimeout(leader, 120).node).toEqual(leader);
    const beat = tick(leader, leader.heartbeatDeadline);
    expect(beat.node.role).toBe('leader');
    expect(sentOf(beat.outputs, 'AppendEntries').map((m) => m.to)).toEqual([2, 3]);
  });

  describe('RequestVote', () => {
    it('a server grants at most one vote per term, first come first served', () => {
      const s1 = nodeWith({ size: 5, term: 0 });
      const first = deliver(s1, requestVote({ from: 2, term: 1 }), 100);
      const second = deliver(first.node, requestVote({ from: 3, term: 1 }), 101);
      expect([voteOf(first.outputs)?.voteGranted, voteOf(second.outputs)?.voteGranted]).toEqual([
        true,
        false,
      ]);
      expect(second.node.votedFor).toBe(2);
    });

    it('a repeated request from the candidate it voted for is granted again (its reply may have been lost)', () => {
      const voted = deliver(nodeWith({ term: 0 }), requestVote({ from: 2, term: 1 }), 100).node;
      const again = deliver(voted, requestVote({ from: 2, term: 1 }), 150);
      expect(voteOf(again.outputs)?.voteGranted).toBe(true);
      expect(again.outputs.some((o) => o.kind === 'persist')).toBe(false); // nothing new to write
    });

    it('votedFor is persisted before the vote is sent', () => {
      // Both when the request also brings a new term, and when only the vote changes.
      const newTerm = deliver(nodeWith({ term: 0 }), requestVote({ from: 2, term: 1 }), 100);
      const sameTerm = deliver(nodeWith({ term: 1 }), requestVote({ from: 2, term: 1 }), 100);
      for (const r of [newTerm, sameTerm]) {
        expect(r.outputs.map((o) => o.kind)).toEqual(['persist', 'send']);
        expect(r.outputs[0]).toMatchObject({ currentTerm: 1, votedFor: 2, logFrom: 0 });
      }
    });

    it('votedFor survives a restart, so a restarted server still refuses a second candidate of that term', () => {
      const voted = deliver(nodeWith({ term: 0 }), requestVote({ from: 2, term: 1 }), 100).node;
      const restarted = createNode(S(1), voted.options, persistentStateOf(voted), 99, 500);
      const r = deliver(restarted, requestVote({ from: 3, term: 1 }), 510);
      expect(voteOf(r.outputs)?.voteGranted).toBe(false);
    });

    it('a newer term frees the vote', () => {
      const voted = nodeWith({ term: 1, votedFor: 2 });
      const r = deliver(voted, requestVote({ from: 3, term: 2 }), 100);
      expect([voteOf(r.outputs)?.voteGranted, r.node.votedFor]).toEqual([true, 3]);
    });
  });
});
