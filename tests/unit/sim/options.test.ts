// PreVote and CheckQuorum seen from the whole cluster: each is shown once switched off and once
// on, in the same seeded world, so the difference is the option and nothing else.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';
import { ROLE_CHANGES, settle, story } from './harness';

describe('PreVote: a server that rejoins cannot disrupt a healthy leader', () => {
  /** S1 is cut off from a healthy 5-node cluster for 5 virtual seconds, then the network heals. */
  function rejoin(preVote: boolean) {
    const sim = createSimulation({ seed: 12, nodes: 5, preVote });
    const leader = settle(sim);
    const lonely = sim.nodeIds().find((id) => id !== leader)!;
    const before = { leader, term: sim.node(leader).term };
    sim.partition([sim.nodeIds().filter((id) => id !== lonely), [lonely]]);
    sim.runFor(5000);
    const lonelyTerm = sim.node(lonely).term;
    const from = sim.traceLines().length;
    sim.heal();
    sim.runFor(2000);
    const after = { leader: sim.leader(), term: sim.node(sim.leader()!).term };
    return { sim, before, after, lonelyTerm, story: story(sim, ROLE_CHANGES, from) };
  }

  it('without PreVote, the rejoining server has raised its term and forces a new election', () => {
    const run = rejoin(false);
    expect(run.before).toEqual({ leader: 5, term: 1 });
    expect(run.lonelyTerm).toBe(22); // one election per timeout, all alone
    expect(run.after.term).toBeGreaterThan(run.lonelyTerm);
    expect(run.story).toEqual([
      't=5265ms network healed',
      't=5294ms S1 election timeout → candidate, term 23',
      't=5305ms S4 ← S1 RequestVote(term 23, last 1@1) → follower, term 23: vote granted (term 23)',
      't=5307ms S2 ← S1 RequestVote(term 23, last 1@1) → follower, term 23: vote granted (term 23)',
      't=5307ms S5 ← S1 RequestVote(term 23, last 1@1) → follower, term 23: vote granted (term 23)',
      't=5314ms S3 ← S1 RequestVote(term 23, last 1@1) → follower, term 23: vote granted (term 23)',
      't=5320ms S1 ← S2 vote granted (term 23) → leader, term 23, log 2',
    ]);
    expect(run.sim.violations()).toEqual([]);
  });

  it('with PreVote, the rejoining server never raised its term and simply follows the leader', () => {
    const run = rejoin(true);
    expect(run.lonelyTerm).toBe(1); // its pre-votes were never granted
    expect(run.after).toEqual(run.before);
    expect(run.story).toEqual([
      't=5290ms network healed',
      't=5336ms S1 ← S5 AppendEntries(term 1, prev 1@1, 0 entries, commit 1) → follower, term 1',
    ]);
    expect(run.sim.violations()).toEqual([]);
  });
});

describe('CheckQuorum: a leader must keep hearing from a majority', () => {
  /** The leader and one follower are cut off from the other three for 3 virtual seconds. */
  function isolateLeader(checkQuorum: boolean) {
    const sim = createSimulation({ seed: 12, nodes: 5, checkQuorum });
    const leader = settle(sim);
    const others = sim.nodeIds().filter((id) => id !== leader);
    const from = sim.traceLines().length;
    const partitionedAt = sim.now;
    sim.partition([[leader, others[0]!], others.slice(1)]);
    const steppedDown = sim.runUntil((s) => s.node(leader).role !== 'leader', 3000);
    return { sim, leader, steppedDown, from, partitionedAt };
  }

  it('with CheckQuorum, a leader in the minority steps down within an election timeout', () => {
    const { sim, leader, steppedDown, from, partitionedAt } = isolateLeader(true);
    expect(steppedDown).toBe(true);
    expect(story(sim, new RegExp(`S${leader} .*→|ms partition `), from)).toEqual([
      't=265ms partition {S5,S1} | {S2,S3,S4}',
      't=495ms S5 heartbeat timer → follower, term 1',
    ]);
    // A CheckQuorum round lasts one minimum election timeout (150 ms); the partition may begin
    // just after a round started, so stepping down takes at most two rounds.
    expect(sim.now - partitionedAt).toBeLessThanOrEqual(2 * 150);
  });

  it('without CheckQuorum, a leader in the minority goes on believing it leads', () => {
    const { sim, leader, steppedDown } = isolateLeader(false);
    expect(steppedDown).toBe(false);
    expect(sim.node(leader).role).toBe('leader');
  });

  /** The leader's messages to one follower are lost for 3 virtual seconds; replies still flow. */
  function deafFollower(checkQuorum: boolean) {
    const sim = createSimulation({ seed: 12, nodes: 5, checkQuorum });
    const leader = settle(sim);
    const term = sim.node(leader).term;
    const deaf = sim.nodeIds().find((id) => id !== leader)!;
    sim.cutOneWay(leader, deaf);
    sim.runFor(3000);
    return { sim, before: { leader, term }, deaf };
  }

  it('with CheckQuorum, followers in touch with their leader ignore the RequestVotes of one that is not', () => {
    const { sim, before, deaf } = deafFollower(true);
    expect(sim.node(deaf).term).toBeGreaterThan(5); // it stood again and again…
    expect({ leader: sim.leader(), term: sim.node(sim.leader()!).term }).toEqual(before); // …in vain
    expect(sim.violations()).toEqual([]);
  });

  it('without CheckQuorum, that one follower deposes a healthy leader', () => {
    const { sim, before } = deafFollower(false);
    expect(sim.node(sim.leader()!).term).toBeGreaterThan(before.term);
    expect(sim.violations()).toEqual([]);
  });
});
