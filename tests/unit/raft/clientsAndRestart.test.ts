// Client writes (§8) and crash recovery (Figure 2's persistent and volatile state) on the pure
// core: when a write is answered, where it is forwarded, and what a restart keeps.
import { describe, expect, it } from 'vitest';
import type { RaftNode } from '../../../src/raft';
import { asIndex, asTerm, createNode, persistentStateOf, step } from '../../../src/raft';
import {
  S,
  appendEntries,
  appendOk,
  deliver,
  electLeader,
  nodeWith,
  requestVote,
  sent,
  sentOf,
  termsOf,
  clientWrite,
} from './harness';

describe('§8 client interaction', () => {
  it('a write to the leader is answered only after its entry is committed and applied', () => {
    const leader = electLeader(nodeWith({ term: 0 }), 1000).node; // log: 1 no-op
    const appended = deliver(leader, clientWrite(7, 'x', '1'), 1010);
    expect(sentOf(appended.outputs, 'ClientReply')).toEqual([]);
    const committed = deliver(appended.node, appendOk(2, 1, 2), 1020);
    expect(
      committed.outputs.flatMap((o) =>
        o.kind === 'apply'
          ? [`apply ${o.index}`]
          : o.kind === 'send' && o.message.kind === 'ClientReply'
            ? [`reply #${o.message.requestId} ok=${o.message.ok} at ${o.message.index}`]
            : [],
      ),
    ).toEqual(['apply 1', 'apply 2', 'reply #7 ok=true at 2']);
  });

  it('a write to a follower is forwarded to the leader it knows', () => {
    const follower = deliver(nodeWith({ term: 1 }), appendEntries({ from: 3, term: 1 }), 100).node;
    const r = deliver(follower, clientWrite(7, 'x', '1'), 110);
    expect(sent(r.outputs)).toEqual([{ ...clientWrite(7, 'x', '1', 3, 1), from: 1 }]);
  });

  it('a write to a server that knows no leader fails with the code noLeaderKnown', () => {
    const r = deliver(nodeWith({ term: 1 }), clientWrite(7, 'x', '1'), 110);
    expect(sentOf(r.outputs, 'ClientReply')).toEqual([
      {
        kind: 'ClientReply',
        from: 1,
        to: 0,
        requestId: 7,
        ok: false,
        index: 0,
        term: 0,
        error: 'noLeaderKnown',
      },
    ]);
  });

  it('a write is not forwarded forever (at most MAX_FORWARD_HOPS servers pass it on)', () => {
    const follower = deliver(nodeWith({ term: 1 }), appendEntries({ from: 3, term: 1 }), 100).node;
    const r = deliver(follower, clientWrite(7, 'x', '1', 1, 3), 110);
    expect(sentOf(r.outputs, 'ClientReply').map((m) => m.ok)).toEqual([false]);
    expect(sentOf(r.outputs, 'ClientRequest')).toEqual([]);
  });
});

describe('Figure 2: persistent state survives a restart, volatile state does not', () => {
  /** A disk that only ever sees the persist outputs. */
  const diskFrom = (start: RaftNode, inputs: ((n: RaftNode) => ReturnType<typeof step>)[]) => {
    let disk = persistentStateOf(start);
    let node = start;
    for (const run of inputs) {
      const r = run(node);
      node = r.node;
      for (const o of r.outputs) {
        if (o.kind !== 'persist') continue;
        // Without a snapshot the disk's log starts at index 1.
        const log = o.logFrom > 0 ? [...disk.log.slice(0, o.logFrom - 1), ...o.entries] : disk.log;
        disk = { currentTerm: o.currentTerm, votedFor: o.votedFor, log, snapshot: null };
      }
    }
    return { disk, node };
  };

  // A follower votes, replicates, loses entries to a conflict, commits and applies.
  const history = diskFrom(nodeWith({ term: 1, log: [1] }), [
    (n) =>
      deliver(
        n,
        requestVote({ from: 2, term: 2, lastLogIndex: asIndex(1), lastLogTerm: asTerm(1) }),
        100,
      ),
    (n) => deliver(n, appendEntries({ from: 2, term: 2, prev: [1, 1], entries: [2, 2, 2] }), 110),
    (n) =>
      deliver(
        n,
        appendEntries({ from: 3, term: 3, prev: [2, 2], entries: [3], leaderCommit: 3 }),
        200,
      ),
  ]);

  it('the persist outputs alone rebuild exactly the persistent state', () => {
    expect(history.disk).toEqual(persistentStateOf(history.node));
    expect([
      history.disk.currentTerm,
      history.disk.votedFor,
      history.disk.log.map((e) => e.term),
    ]).toEqual([3, null, [1, 2, 3]]);
  });

  it('a restarted server keeps currentTerm, votedFor and its log', () => {
    const voted = deliver(
      nodeWith({ term: 1, log: [1] }),
      requestVote({ from: 2, term: 2, lastLogIndex: asIndex(1), lastLogTerm: asTerm(1) }),
      100,
    ).node;
    const restarted = createNode(S(1), voted.options, persistentStateOf(voted), 5, 900);
    expect([restarted.currentTerm, restarted.votedFor, termsOf(restarted)]).toEqual([2, 2, [1]]);
  });

  it('a restarted server is a follower with commitIndex 0, nothing applied and no known leader', () => {
    expect(history.node.commitIndex).toBe(3);
    const restarted = createNode(S(1), history.node.options, history.disk, 5, 900);
    expect([
      restarted.role,
      restarted.commitIndex,
      restarted.lastApplied,
      restarted.leaderId,
    ]).toEqual(['follower', 0, 0, null]);
    const leader = electLeader(nodeWith({ term: 4 })).node;
    const fromLeader = createNode(S(1), leader.options, persistentStateOf(leader), 5, 2000);
    expect([fromLeader.role, fromLeader.progress, fromLeader.votes]).toEqual(['follower', {}, []]);
  });

  it('a restarted server applies its log again from index 1 as it learns the commit index', () => {
    const restarted = createNode(S(1), history.node.options, history.disk, 5, 900);
    const r = deliver(
      restarted,
      appendEntries({ from: 3, term: 3, prev: [3, 3], leaderCommit: 3 }),
      910,
    );
    expect(r.outputs.flatMap((o) => (o.kind === 'apply' ? [o.index] : []))).toEqual([1, 2, 3]);
  });
});
