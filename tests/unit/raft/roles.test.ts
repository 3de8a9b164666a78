// The role changes of src/raft/roles.ts: every change Raft makes is allowed, every other one
// throws an Error naming it and leaves the node as it was.
import { bootConfigState, configurationOf } from '../../../src/raft/tracker';
import { describe, expect, it } from 'vitest';
import type { RaftNode } from '../../../src/raft';
import { asTerm } from '../../../src/raft';
import type { Ctx, Draft } from '../../../src/raft/context';
import { newCtx } from '../../../src/raft/context';
import {
  becomeCandidate,
  becomeFollower,
  becomeLeader,
  becomePreCandidate,
} from '../../../src/raft/roles';
import { nodeInRole, nodeWith, sentences, tick } from './harness';

/** A step's scratch space around a copy of `node`, as step() would make it. */
const ctxOf = (node: RaftNode): Ctx => newCtx({ ...node } as Draft, 500);

const preVoteOn = { preVote: true };
const preCandidate = (): RaftNode => {
  const n = nodeWith({ term: 2, options: preVoteOn });
  return tick(n, n.electionDeadline).node;
};
const leader = () => nodeInRole('leader');

describe('roles: changes Raft never makes are refused by name', () => {
  it.each(
    sentences([
      {
        says: 'leader → precandidate',
        node: () => nodeInRole('leader'),
        change: becomePreCandidate,
        error: /leader → precandidate in term 3: a leader does not stand/,
      },
      {
        says: 'leader → candidate',
        node: leader,
        change: becomeCandidate,
        error: /leader → candidate/,
      },
      {
        says: 'follower → leader without a candidacy',
        node: () => nodeWith({ term: 2 }),
        change: becomeLeader,
        error: /follower → leader .*only a candidate/,
      },
      {
        says: 'precandidate → leader without a real election',
        node: preCandidate,
        change: becomeLeader,
        error: /precandidate → leader/,
      },
      {
        says: 'candidate → leader without a majority of votes',
        node: () => nodeInRole('candidate'),
        change: becomeLeader,
        error: /candidate → leader .*no majority/,
      },
      {
        says: 'follower → candidate skipping the pre-vote while PreVote is on',
        node: () => nodeWith({ term: 2, options: preVoteOn }),
        change: becomeCandidate,
        error: /follower → candidate .*only a precandidate/,
      },
      {
        says: 'follower → precandidate while PreVote is off',
        node: () => nodeWith({ term: 2 }),
        change: becomePreCandidate,
        error: /follower → precandidate .*PreVote is off/,
      },
      {
        says: 'any role → follower of an older term',
        node: leader,
        change: (c: Ctx) => becomeFollower(c, asTerm(2), null),
        error: /leader → follower in term 3: term 2 is older/,
      },
    ]),
  )('%s', (_says, { node, change, error }) => {
    const c = ctxOf(node());
    const before = { ...c.s };
    expect(() => change(c)).toThrow(error);
    expect(c.s).toEqual(before);
    expect([c.out, c.hardStateDirty, c.logDirtyFrom]).toEqual([[], false, Infinity]);
  });
});

describe('roles: the changes Raft makes are allowed', () => {
  it.each(
    sentences([
      {
        says: 'a follower stands as candidate when PreVote is off',
        node: () => nodeWith({ term: 2 }),
        change: becomeCandidate,
        role: 'candidate',
      },
      {
        says: 'a candidate whose election timed out stands again',
        node: () => nodeInRole('candidate'),
        change: becomeCandidate,
        role: 'candidate',
      },
      {
        says: 'a precandidate that won its pre-vote becomes candidate',
        node: preCandidate,
        change: becomeCandidate,
        role: 'candidate',
      },
      {
        says: 'a candidate whose timer fires with PreVote on asks again as precandidate',
        node: () => ({
          ...nodeInRole('candidate'),
          options: nodeWith({ options: preVoteOn }).options,
        }),
        change: becomePreCandidate,
        role: 'precandidate',
      },
      {
        says: 'a leader steps down to follower in its own term',
        node: leader,
        change: (c: Ctx) => becomeFollower(c, c.s.currentTerm, null),
        role: 'follower',
      },
      {
        says: 'a candidate of a cluster of one becomes leader on its own vote',
        node: () => nodeInRole('candidate'),
        change: (c: Ctx) => {
          c.s.config = configurationOf(c.s.id, bootConfigState(c.s.id, [c.s.id]));
          becomeLeader(c);
        },
        role: 'leader',
      },
    ]),
  )('%s', (_says, { node, change, role }) => {
    const c = ctxOf(node());
    change(c);
    expect(c.s.role).toBe(role);
  });
});
