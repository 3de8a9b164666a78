// Paper tests for §5.3 (log replication) on the pure core: the consistency check, truncation
// only on conflict, the follower's commit index, the rejection hint and batching.
import { describe, expect, it } from 'vitest';
import {
  appendEntries,
  appendOk,
  deliver,
  describeAppend,
  electLeader,
  exchange,
  nodeWith,
  sent,
  sentOf,
  termsOf,
  appendReplyOf,
  clientWrite,
} from './harness';
import type { RaftNode } from '../../../src/raft';

const probing = { state: 'probe', paused: true, inflight: [], since: -1 };
const replicating_ = { state: 'replicate', paused: false, inflight: [], since: -1 };
const replicating = (leader: RaftNode): RaftNode =>
  deliver(deliver(leader, appendOk(2, 1, 1), 1005).node, appendOk(3, 1, 1), 1005).node;

describe('§5.3 log replication', () => {
  it('a heartbeat gets the same consistency check as any AppendEntries', () => {
    const follower = nodeWith({ term: 2, log: [1] });
    const r = deliver(follower, appendEntries({ from: 2, term: 2, prev: [3, 2] }), 100);
    expect(appendReplyOf(r.outputs)).toMatchObject({ success: false, index: 3 });
  });

  it('a follower rejects an AppendEntries whose previous entry it does not hold, and says why', () => {
    const follower = nodeWith({ term: 4, log: [1, 2, 2, 2] });
    const hint = (prev: [number, number]): string => {
      const reply = appendReplyOf(
        deliver(follower, appendEntries({ from: 2, term: 4, prev }), 100).outputs,
      )!;
      return `prev ${prev[0]}@${prev[1]}: ${reply.success ? 'ok' : `rejected, hint ${reply.conflictIndex}@${reply.conflictTerm}`}`;
    };
    expect([hint([6, 3]), hint([4, 3]), hint([2, 1]), hint([4, 2])]).toEqual([
      'prev 6@3: rejected, hint 5@0', // too short: resume after my last entry
      'prev 4@3: rejected, hint 2@2', // I hold term 2 there, from index 2 on
      'prev 2@1: rejected, hint 2@2',
      'prev 4@2: ok',
    ]);
  });

  it('on a conflict the follower deletes the conflicting entry and all that follow it', () => {
    const follower = nodeWith({ term: 3, log: [1, 1, 2, 2] });
    const r = deliver(
      follower,
      appendEntries({ from: 2, term: 3, prev: [2, 1], entries: [3] }),
      100,
    );
    expect(termsOf(r.node)).toEqual([1, 1, 3]);
    expect(r.outputs[0]).toMatchObject({ kind: 'persist', logFrom: 3 });
  });

  it('a follower deletes nothing without a conflict: an old, shorter AppendEntries leaves later entries alone', () => {
    // The leader sent [1] then [1, 1, 1]; the network delivered the second one first.
    const follower = nodeWith({ term: 1, log: [1, 1, 1, 1] });
    const r = deliver(
      follower,
      appendEntries({ from: 2, term: 1, prev: [1, 1], entries: [1] }),
      100,
    );
    expect(termsOf(r.node)).toEqual([1, 1, 1, 1]);
    expect(r.outputs.some((o) => o.kind === 'persist')).toBe(false);
    expect(appendReplyOf(r.outputs)).toMatchObject({ success: true, index: 2 });
  });

  it('a duplicate AppendEntries changes nothing the second time', () => {
    const ae = appendEntries({ from: 2, term: 1, prev: [0, 0], entries: [1, 1] });
    const once = deliver(nodeWith({ term: 1 }), ae, 100);
    const twice = deliver(once.node, ae, 101);
    expect(termsOf(twice.node)).toEqual([1, 1]);
    expect(twice.outputs.map((o) => o.kind)).toEqual(['send']);
  });

  it('a follower appends only the entries it lacks, and persists from the first new index', () => {
    const follower = nodeWith({ term: 1, log: [1, 1] });
    const r = deliver(
      follower,
      appendEntries({ from: 2, term: 1, prev: [0, 0], entries: [1, 1, 1, 1] }),
      100,
    );
    expect(termsOf(r.node)).toEqual([1, 1, 1, 1]);
    expect(r.outputs[0]).toMatchObject({ kind: 'persist', logFrom: 3 });
  });

  it("the follower's commitIndex becomes min(leaderCommit, index of the last new entry)", () => {
    const commitAfter = (
      log: number[],
      prev: [number, number],
      entries: number[],
      leaderCommit: number,
    ) =>
      deliver(
        nodeWith({ term: 2, log }),
        appendEntries({ from: 2, term: 2, prev, entries, leaderCommit }),
        100,
      ).node.commitIndex;
    expect([
      commitAfter([], [0, 0], [1, 1, 2], 2), // the leader has committed less than it sent
      commitAfter([], [0, 0], [1, 1, 2], 9), // the leader has committed more than it sent
      // A heartbeat checked only index 2: the follower's entries 3 and 4 may be stale, so
      // leaderCommit 4 must not commit them.
      commitAfter([1, 1, 1, 1], [2, 1], [], 4),
    ]).toEqual([2, 3, 2]);
  });

  it('a follower never moves its commitIndex back', () => {
    const ae = (leaderCommit: number) =>
      appendEntries({ from: 2, term: 1, prev: [0, 0], entries: [1, 1, 1], leaderCommit });
    const committed = deliver(nodeWith({ term: 1 }), ae(3), 100).node;
    expect(deliver(committed, ae(1), 110).node.commitIndex).toBe(3);
  });

  it('the leader backs nextIndex off one term per rejection, using the hint (Figure 7, follower f)', () => {
    // Leader of term 8 with Figure 7's log; follower (f) holds terms 2 and 3 the leader never had.
    const won = electLeader(nodeWith({ size: 2, term: 7, log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6] }));
    const f = nodeWith({ id: 2, size: 2, term: 3, log: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3] });
    const run = exchange({ 1: won.node, 2: f }, sent(won.outputs), 1000);
    const toF = run.delivered
      .filter((m) => m.kind === 'AppendEntries')
      .map((m) => describeAppend(m));
    expect(toF).toEqual([
      'prev 10@6, 1 entry, commit 0', // the no-op; f holds term 3 at 10 → hint 7@3, a term I never had
      'prev 6@5, 5 entries, commit 0', // f holds term 2 at 6 → hint 4@2, a term I never had
      'prev 3@1, 8 entries, commit 0', // matches: f drops 4…11 and takes the leader's 4…11
    ]);
    expect(termsOf(run.nodes[2]!)).toEqual(termsOf(run.nodes[1]!));
  });

  it('the leader keeps a nextIndex and a matchIndex for every follower', () => {
    const leader = electLeader(nodeWith({ size: 3, term: 1, log: [1, 1] })).node; // log 1 1 2(no-op)
    expect(leader.progress).toEqual({
      // Probing (flow control): nextIndex stays at the no-op until a follower answers.
      2: { nextIndex: 3, matchIndex: 0, recentActive: false, ackedSentAt: -1, flow: probing },
      3: { nextIndex: 3, matchIndex: 0, recentActive: false, ackedSentAt: -1, flow: probing },
    });
    const after = deliver(leader, appendOk(2, 2, 3), 1010).node;
    expect(after.progress).toEqual({
      2: { nextIndex: 4, matchIndex: 3, recentActive: true, ackedSentAt: 0, flow: replicating_ },
      3: { nextIndex: 3, matchIndex: 0, recentActive: false, ackedSentAt: -1, flow: probing },
    });
  });

  it('one AppendEntries carries several entries, up to maxEntriesPerAppend, and the next batch follows each reply', () => {
    const options = { maxEntriesPerAppend: 4 };
    const won = electLeader(nodeWith({ size: 2, term: 1, log: Array(9).fill(1), options }));
    const follower = nodeWith({ id: 2, size: 2, term: 2, options });
    const run = exchange({ 1: won.node, 2: follower }, sent(won.outputs), 1000);
    expect(
      run.delivered.filter((m) => m.kind === 'AppendEntries').map((m) => describeAppend(m)),
    ).toEqual([
      'prev 9@1, 1 entry, commit 0', // the no-op; the empty follower answers with hint 1@0
      'prev 0@0, 4 entries, commit 0',
      'prev 4@1, 4 entries, commit 0',
      'prev 8@1, 2 entries, commit 0',
    ]);
    expect(termsOf(run.nodes[2]!)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
  });

  it('a client write is sent to every follower at once, without waiting for a heartbeat', () => {
    const leader = replicating(electLeader(nodeWith({ term: 0 }), 1000).node);
    const r = deliver(leader, clientWrite(5, 'x', '1'), 1010);
    expect(1010).toBeLessThan(leader.heartbeatDeadline);
    expect(sentOf(r.outputs, 'AppendEntries').map((m) => `S${m.to} ${describeAppend(m)}`)).toEqual([
      'S2 prev 1@1, 1 entry, commit 1',
      'S3 prev 1@1, 1 entry, commit 1',
    ]);
  });

  it('writes in flight do not wait for each other: the second is sent before the first is answered', () => {
    const leader = replicating(electLeader(nodeWith({ term: 0 }), 1000).node);
    const first = deliver(leader, clientWrite(5, 'x', '1'), 1010);
    const second = deliver(first.node, clientWrite(6, 'y', '2'), 1011);
    expect(
      sentOf(second.outputs, 'AppendEntries').map((m) => `S${m.to} ${describeAppend(m)}`),
    ).toEqual(['S2 prev 2@1, 1 entry, commit 1', 'S3 prev 2@1, 1 entry, commit 1']);
  });

  it('a follower still being probed gets no second AppendEntries until the first is answered', () => {
    const leader = electLeader(nodeWith({ term: 0 }), 1000).node; // its no-op probes S2 and S3
    const r = deliver(leader, clientWrite(5, 'x', '1'), 1010);
    expect(sentOf(r.outputs, 'AppendEntries')).toEqual([]);
    const answered = deliver(r.node, appendOk(2, 1, 1), 1020);
    expect(sentOf(answered.outputs, 'AppendEntries').map(describeAppend)).toEqual([
      'prev 1@1, 1 entry, commit 1',
    ]);
  });
});
