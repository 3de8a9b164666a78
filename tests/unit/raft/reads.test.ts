// Paper tests for reads without the log (Raft thesis §6.4) on the pure core: readIndex on the
// leader and through a follower, the lease with CheckQuorum, local reads, and the refusals that
// keep a deposed leader from answering with stale data.
import { describe, expect, it } from 'vitest';
import type {
  AppendEntriesReply,
  ClientReply,
  Message,
  Output,
  RaftNode,
  ReadIndexReply,
  ReadMode,
} from '../../../src/raft';
import { asIndex, asTerm, nextWakeAt } from '../../../src/raft';
import {
  S,
  appendEntries,
  appendOk,
  clientWrite,
  deliver,
  electLeader,
  nodeWith,
  requestVote,
  sentOf,
  sentences,
  tick,
} from './harness';

/** Minimum election timeout of every node here (harness options: [150, 300]). */
const MIN_ELECTION_MS = 150;

function readRequest(requestId: number, key: string, mode: ReadMode, to = 1): Message {
  return {
    kind: 'ClientRequest',
    from: S(0),
    to: S(to),
    requestId,
    command: { kind: 'read', key, mode },
    hops: 0,
  };
}

/** A success reply from `from` to an AppendEntries the leader sent at `sentAt`. */
const ack = (from: number, index: number, sentAt: number, term = 1): AppendEntriesReply => ({
  ...appendOk(from, term, index),
  sentAt,
});

const repliesOf = (outputs: readonly Output[]): ClientReply[] => sentOf(outputs, 'ClientReply');

/** A reply in a few words: `#5 ok "1" at 2 (readIndex by 1,3)`, `#5 refused leaseExpired`. */
function describeReply(m: ClientReply): string {
  if (!m.ok) return `#${m.requestId} refused ${m.error}`;
  const value = m.value === null ? 'no key' : JSON.stringify(m.value);
  const proof = m.proof!;
  const by = proof.mode === 'readIndex' ? ` by ${proof.confirmedBy.join(',')}` : '';
  const lease = proof.mode === 'lease' ? ` until ${proof.leaseUntil}` : '';
  return `#${m.requestId} ok ${value} at ${m.index} (${proof.mode}${by}${lease})`;
}

const answers = (outputs: readonly Output[]) => repliesOf(outputs).map(describeReply);

/**
 * S1 leading term 1 of three: its no-op and `set x=1` committed at 2 by S2's reply to the
 * AppendEntries sent at t=1000 (so a lease, with CheckQuorum, runs to 1150).
 */
function committedLeader(checkQuorum = false): RaftNode {
  const leader = electLeader(nodeWith({ term: 0, options: { checkQuorum } }), 1000).node;
  const written = deliver(leader, clientWrite(1, 'x', '1'), 1000).node;
  return deliver(written, ack(2, 2, 1000), 1010).node;
}

/** S1 following S2 in term 1, holding no-op and `set x=1`, with only the no-op committed. */
function follower(): RaftNode {
  const heard = deliver(
    nodeWith({ term: 1 }),
    {
      ...appendEntries({ from: 2, term: 1, leaderCommit: 1 }),
      entries: [
        { term: asTerm(1), command: { kind: 'noop' } },
        { term: asTerm(1), command: { kind: 'set', key: 'x', value: '1' } },
      ],
    },
    1000,
  );
  return heard.node;
}

function readIndexReply(index: number, confirmedBy: number[], requestId = 5): ReadIndexReply {
  return {
    kind: 'ReadIndexReply',
    from: S(2),
    to: S(1),
    term: asTerm(1),
    requestId,
    index: asIndex(index),
    confirmedBy: confirmedBy.map(S),
  };
}

describe('§6.4 readIndex on the leader', () => {
  it('a new leader answers no read before it has committed an entry of its own term, however many servers confirm it', () => {
    const leader = electLeader(nodeWith({ term: 0 }), 1000).node; // its no-op is not committed
    const held = deliver(leader, readRequest(5, 'x', 'readIndex'), 1005);
    // Both followers answer the heartbeat the read sent, but neither has the no-op yet.
    const confirmed = deliver(
      deliver(held.node, ack(2, 0, 1005), 1010).node,
      ack(3, 0, 1005),
      1011,
    );
    expect([answers(held.outputs), answers(confirmed.outputs)]).toEqual([[], []]);
    expect(confirmed.node.reads.map((r) => r.index)).toEqual([-1]); // no read index noted yet
    const committed = deliver(confirmed.node, ack(2, 1, 1005), 1012);
    expect(answers(committed.outputs)).toEqual(['#5 ok no key at 1 (readIndex by 1,2,3)']);
  });

  it('a read sends a round of heartbeats at once, to confirm leadership', () => {
    const r = deliver(committedLeader(), readRequest(5, 'x', 'readIndex'), 1100);
    expect(sentOf(r.outputs, 'AppendEntries').map((m) => [m.to, m.sentAt])).toEqual([
      [2, 1100],
      [3, 1100],
    ]);
  });

  it('only replies to requests sent after the read arrived count, and a majority of them answers it', () => {
    const held = deliver(committedLeader(), readRequest(5, 'x', 'readIndex'), 1100).node;
    const stale = deliver(held, ack(2, 2, 1099), 1110); // sent before the read arrived
    const fresh = deliver(stale.node, ack(3, 2, 1100), 1111);
    expect([answers(stale.outputs), answers(fresh.outputs)]).toEqual([
      [],
      ['#5 ok "1" at 2 (readIndex by 1,3)'],
    ]);
    expect(fresh.node.reads).toEqual([]);
  });

  it('a rejected AppendEntries of the current term confirms leadership all the same', () => {
    const held = deliver(committedLeader(), readRequest(5, 'x', 'readIndex'), 1100).node;
    const r = deliver(
      held,
      { ...ack(3, 2, 1100), success: false, index: asIndex(2), conflictIndex: asIndex(1) },
      1110,
    );
    expect(answers(r.outputs)).toEqual(['#5 ok "1" at 2 (readIndex by 1,3)']);
  });
});

describe('§6.4 readIndex through a follower', () => {
  it('a follower asks the leader it knows for the read index, and answers nothing yet', () => {
    const r = deliver(follower(), readRequest(5, 'x', 'readIndex'), 1010);
    expect(sentOf(r.outputs, 'ReadIndex')).toEqual([
      { kind: 'ReadIndex', from: 1, to: 2, term: 1, requestId: 5 },
    ]);
    expect(answers(r.outputs)).toEqual([]);
  });

  it('the leader sends the read index once a majority confirmed it after the request arrived', () => {
    const leader = committedLeader();
    const asked = deliver(
      leader,
      { kind: 'ReadIndex', from: S(3), to: S(1), term: asTerm(1), requestId: 5 },
      1100,
    );
    expect(sentOf(asked.outputs, 'ReadIndexReply')).toEqual([]);
    const confirmed = deliver(asked.node, ack(2, 2, 1100), 1110);
    expect(sentOf(confirmed.outputs, 'ReadIndexReply')).toEqual([
      {
        kind: 'ReadIndexReply',
        from: 1,
        to: 3,
        term: 1,
        requestId: 5,
        index: 2,
        confirmedBy: [1, 2],
      },
    ]);
    expect(answers(confirmed.outputs)).toEqual([]); // the follower answers its client
  });

  it('the follower answers only once it has applied up to the read index', () => {
    const asked = deliver(follower(), readRequest(5, 'x', 'readIndex'), 1010).node;
    const told = deliver(asked, readIndexReply(2, [1, 2]), 1020); // it has applied only 1
    const applied = deliver(
      told.node,
      appendEntries({ from: 2, term: 1, prev: [2, 1], leaderCommit: 2 }),
      1030,
    );
    expect([answers(told.outputs), answers(applied.outputs)]).toEqual([
      [],
      ['#5 ok "1" at 2 (readIndex by 1,2)'],
    ]);
  });

  it('a follower that knows no leader refuses a readIndex read: noLeaderKnown', () => {
    const r = deliver(nodeWith({ term: 1 }), readRequest(5, 'x', 'readIndex'), 100);
    expect(answers(r.outputs)).toEqual(['#5 refused noLeaderKnown']);
  });
});

describe('§6.4.1 lease reads', () => {
  it('a leader without CheckQuorum refuses a lease read at once: leaseNeedsCheckQuorum', () => {
    const r = deliver(committedLeader(false), readRequest(5, 'x', 'lease'), 1100);
    expect(answers(r.outputs)).toEqual(['#5 refused leaseNeedsCheckQuorum']);
  });

  it.each(
    sentences([
      {
        says: 'at 1100, inside the lease, it answers at once',
        at: 1100,
        answer: ['#5 ok "1" at 2 (lease until 1150)'],
      },
      {
        says: 'at 1149, the last millisecond of the lease, it answers at once',
        at: 1149,
        answer: ['#5 ok "1" at 2 (lease until 1150)'],
      },
      { says: 'at 1150, when the lease has run out, it waits', at: 1150, answer: [] },
    ]),
  )(
    'the lease runs from the latest send a majority acknowledged for one minimum election timeout: S2 acknowledged a send at 1000; %s',
    (_says, row) => {
      const r = deliver(committedLeader(true), readRequest(5, 'x', 'lease'), row.at);
      expect(answers(r.outputs)).toEqual(row.answer);
    },
  );

  it('a lease read that waits is answered when an acknowledgement renews the lease', () => {
    const held = deliver(committedLeader(true), readRequest(5, 'x', 'lease'), 1160).node;
    const r = deliver(held, ack(3, 2, 1160), 1170);
    expect(answers(r.outputs)).toEqual([`#5 ok "1" at 2 (lease until ${1160 + MIN_ELECTION_MS})`]);
  });

  it('a follower passes a lease read on to its leader', () => {
    const r = deliver(follower(), readRequest(5, 'x', 'lease'), 1010);
    expect(sentOf(r.outputs, 'ClientRequest')).toEqual([
      { ...readRequest(5, 'x', 'lease', 2), from: 1, hops: 1 },
    ]);
  });
});

describe('§6.4 local reads', () => {
  it.each(
    sentences([
      {
        says: 'a follower answers at once from what it has applied, stale or not',
        node: follower,
        answer: '#5 ok no key at 1 (local)',
      },
      {
        says: 'a server that knows no leader answers all the same',
        node: () => nodeWith({ term: 3 }),
        answer: '#5 ok no key at 0 (local)',
      },
      {
        says: 'the leader answers without a round of heartbeats',
        node: () => committedLeader(),
        answer: '#5 ok "1" at 2 (local)',
      },
    ]),
  )('%s', (_says, row) => {
    const r = deliver(row.node(), readRequest(5, 'x', 'local'), 1100);
    expect(answers(r.outputs)).toEqual([row.answer]);
    expect(sentOf(r.outputs, 'AppendEntries')).toEqual([]);
  });
});

describe('§6.4 a deposed leader refuses in time', () => {
  it.each(
    sentences([
      {
        says: 'readIndex: leadershipUnconfirmed',
        mode: 'readIndex' as const,
        error: 'leadershipUnconfirmed',
        checkQuorum: false,
      },
      {
        says: 'lease: leaseExpired',
        mode: 'lease' as const,
        error: 'leaseExpired',
        checkQuorum: true,
      },
    ]),
  )(
    'a leader no majority answers refuses a read one minimum election timeout after it arrived, before any other leader can have been elected: %s',
    (_says, row) => {
      // Arrived at 1160: past the lease of the sends acknowledged at 1000, and nobody answers.
      const held = deliver(
        committedLeader(row.checkQuorum),
        readRequest(5, 'x', row.mode),
        1160,
      ).node;
      const due = 1160 + MIN_ELECTION_MS;
      expect(nextWakeAt(held)).toBeLessThanOrEqual(due);
      const early = tick(held, due - 1);
      const late = tick(early.node, due);
      expect([answers(early.outputs), answers(late.outputs)]).toEqual([
        [],
        [`#5 refused ${row.error}`],
      ]);
      expect(late.node.reads).toEqual([]);
    },
  );

  it('reads the leader holds are refused leadershipLost when a newer term reaches it', () => {
    const leader = committedLeader(true);
    const heldIndex = deliver(leader, readRequest(5, 'x', 'readIndex'), 1160).node;
    const held = deliver(heldIndex, readRequest(6, 'x', 'lease'), 1160).node;
    expect(held.reads.map((r) => r.requestId)).toEqual([5, 6]);
    const deposed = deliver(held, appendEntries({ from: 2, term: 2, prev: [2, 1] }), 1170);
    expect([deposed.node.role, answers(deposed.outputs)]).toEqual([
      'follower',
      ['#5 refused leadershipLost', '#6 refused leadershipLost'],
    ]);
  });

  it('a leader that steps down by CheckQuorum refuses what it held: leadershipLost', () => {
    // The quorum check at 1150 counts S2's reply; the one at 1300 finds nobody active since and
    // steps down, before the read, which arrived at 1200, would have run out of time at 1350.
    const checked = tick(committedLeader(true), 1150).node;
    let node = deliver(checked, readRequest(5, 'x', 'readIndex'), 1200).node;
    const story: string[] = [];
    for (const t of [1250, 1299, 1300]) {
      const r = tick(node, t);
      node = r.node;
      story.push(`${t}: ${[node.role, ...answers(r.outputs)].join(', ')}`);
    }
    expect(story).toEqual([
      '1250: leader',
      '1299: leader',
      '1300: follower, #5 refused leadershipLost',
    ]);
  });

  it('a read a follower holds for its leader is refused leadershipLost when its term changes', () => {
    const asked = deliver(follower(), readRequest(5, 'x', 'readIndex'), 1010).node;
    const r = deliver(
      asked,
      requestVote({ from: 3, term: 2, lastLogIndex: 2, lastLogTerm: 1 }),
      1020,
    );
    expect([r.node.currentTerm, answers(r.outputs), r.node.reads]).toEqual([
      2,
      ['#5 refused leadershipLost'],
      [],
    ]);
  });

  it('a ReadIndexReply of a past term is ignored: the read stays unanswered', () => {
    const asked = deliver(follower(), readRequest(5, 'x', 'readIndex'), 1010).node;
    const moved = deliver(
      asked,
      appendEntries({ from: 3, term: 2, prev: [2, 1], leaderCommit: 2 }),
      1020,
    ).node;
    const late = deliver(moved, readIndexReply(2, [1, 2]), 1030);
    expect(answers(late.outputs)).toEqual([]);
  });
});
