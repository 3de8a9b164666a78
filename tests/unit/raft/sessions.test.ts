// Paper tests for client sessions (Raft thesis §6.3) on the pure core: every write carries its
// client's id and sequence number, the state machine applies each at most once, and a duplicate
// is answered with the reply saved for it. Appends make a duplicate visible: "a" twice is "aa".
import { describe, expect, it } from 'vitest';
import type { Entry, Message, Output, RaftNode, Session } from '../../../src/raft';
import { asIndex, asTerm, createNode, persistentStateOf, step } from '../../../src/raft';
import { S, appendEntries, appendOk, deliver, electLeader, nodeWith, sentOf } from './harness';

/** A client's `append key value` with its session, sent to S1. */
function appendRequest(requestId: number, key: string, value: string, session?: Session): Message {
  return {
    kind: 'ClientRequest',
    from: S(0),
    to: S(1),
    requestId,
    command: { kind: 'append', key, value },
    hops: 0,
    ...(session === undefined ? {} : { session }),
  };
}

const session = (client: number, seq: number): Session => ({ client, seq });

/** An entry of term 1 appending `value` to `key`, as a leader would write it. */
const appendEntry = (value: string, s?: Session, requestId = 0): Entry => ({
  term: asTerm(1),
  command: { kind: 'append', key: 'x', value },
  requestId,
  ...(s === undefined ? {} : { session: s }),
});

/** What a step applied and answered: `apply 2`, `apply 3 (duplicate)`, `#10 ok at 2`. */
function describeOutputs(outputs: readonly Output[]): string[] {
  const lines: string[] = [];
  for (const o of outputs) {
    if (o.kind === 'apply') lines.push(`apply ${o.index}${o.duplicate ? ' (duplicate)' : ''}`);
    if (o.kind === 'send' && o.message.kind === 'ClientReply') {
      const m = o.message;
      lines.push(
        `#${m.requestId} ${m.ok ? 'ok' : 'refused'} at ${m.index}${m.duplicate ? ', a duplicate' : ''}`,
      );
    }
  }
  return lines;
}

/** S1 leading term 1 (its no-op at 1), given `requests` in order, then S2 acknowledging all. */
function leaderTaking(requests: readonly Message[]) {
  let leader = electLeader(nodeWith({ term: 0 }), 1000).node;
  for (const [i, m] of requests.entries()) leader = deliver(leader, m, 1001 + i).node;
  return deliver(leader, appendOk(2, 1, requests.length + 1), 1100);
}

/** A follower of S2 in term 1 taking `entries` from index 1 on, all committed. */
function followerTaking(entries: readonly Entry[], from: RaftNode = nodeWith({ term: 1 })) {
  return deliver(
    from,
    { ...appendEntries({ from: 2, term: 1, leaderCommit: entries.length }), entries },
    100,
  );
}

const valueOf = (node: RaftNode, key = 'x') => node.machine.kv.get(key) ?? null;

describe('§6.3 client sessions: each write applies at most once', () => {
  it('a write sent twice with one (client, seq) is appended twice, applied once, and both copies are answered with the first one’s reply', () => {
    const r = leaderTaking([
      appendRequest(10, 'x', 'a', session(1, 1)),
      appendRequest(10, 'x', 'a', session(1, 1)), // the client's retry
    ]);
    expect(describeOutputs(r.outputs)).toEqual([
      'apply 1',
      'apply 2',
      '#10 ok at 2',
      'apply 3 (duplicate)',
      '#10 ok at 2, a duplicate',
    ]);
    expect(valueOf(r.node)).toBe('a');
  });

  it('the same two appends without a session are both applied: the duplicate shows as "aa"', () => {
    const r = leaderTaking([appendRequest(10, 'x', 'a'), appendRequest(11, 'x', 'a')]);
    expect([valueOf(r.node), describeOutputs(r.outputs)]).toEqual([
      'aa',
      ['apply 1', 'apply 2', '#10 ok at 2', 'apply 3', '#11 ok at 3'],
    ]);
  });

  it('a copy of an older write that arrives after the client’s next one is not applied either', () => {
    const r = leaderTaking([
      appendRequest(10, 'x', 'a', session(1, 1)),
      appendRequest(11, 'x', 'b', session(1, 2)),
      appendRequest(10, 'x', 'a', session(1, 1)), // a late copy of the first write
    ]);
    expect(valueOf(r.node)).toBe('ab');
    expect(r.outputs.flatMap((o) => (o.kind === 'apply' && o.duplicate ? [o.index] : []))).toEqual([
      4,
    ]);
  });

  it('each client has a session of its own: the same seq from two clients is two writes', () => {
    const r = leaderTaking([
      appendRequest(10, 'x', 'a', session(1, 1)),
      appendRequest(11, 'x', 'b', session(2, 1)),
    ]);
    expect(valueOf(r.node)).toBe('ab');
  });

  it('a follower filters the same duplicates from its log, so every state machine agrees', () => {
    const r = followerTaking([
      appendEntry('a', session(1, 1), 10),
      appendEntry('a', session(1, 1), 10),
      appendEntry('b', session(1, 2), 11),
    ]);
    expect([valueOf(r.node), describeOutputs(r.outputs)]).toEqual([
      'ab',
      ['apply 1', 'apply 2 (duplicate)', 'apply 3'],
    ]);
    expect(sentOf(r.outputs, 'ClientReply')).toEqual([]); // only the leader answers clients
  });
});

describe('§6.3 client sessions survive compaction and restarts (§5)', () => {
  it('a snapshot keeps each client’s latest write as [client, seq, index, term]', () => {
    const taken = followerTaking([
      appendEntry('a', session(1, 1)),
      appendEntry('b', session(2, 4)),
    ]);
    const snapshot = step(taken.node, { kind: 'compact', now: 200 }).node.snapshot!;
    expect([snapshot.kv, snapshot.sessions]).toEqual([
      [['x', 'ab']],
      [
        [1, 1, 1, 1],
        [2, 4, 2, 1],
      ],
    ]);
  });

  it('after a restart from that snapshot a duplicate is still filtered', () => {
    const taken = followerTaking([appendEntry('a', session(1, 1))]);
    const compacted = step(taken.node, { kind: 'compact', now: 200 }).node;
    const restarted = createNode(S(1), compacted.options, persistentStateOf(compacted), 3, 300);
    const r = deliver(
      restarted,
      {
        ...appendEntries({ from: 2, term: 1, prev: [1, 1], leaderCommit: 2 }),
        entries: [appendEntry('a', session(1, 1))],
      },
      310,
    );
    expect([valueOf(r.node), describeOutputs(r.outputs)]).toEqual(['a', ['apply 2 (duplicate)']]);
  });

  it('an installed snapshot brings its sessions: a duplicate of a write it covers is filtered', () => {
    const installed = deliver(
      nodeWith({ term: 1 }),
      {
        kind: 'InstallSnapshot',
        from: S(2),
        to: S(1),
        term: asTerm(1),
        snapshot: {
          lastIncludedIndex: asIndex(3),
          lastIncludedTerm: asTerm(1),
          config: { voters: [S(1), S(2), S(3)], learners: [], old: null, joining: [] },
          configIndex: asIndex(0),
          kv: [['x', 'a']],
          sessions: [[1, 5, 3, 1]],
        },
        knownMatchIndex: asIndex(0),
        sentAt: 0,
      },
      100,
    ).node;
    const r = deliver(
      installed,
      {
        ...appendEntries({ from: 2, term: 1, prev: [3, 1], leaderCommit: 5 }),
        entries: [appendEntry('a', session(1, 5)), appendEntry('c', session(1, 6))],
      },
      110,
    );
    expect([valueOf(r.node), describeOutputs(r.outputs)]).toEqual([
      'ac',
      ['apply 4 (duplicate)', 'apply 5'],
    ]);
  });
});
