// Paper tests for §5.4 (safety) on the pure core: the election restriction (§5.4.1) and the
// rule that only entries of the current term are committed by counting replicas (§5.4.2, Figure 8).
import { describe, expect, it } from 'vitest';
import { asIndex, asTerm, entryAt } from '../../../src/raft';
import {
  appendEntries,
  appendOk,
  deliver,
  describeAppend,
  electLeader,
  nodeWith,
  requestVote,
  sentOf,
  voteOf,
  sentences,
} from './harness';

describe('§5.4.1 election restriction', () => {
  // The voter's log ends at index 3 with term 2; the candidate stands in term 5.
  it.each(
    sentences([
      {
        says: 'a candidate whose last term is higher gets the vote, even with a shorter log',
        last: [1, 3],
        granted: true,
      },
      {
        says: 'a candidate with the same last term and a longer log gets the vote',
        last: [4, 2],
        granted: true,
      },
      {
        says: 'a candidate with the same last term and the same length gets the vote',
        last: [3, 2],
        granted: true,
      },
      {
        says: 'a candidate with the same last term and a shorter log is refused',
        last: [2, 2],
        granted: false,
      },
      {
        says: 'a candidate whose last term is lower is refused, however long its log',
        last: [9, 1],
        granted: false,
      },
    ]),
  )('%s', (_says, { last, granted }) => {
    const voter = nodeWith({ term: 2, log: [1, 1, 2] });
    const m = requestVote({
      from: 2,
      term: 5,
      lastLogIndex: asIndex(last[0]!),
      lastLogTerm: asTerm(last[1]!),
    });
    const r = deliver(voter, m, 100);
    expect(voteOf(r.outputs)).toMatchObject({ term: 5, voteGranted: granted });
    expect(r.node.votedFor).toBe(granted ? 2 : null);
  });

  it('a refused candidate with a higher term still moves the voter to that term (§5.1)', () => {
    const voter = nodeWith({ term: 2, log: [1, 1, 2] });
    const r = deliver(voter, requestVote({ from: 2, term: 5 }), 100);
    expect([r.node.currentTerm, r.node.votedFor, voteOf(r.outputs)?.voteGranted]).toEqual([
      5,
      null,
      false,
    ]);
  });
});

describe('§5.4.2 committing entries from previous terms (Figure 8)', () => {
  // S1 was elected in term 4 of a 5-node cluster holding [1, 2]; it appended its no-op at 3.
  const newLeader = (currentTermCommit = true) =>
    electLeader(
      nodeWith({ size: 5, term: 3, log: [1, 2], options: { rules: { currentTermCommit } } }),
    ).node;

  it('a new leader appends a no-op entry of its own term at once and sends it to everyone', () => {
    const r = electLeader(nodeWith({ size: 3, term: 3, log: [1, 2] }));
    expect(entryAt(r.node.log, 3)).toEqual({ term: 4, command: { kind: 'noop' } });
    expect(sentOf(r.outputs, 'AppendEntries').map((m) => `S${m.to} ${describeAppend(m)}`)).toEqual([
      'S2 prev 2@2, 1 entry, commit 0',
      'S3 prev 2@2, 1 entry, commit 0',
    ]);
  });

  it('a leader never commits an entry of an earlier term by counting replicas', () => {
    let leader = newLeader();
    leader = deliver(leader, appendOk(2, 4, 2), 1010).node;
    leader = deliver(leader, appendOk(3, 4, 2), 1011).node; // index 2 is now on S1, S2, S3
    expect(leader.commitIndex).toBe(0);
  });

  it('an entry of an earlier term commits together with one of the current term', () => {
    let leader = newLeader();
    leader = deliver(leader, appendOk(2, 4, 3), 1010).node;
    const r = deliver(leader, appendOk(3, 4, 3), 1011);
    expect(r.node.commitIndex).toBe(3);
    expect(r.outputs.flatMap((o) => (o.kind === 'apply' ? [o.index] : []))).toEqual([1, 2, 3]);
  });

  it('with the current-term rule switched off, the leader commits the earlier-term entry by counting (the bug the rule prevents)', () => {
    let leader = newLeader(false);
    leader = deliver(leader, appendOk(2, 4, 2), 1010).node;
    leader = deliver(leader, appendOk(3, 4, 2), 1011).node;
    expect(leader.commitIndex).toBe(2);
  });

  it('a leader commits an entry of its own term once a majority of the whole cluster stores it', () => {
    let leader = newLeader();
    leader = deliver(leader, appendOk(2, 4, 3), 1010).node; // 2 of 5
    expect(leader.commitIndex).toBe(0);
    leader = deliver(leader, appendOk(3, 4, 3), 1011).node; // 3 of 5
    expect(leader.commitIndex).toBe(3);
  });

  it('entries apply in index order and lastApplied never passes commitIndex', () => {
    const follower = nodeWith({ term: 1 });
    const steps = [
      appendEntries({ from: 2, term: 1, prev: [0, 0], entries: [1, 1, 1, 1], leaderCommit: 1 }),
      appendEntries({ from: 2, term: 1, prev: [4, 1], leaderCommit: 3 }),
      appendEntries({ from: 2, term: 1, prev: [4, 1], leaderCommit: 4 }),
    ];
    let node = follower;
    const applied: number[] = [];
    for (const [k, m] of steps.entries()) {
      const r = deliver(node, m, 100 + k);
      node = r.node;
      applied.push(...r.outputs.flatMap((o) => (o.kind === 'apply' ? [o.index] : [])));
      expect(node.lastApplied).toBeLessThanOrEqual(node.commitIndex);
      expect(node.lastApplied).toBe(node.commitIndex);
    }
    expect(applied).toEqual([1, 2, 3, 4]);
  });
});
