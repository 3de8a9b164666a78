// The read model's rejection view (§5.3): why a follower's log was refused, as the leader learned
// it from the reply, with where the leader backed nextIndex off to. A seeded scenario (a follower
// left behind with an old leader's entries, then a new leader) and small hand-made event rows.
import { describe, expect, it } from 'vitest';
import type { Message, RejectionView, TraceEvent } from '../../../../src/sim';
import { RejectionTracker, createSimulation } from '../../../../src/sim';
import type { Simulation } from '../../../../src/sim';
import { must } from '../harness';

const termsOf = (sim: Simulation, id: number) =>
  sim
    .node(id)
    .log.map((e) => e.term)
    .join('');

/**
 * Seed 3, five servers: S5 leads term 1 and commits its first entry everywhere; then S5 and S1
 * are cut off together and S5 appends two entries only S1 gets (1 1 1); the majority elects S4
 * (term 4), which commits three writes (1 4 4 4 4). S4 then hands leadership to S3, whose log is
 * that longer one, so when the network heals its probe of S1 starts past S1's end (S4's own probe
 * of S1, paused since S1 went away, still sat where S1 matches and would never be refused).
 */
function leftBehindFollower() {
  const sim = createSimulation({ nodes: 5, seed: 3 });
  const tracker = new RejectionTracker();
  const changes: { event: TraceEvent; view: RejectionView | null; nextIndex: number | null }[] = [];
  const follower = 1;
  sim.subscribe((event) => {
    if (!tracker.note(event)) return;
    const view = tracker.of(follower);
    const leader = view ? sim.nodeView(view.leader) : null;
    const nextIndex = leader?.progress.find((p) => p.id === follower)?.nextIndex ?? null;
    changes.push({ event, view, nextIndex });
  });
  must(sim, 'a first entry committed everywhere', (s) =>
    s.nodeIds().every((id) => s.node(id).commitIndex >= 1),
  );
  expect(sim.leader()).toBe(5);
  sim.partition([
    [5, 1],
    [2, 3, 4],
  ]);
  sim.write('a', '1', 5);
  sim.write('b', '2', 5);
  must(sim, 'a leader in the majority', (s) => s.node(4).role === 'leader');
  for (const key of ['c', 'd', 'e']) sim.write(key, 'x', 4);
  sim.runFor(300);
  expect([termsOf(sim, 1), termsOf(sim, 4)]).toEqual(['111', '14444']);
  sim.transferLeadership(3);
  must(sim, 'S3 leading the majority', (s) => s.node(3).role === 'leader');
  changes.length = 0;
  sim.heal();
  sim.runFor(400);
  return { sim, tracker, changes, follower };
}

describe('a follower left behind by a new leader', () => {
  it('is refused for a short log first, with the leader backing off to its end', () => {
    const { changes } = leftBehindFollower();
    const first = changes.find((c) => c.view !== null)!;
    expect(first.view).toEqual({
      code: 'logTooShort',
      follower: 1,
      leader: 3,
      term: 5,
      prevLogIndex: 5,
      prevLogTerm: 4,
      conflictTerm: 0,
      conflictIndex: 4,
      backedOffTo: 4,
      resentThrough: 6,
      seq: first.event.seq,
      at: first.event.at,
    });
    // Probing again (flow control), the leader keeps nextIndex where it backed off to until S1
    // answers the entries it resent.
    expect(first.event).toMatchObject({ kind: 'step', node: 3 });
    expect(first.nextIndex).toBe(4);
  });

  it('then for a term mismatch, no entry of term 4 at 3, until it accepts and the view clears', () => {
    const { sim, tracker, changes, follower } = leftBehindFollower();
    const mismatch = changes.find((c) => c.view?.code === 'termMismatch')!;
    expect(mismatch.view).toMatchObject({
      prevLogIndex: 3,
      prevLogTerm: 4,
      conflictTerm: 1, // S1 holds term 1 at 3…
      conflictIndex: 1, // …from index 1 on; S3's last entry of term 1 is 1, so it resends 2…6
      backedOffTo: 2,
      resentThrough: 6,
    });
    // Repaired: the same log as the leader, and the view closed when S1 accepted.
    expect(termsOf(sim, follower)).toBe('144445');
    expect(tracker.of(follower)).toBeNull();
    // The first change after the mismatch that leaves S1 without a view: S1 accepting.
    const cleared = changes.slice(changes.indexOf(mismatch)).find((c) => c.view === null)!;
    expect(cleared.event).toMatchObject({ kind: 'step', node: follower });
    expect(cleared.event.kind === 'step' && cleared.event.message?.kind).toBe('AppendEntries');
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made events: the rules one at a time.

const brief = (role: 'leader' | 'follower', term: number) =>
  ({ role, term, commitIndex: 0, logLength: 0 }) as const;

function append(prevLogIndex: number, prevLogTerm: number, entries = 0, term = 2): Message {
  return {
    kind: 'AppendEntries',
    from: 2,
    to: 1,
    term,
    prevLogIndex,
    prevLogTerm,
    entries: Array.from({ length: entries }, () => ({ term, command: { kind: 'noop' } })),
    leaderCommit: 0,
    knownMatchIndex: 0,
  } as unknown as Message;
}

function reply(success: boolean, index: number, conflictTerm = 0, conflictIndex = 0, term = 2) {
  return {
    kind: 'AppendEntriesReply',
    from: 1,
    to: 2,
    term,
    success,
    index,
    conflictTerm,
    conflictIndex,
    knownMatchIndex: 0,
  } as unknown as Message;
}

let seq = 0;
function step(node: number, message: Message, sent: Message[], term = 2, role = 'follower') {
  const r = role as 'leader' | 'follower';
  return {
    kind: 'step',
    seq: seq++,
    at: seq,
    node,
    input: 'message',
    message,
    before: brief(r, term),
    after: brief(r, term),
    sent,
  } as unknown as TraceEvent;
}

/** S1 refuses prev 4@2 (its log ends at 2); S2 gets the reply and resends from 3. */
function refusedAndBackedOff(t: RejectionTracker) {
  t.note(step(1, append(4, 2), [reply(false, 4, 0, 3)]));
  t.note(step(2, reply(false, 4, 0, 3), [append(2, 2, 2)], 2, 'leader'));
}

describe('the rejection view', () => {
  it('opens only when the leader receives the reply and backs off', () => {
    const t = new RejectionTracker();
    t.note(step(1, append(4, 2), [reply(false, 4, 0, 3)]));
    expect(t.of(1)).toBeNull();
    t.note(step(2, reply(false, 4, 0, 3), [append(2, 2, 2)], 2, 'leader'));
    expect(t.of(1)).toMatchObject({ code: 'logTooShort', prevLogTerm: 2, backedOffTo: 3 });
  });

  it.each([
    ['a stale rejection the leader ignores (no resend)', [] as Message[], 2, 'leader'],
    ['a reply of an older term', [append(2, 2, 2, 3)], 3, 'leader'],
    ['a reply reaching a server that no longer leads', [append(2, 2, 2)], 2, 'follower'],
  ])('stays closed for %s', (_, sent, term, role) => {
    const t = new RejectionTracker();
    t.note(step(2, reply(false, 4, 0, 3), sent, term, role));
    expect(t.of(1)).toBeNull();
  });

  it('words a request it never saw with prevLogTerm null (a fold started mid-run)', () => {
    const t = new RejectionTracker();
    t.note(step(2, reply(false, 4, 1, 2), [append(1, 1, 3)], 2, 'leader'));
    expect(t.of(1)).toMatchObject({ code: 'termMismatch', prevLogTerm: null, conflictTerm: 1 });
  });

  it.each([
    ['the follower accepts an AppendEntries', step(1, append(2, 2, 2), [reply(true, 4)])],
    [
      'the follower crashes',
      {
        kind: 'action',
        seq: 99,
        at: 99,
        action: 'crash',
        node: 1,
        text: 'S1 crashed',
        detail: { do: 'crash', node: 1 },
      } as unknown as TraceEvent,
    ],
    [
      'the follower moves to a later term',
      {
        ...(step(1, append(2, 2, 0, 3), []) as object),
        after: brief('follower', 3),
      } as unknown as TraceEvent,
    ],
  ])('closes when %s', (_, event) => {
    const t = new RejectionTracker();
    refusedAndBackedOff(t);
    expect(t.of(1)).not.toBeNull();
    expect(t.note(event)).toBe(true);
    expect(t.of(1)).toBeNull();
  });

  it('is the same object while nothing about it changes, so frames can share it', () => {
    const t = new RejectionTracker();
    refusedAndBackedOff(t);
    const view = t.of(1);
    expect(t.note(step(3, append(0, 0), [{ ...reply(true, 0), from: 3 } as Message]))).toBe(false);
    expect(t.of(1)).toBe(view);
  });
});
