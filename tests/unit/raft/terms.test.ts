// Paper tests for §5.1 (terms) on the pure core: every message passes the term rules first.
// One `it` per claim, named after it; nodes are stepped by hand with `step()`.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/raft';
import { asIndex, asTerm } from '../../../src/raft';
import {
  appendEntries,
  appendOk,
  appendRejected,
  deliver,
  nodeWith,
  requestVote,
  sent,
  voteReply,
  nodeInRole,
} from './harness';

describe('§5.1 Raft basics: terms', () => {
  // One message of each RPC kind, stamped with `term`, from S2 to S1.
  const messagesOfTerm = (term: number): Message[] => [
    requestVote({ from: 2, term, lastLogIndex: asIndex(9), lastLogTerm: asTerm(term) }),
    voteReply(2, term, false),
    appendEntries({ from: 2, term }),
    appendRejected(2, term, 0, [1, 0]),
  ];

  it('a server that sees a higher term in any message adopts it and becomes a follower', () => {
    const outcomes = (['leader', 'candidate', 'follower'] as const).flatMap((role) =>
      messagesOfTerm(5).map((m) => {
        const after = deliver(nodeInRole(role), m, 200).node;
        return `${role} ← ${m.kind}(term 5): ${after.role}, term ${after.currentTerm}`;
      }),
    );
    expect(outcomes).toEqual([
      'leader ← RequestVote(term 5): follower, term 5',
      'leader ← RequestVoteReply(term 5): follower, term 5',
      'leader ← AppendEntries(term 5): follower, term 5',
      'leader ← AppendEntriesReply(term 5): follower, term 5',
      'candidate ← RequestVote(term 5): follower, term 5',
      'candidate ← RequestVoteReply(term 5): follower, term 5',
      'candidate ← AppendEntries(term 5): follower, term 5',
      'candidate ← AppendEntriesReply(term 5): follower, term 5',
      'follower ← RequestVote(term 5): follower, term 5',
      'follower ← RequestVoteReply(term 5): follower, term 5',
      'follower ← AppendEntries(term 5): follower, term 5',
      'follower ← AppendEntriesReply(term 5): follower, term 5',
    ]);
  });

  it('adopting a higher term forgets the vote cast in the older term, and persists that', () => {
    const voted = nodeWith({ term: 3, votedFor: 2 });
    const r = deliver(voted, appendRejected(3, 4, 0, [1, 0]), 200);
    expect([r.node.currentTerm, r.node.votedFor]).toEqual([4, null]);
    expect(r.outputs[0]).toMatchObject({ kind: 'persist', currentTerm: 4, votedFor: null });
  });

  it('a message from an older term changes nothing', () => {
    for (const role of ['leader', 'candidate', 'follower'] as const) {
      const before = nodeInRole(role);
      for (const m of messagesOfTerm(2)) {
        const r = deliver(before, m, 200);
        expect(r.node, `${role} ← stale ${m.kind}`).toEqual(before);
        expect(
          r.outputs.filter((o) => o.kind !== 'send'),
          `${role} ← stale ${m.kind}`,
        ).toEqual([]);
      }
    }
  });

  it('a reply to a request from an older term refuses it and carries the newer term', () => {
    const follower = nodeWith({ term: 3, log: [1, 3] });
    const replies = messagesOfTerm(2).flatMap((m) => sent(deliver(follower, m, 200).outputs));
    expect(replies).toEqual([
      { kind: 'RequestVoteReply', from: 1, to: 2, term: 3, voteGranted: false, preVote: false },
      {
        kind: 'AppendEntriesReply',
        from: 1,
        to: 2,
        term: 3,
        success: false,
        index: 0,
        conflictTerm: 0,
        conflictIndex: 0,
        knownMatchIndex: 0,
        sentAt: 0,
      },
    ]);
  });

  it('a leader that learns of a newer term from a reply steps down to follower', () => {
    const leader = nodeInRole('leader');
    const after = deliver(leader, appendOk(2, 7, 1), 200).node;
    expect([after.role, after.currentTerm, after.leaderId]).toEqual(['follower', 7, null]);
  });
});
