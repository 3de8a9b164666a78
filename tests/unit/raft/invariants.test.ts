// The core's invariants (src/raft/invariants.ts): sound nodes of every role pass, each
// hand-broken node is caught, and `step` asserts them only while checks are switched on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RaftNode } from '../../../src/raft';
import { asIndex, checkInvariants, setInvariantChecks } from '../../../src/raft';
import { invariantChecksOn } from '../../../src/raft/invariants';
import { progressOf } from '../../../src/raft/progress';
import { appendOk, deliver, fireTimeout, nodeInRole, nodeWith, sentences, tick } from './harness';

const leader = (): RaftNode => deliver(nodeInRole('leader'), appendOk(2, 3, 1), 110).node;
const preCandidate = (): RaftNode => {
  const n = nodeWith({ term: 2, options: { preVote: true } });
  return tick(n, n.electionDeadline).node;
};

describe('checkInvariants: sound nodes', () => {
  it.each([
    ['a follower just booted', () => nodeWith({ term: 2, log: [1, 2] })],
    ['a precandidate', preCandidate],
    ['a candidate', () => nodeInRole('candidate')],
    ['a leader with a match', leader],
  ])('%s breaks none', (_name, make) => {
    expect(checkInvariants(make())).toEqual([]);
  });
});

describe('checkInvariants: hand-broken nodes are caught', () => {
  it.each(
    sentences([
      {
        says: 'commitIndex past the last log index',
        make: () => ({ ...nodeWith({ term: 1, log: [1] }), commitIndex: asIndex(2) }),
        finds: 'commitIndex (2) ≤ last log index (1)',
      },
      {
        says: 'lastApplied past commitIndex',
        make: () => ({ ...nodeWith({ term: 1, log: [1, 1] }), lastApplied: asIndex(1) }),
        finds: 'lastApplied (1) ≤ commitIndex (0)',
      },
      {
        says: 'a negative term',
        make: () => ({ ...nodeWith(), currentTerm: -1 as RaftNode['currentTerm'] }),
        finds: 'currentTerm -1',
      },
      {
        says: 'matchIndex not below nextIndex',
        make: () => ({
          ...leader(),
          progress: { ...leader().progress, 2: progressOf(2, 2, true) },
        }),
        finds: 'progress of S2 needs 0 ≤ matchIndex (2) < nextIndex (2)',
      },
      {
        says: 'nextIndex past last index + 1',
        make: () => ({
          ...leader(),
          progress: { ...leader().progress, 3: progressOf(9, 0, true) },
        }),
        finds: 'progress of S3 needs 0 ≤ matchIndex (0) < nextIndex (9) ≤ 2',
      },
      {
        says: 'a leader without a record for one peer',
        make: () => ({ ...leader(), progress: { 2: leader().progress[2]! } }),
        finds: 'a leader tracks [2], not every peer [2, 3]',
      },
      {
        says: 'a leader that names another leader',
        make: () => ({ ...leader(), leaderId: 2 as RaftNode['id'] }),
        finds: "a leader's leaderId is 2",
      },
      {
        says: 'a follower with progress',
        make: () => ({ ...nodeWith(), progress: { 2: progressOf(1, 0, false) } }),
        finds: 'a follower tracks progress',
      },
      {
        says: 'a follower still counting votes',
        make: () => ({ ...nodeWith(), votes: [1 as RaftNode['id']] }),
        finds: 'a follower counts votes',
      },
      {
        says: 'a candidate that did not vote for itself',
        make: () => ({ ...nodeInRole('candidate'), votedFor: 2 as RaftNode['id'] }),
        finds: 'a candidate voted for 2, not itself',
      },
      {
        says: 'a precandidate without its own vote',
        make: () => ({ ...preCandidate(), votes: [] }),
        finds: 'a precandidate has not voted for itself',
      },
      {
        says: 'a candidate that names a leader',
        make: () => ({ ...nodeInRole('candidate'), leaderId: 2 as RaftNode['id'] }),
        finds: 'a candidate names leader S2',
      },
    ]),
  )('%s', (_says, { make, finds }) => {
    const broken = checkInvariants(make());
    expect(broken.join('\n')).toContain(finds);
  });

  it.each([[null], [undefined], [42], ['leader'], [{}]])(
    'refuses %s, which is no node',
    (notANode) => {
      expect(() => checkInvariants(notANode as unknown as RaftNode)).toThrow(/createNode or step/);
    },
  );
});

describe('step asserts the invariants only while checks are on', () => {
  let before: boolean;
  beforeEach(() => {
    before = invariantChecksOn();
  });
  afterEach(() => setInvariantChecks(before));

  const broken = (): RaftNode => ({ ...nodeWith({ term: 1, log: [1] }), commitIndex: asIndex(2) });

  it('with checks on, stepping a broken node throws and names the input', () => {
    setInvariantChecks(true);
    expect(() => tick(broken(), 1)).toThrow(
      /S1 broke the core's invariants after a tick: .*commitIndex/,
    );
  });

  it('with checks on, a sound run of elections and replication never throws', () => {
    setInvariantChecks(true);
    const l = leader();
    expect(() => tick(l, l.heartbeatDeadline)).not.toThrow();
    expect(() => fireTimeout(nodeWith({ term: 4, log: [1, 4] }), 10)).not.toThrow();
  });

  it('with checks off, the same broken node steps without a word', () => {
    setInvariantChecks(false);
    expect(() => tick(broken(), 1)).not.toThrow();
  });

  it('with a Figure 2 rule switched off, step does not assert (the checkers judge that run)', () => {
    setInvariantChecks(true);
    const ruleOff = {
      ...nodeWith({ term: 1, log: [1], options: { rules: { truncateOnlyOnConflict: false } } }),
      commitIndex: asIndex(2),
    };
    expect(checkInvariants(ruleOff)).not.toEqual([]);
    expect(() => tick(ruleOff, 1)).not.toThrow();
  });

  it.each([['yes'], [1], [null], [undefined]])(
    'setInvariantChecks refuses %s and keeps its state',
    (bad) => {
      setInvariantChecks(true);
      expect(() => setInvariantChecks(bad as unknown as boolean)).toThrow(/true or false/);
      expect(invariantChecksOn()).toBe(true);
    },
  );
});
