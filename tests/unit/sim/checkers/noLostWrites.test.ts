// No Lost Writes, checked incrementally: a new leader whose log shares the prefix already seen to
// hold every acknowledged write is looked at only for the writes acknowledged since; one whose
// prefix differs is looked at in full, so nothing is missed and the first missing write is named.
import { describe, expect, it } from 'vitest';
import type { Entry, LogIndex, NodeId, Term } from '../../../../src/raft';
import type { Acknowledged, ClusterView, NodeView } from '../../../../src/sim/checkers';
import { noLostWrites } from '../../../../src/sim/checkers/noLostWrites';

/** A log from "term:request" words, e.g. "1:1 1:2 2:9"; its prefix digests follow. */
function nodeWith(words: string): NodeView {
  const log: Entry[] = words
    .split(' ')
    .filter(Boolean)
    .map((w) => {
      const [term, requestId] = w.split(':').map(Number);
      return { term: term as Term, requestId, command: { kind: 'noop' } } as Entry;
    });
  const prefix = [17];
  for (const e of log)
    prefix.push((prefix[prefix.length - 1]! * 31 + e.term * 7 + e.requestId!) | 0);
  return { alive: true, status: null, log, logBase: 0, snapshot: null, prefix };
}

/** A one-node view: the node is S1, the leader being checked. */
const viewOf = (node: NodeView): ClusterView => ({ ids: [1 as NodeId], node: () => node });
const S1 = 1 as NodeId;

function ack(requestId: number, index: number, term: number): Acknowledged {
  const config = { voters: [S1], learners: [], old: null, joining: [] };
  return { requestId, index: index as LogIndex, term: term as Term, at: requestId * 10, config };
}

describe('no acknowledged write goes missing from a later leader', () => {
  it('a leader sharing the verified prefix is checked only for the writes acknowledged since', () => {
    const checker = noLostWrites();
    const first = viewOf(nodeWith('1:1 1:2 1:3'));
    for (let r = 1; r <= 3; r++) checker.afterAck!(first, ack(r, r, 1));
    expect(checker.afterStep!(first, S1, true)).toBeNull();
    const before = checker.work;
    checker.afterAck!(first, ack(4, 4, 2));
    const next = viewOf(nodeWith('1:1 1:2 1:3 2:4'));
    expect(checker.afterStep!(next, S1, true)).toBeNull();
    // One look at the prefix digest and one at write #4, not four.
    expect(checker.work - before).toBe(2);
  });

  it('a leader lacking a write acknowledged since is caught', () => {
    const checker = noLostWrites();
    const first = viewOf(nodeWith('1:1 1:2'));
    checker.afterAck!(first, ack(1, 1, 1));
    checker.afterAck!(first, ack(2, 2, 1));
    expect(checker.afterStep!(first, S1, true)).toBeNull();
    checker.afterAck!(first, ack(3, 3, 1));
    expect(checker.afterStep!(viewOf(nodeWith('1:1 1:2 2:7')), S1, true)).toMatchObject({
      code: 'leaderLacksAck',
      request: 3,
      index: 3,
    });
  });

  it('a leader whose prefix differs is checked in full, and the first missing write is named', () => {
    const checker = noLostWrites();
    const first = viewOf(nodeWith('1:1 1:2 1:3'));
    for (let r = 1; r <= 3; r++) checker.afterAck!(first, ack(r, r, 1));
    expect(checker.afterStep!(first, S1, true)).toBeNull();
    expect(checker.afterStep!(viewOf(nodeWith('1:1 2:8 2:9')), S1, true)).toMatchObject({
      code: 'leaderLacksAck',
      request: 2,
      index: 2,
      term: 1,
      ackAt: 20,
    });
    expect(checker.afterStep!(viewOf(nodeWith('1:1 1:2')), S1, true)).toMatchObject({
      request: 3,
    });
  });

  it('only a node that just became leader is checked', () => {
    const checker = noLostWrites();
    const empty = viewOf(nodeWith(''));
    checker.afterAck!(empty, ack(1, 1, 1));
    expect(checker.afterStep!(empty, S1, false)).toBeNull();
    expect(checker.afterStep!(empty, S1, true)).not.toBeNull();
  });
});
