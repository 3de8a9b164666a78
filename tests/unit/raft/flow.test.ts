// Flow control as etcd's raft does it (progress.ts): probe one AppendEntries at a time, stream
// with a bounded window once matched, back to probing on a rejection, wait on a snapshot.
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/raft/progress';
import {
  MAX_INFLIGHT,
  PROBE,
  maySend,
  progressMatched,
  progressOf,
  progressRejected,
  progressSent,
  progressSnapshotSent,
} from '../../../src/raft/progress';
import { logFrom } from '../../../src/raft/log';
import { asIndex, asTerm } from '../../../src/raft';
import { entry } from './harness';

const leaderLog = logFrom([1, 1, 2, 2, 2, 3, 3, 3, 3].map((t) => entry(t)));
const probing = (next: number, match = 0): Progress => progressOf(next, match, true, -1, PROBE);
const rejection = (prev: number, hint: [number, number]) => ({
  index: asIndex(prev),
  conflictIndex: asIndex(hint[0]),
  conflictTerm: asTerm(hint[1]),
  knownMatchIndex: asIndex(0),
  sentAt: 0,
});

describe('probe: one AppendEntries at a time', () => {
  it('a probe sent pauses the follower and leaves nextIndex where it is', () => {
    const sent = progressSent(probing(5), 7);
    expect([sent.nextIndex, sent.flow.state, sent.flow.paused]).toEqual([5, 'probe', true]);
  });

  it.each([
    ['a new write waits while a probe is out', false, false],
    ['a heartbeat goes all the same (a lost probe is retried)', true, true],
  ])('%s', (_, heartbeat, may) => {
    expect(maySend(progressSent(probing(5), 7), heartbeat)).toBe(may);
  });

  it('a success starts replicating: nextIndex past the match, nothing in flight', () => {
    const matched = progressMatched(progressSent(probing(5), 7), 7);
    expect([matched.matchIndex, matched.nextIndex, matched.flow.state]).toEqual([
      7,
      8,
      'replicate',
    ]);
    expect(matched.flow.inflight).toEqual([]);
  });

  it('a rejection of the probe out now backs off and probes again, unpaused', () => {
    const after = progressRejected(progressSent(probing(8, 2), 9), rejection(7, [4, 0]), leaderLog);
    expect([after.nextIndex, after.flow.state, after.flow.paused]).toEqual([4, 'probe', false]);
  });

  it('a rejection of an earlier request (not the probe out now) changes nothing: probed once', () => {
    const before = progressSent(probing(4, 2), 9);
    const after = progressRejected(before, rejection(7, [3, 0]), leaderLog);
    expect([after.nextIndex, after.flow.paused]).toEqual([4, true]);
  });
});

describe('replicate: a bounded window of AppendEntries in flight', () => {
  const replicating = progressMatched(progressSent(probing(3, 2), 2), 2);

  it(`streams until ${MAX_INFLIGHT} are unanswered, then waits`, () => {
    let p = replicating;
    for (let i = 0; i < MAX_INFLIGHT; i++) {
      expect(maySend(p, false)).toBe(true);
      p = progressSent(p, p.nextIndex);
    }
    expect(p.flow.inflight).toHaveLength(MAX_INFLIGHT);
    expect(maySend(p, false)).toBe(false);
    expect(p.nextIndex).toBe(3 + MAX_INFLIGHT);
  });

  it('an answer frees every message up to its index', () => {
    let p = replicating;
    for (let i = 0; i < 3; i++) p = progressSent(p, p.nextIndex);
    expect(progressMatched(p, 4).flow.inflight).toEqual([5]);
  });

  it('a heartbeat with a full window gives up the oldest message, as etcd does', () => {
    let p = replicating;
    for (let i = 0; i < MAX_INFLIGHT; i++) p = progressSent(p, p.nextIndex);
    const oldest = p.flow.inflight[0];
    const again = progressSent(p, p.nextIndex - 1, true);
    expect(again.flow.inflight).toHaveLength(MAX_INFLIGHT);
    expect(again.flow.inflight).not.toContain(oldest);
  });

  it('a rejection returns to probing from the hint, with nothing in flight', () => {
    let p = replicating;
    for (let i = 0; i < 3; i++) p = progressSent(p, p.nextIndex + 1);
    const after = progressRejected(p, rejection(4, [4, 0]), leaderLog);
    expect([after.nextIndex, after.flow.state, after.flow.inflight.length]).toEqual([
      4,
      'probe',
      0,
    ]);
  });
});

describe('snapshot: wait for the snapshot’s answer', () => {
  const waiting = progressSnapshotSent(probing(2), 40, 100);

  it('after the snapshot up to 40, nextIndex is 41 and only a heartbeat sends again', () => {
    expect([waiting.nextIndex, waiting.flow.state]).toEqual([41, 'snapshot']);
    expect([maySend(waiting, false), maySend(waiting, true)]).toEqual([false, true]);
  });

  it('its answer up to 40 starts replicating; an earlier rejection changes nothing', () => {
    expect(progressMatched(waiting, 40).flow.state).toBe('replicate');
    expect(progressRejected(waiting, rejection(1, [1, 0]), leaderLog).flow.state).toBe('snapshot');
  });
});
