// Scenario tests for membership changes (Raft thesis chapter 4) and leadership transfer (§3.10)
// through the scripting API: seeded clusters grow, shrink, swap every voter and hand leadership
// over, and every checker watches. Then every bad membership call is refused, changing nothing.
import { describe, expect, it } from 'vitest';
import { createSimulation, describeCommand } from '../../../src/sim';
import type {
  ReasonCode,
  RequestSnapshot,
  SimAction,
  Simulation,
  SimOptionsInput,
} from '../../../src/sim';
import { must, sentences, settle, story } from './harness';
import { look, refusal, withHole } from './api/refusal';

// ── Helpers ───────────────────────────────────────────────────────────────────────────────

/** Runs until request `id` is answered (ok or failed); a request that never settles fails here. */
function answered(sim: Simulation, id: number, maxMs = 5000): RequestSnapshot {
  must(sim, `an answer to request #${id}`, (s) => s.request(id).status !== 'pending', maxMs);
  return sim.request(id);
}

/** A settled cluster of `nodes` servers; returns it with its leader. */
function settled(options: SimOptionsInput): { sim: Simulation; leader: number } {
  const sim = createSimulation(options);
  return { sim, leader: settle(sim) };
}

/**
 * Runs until there is a leader and every live member (voter or learner of the configuration in
 * use) holds and has applied the leader's whole log. Servers outside it are left out: a removed
 * server hears nothing more, so it never catches up. Returns the leader.
 */
function settleMembers(sim: Simulation, maxMs = 5000): number {
  const caughtUp = (s: Simulation): boolean => {
    const leader = s.leader();
    if (leader === null) return false;
    const last = s.node(leader).log.length;
    return s.nodeIds().every((id) => {
      const n = s.node(id);
      if (!n.alive || n.member === 'outside') return true;
      return n.log.length === last && n.lastApplied === last;
    });
  };
  must(sim, 'a settled configuration', caughtUp, maxMs);
  return sim.leader()!;
}

/** Each server's term, by id, as "S1:2 S2:2 …". */
function termsOf(sim: Simulation, ids = sim.nodeIds()): string {
  return ids.map((id) => `S${id}:${sim.node(id).term}`).join(' ');
}

/** What each server is in the configuration in use: "S1 voter, S4 learner, S5 outside". */
function memberships(sim: Simulation): string {
  return sim
    .nodeIds()
    .map((id) => `S${id} ${sim.node(id).member}`)
    .join(', ');
}

/** The configuration entries in a server's log, as the trace words them. */
function configEntries(sim: Simulation, id: number): string[] {
  return sim
    .node(id)
    .log.filter((e) => e.command.kind === 'config')
    .map((e) => describeCommand(e.command));
}

const noViolations = (sim: Simulation) => expect(sim.violations()).toEqual([]);

// ── Scenarios ─────────────────────────────────────────────────────────────────────────────

describe('§4.2.1 growing a cluster: new servers catch up as learners, then vote', () => {
  it('a cluster grows from 3 to 5 while writes flow, and then survives two failures', () => {
    const { sim } = settled({ seed: 3, nodes: 3 });
    const writes: number[] = [];
    const added: number[] = [];
    for (const _ of [1, 2]) {
      const { id, request } = sim.addServer();
      added.push(id);
      // Writes keep coming while the new server catches up and is promoted.
      while (sim.request(request).status === 'pending') {
        writes.push(sim.write(`k${writes.length}`, `${writes.length}`));
        sim.runFor(40);
      }
      expect(sim.request(request).status).toBe('ok');
    }
    expect(added).toEqual([4, 5]);
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3, 4, 5], learners: [], joint: null });
    for (const id of writes) expect(answered(sim, id).status).toBe('ok');
    // Five voters survive two failures: crash the leader and one more.
    const leader = settleMembers(sim);
    sim.crash(leader);
    sim.crash(leader === 1 ? 2 : 1);
    must(sim, 'a new leader', (s) => s.leader() !== null);
    const after = sim.write('after', 'two failures');
    expect(answered(sim, after).status).toBe('ok');
    expect(sim.leader()).not.toBe(leader);
    noViolations(sim);
  });

  it('with three voters, a leader and a learner are no majority: nothing commits, though the learner stores it', () => {
    const { sim, leader } = settled({ seed: 23, nodes: 3 });
    const { id: learner, request } = sim.addServer({ voter: false });
    expect(answered(sim, request).status).toBe('ok');
    settle(sim);
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3], learners: [4], joint: null });
    for (const id of [1, 2, 3]) if (id !== leader) sim.crash(id);
    const write = sim.write('x', '1');
    sim.runFor(3000);
    expect(sim.request(write).status).not.toBe('ok');
    expect(sim.leader()).toBe(leader);
    const index = sim.node(leader).log.length;
    expect(sim.node(learner).log).toHaveLength(index); // the learner stores it…
    expect(sim.node(leader).commitIndex).toBeLessThan(index); // …and it still does not commit
    noViolations(sim);
  });

  it('a server added as a learner never votes, never stands and is never promoted', () => {
    const { sim } = settled({ seed: 5, nodes: 3 });
    const { id, request } = sim.addServer({ voter: false });
    expect(answered(sim, request).status).toBe('ok');
    sim.runFor(3000);
    expect(sim.node(id)).toMatchObject({ member: 'learner', role: 'follower', votedFor: null });
    expect(story(sim, new RegExp(`S${id} election timeout`))).toEqual([]);
    expect(sim.configuration().learners).toEqual([id]);
  });
});

describe('§4.2.2 and §4.2.3 removing servers, the leader among them', () => {
  it('the leader removes itself: it steps down once that commits, and the rest elect one leader, once', () => {
    const { sim, leader } = settled({ seed: 5, nodes: 5 });
    const termBefore = sim.node(leader).term;
    const from = sim.traceLines().length;
    const request = sim.removeServer(leader);
    expect(answered(sim, request).status).toBe('ok');
    sim.runFor(3000);
    const next = sim.leader()!;
    const rest = sim.nodeIds().filter((id) => id !== leader);
    expect(rest).toContain(next);
    expect(sim.configuration().voters).toEqual(rest);
    // One election, no term storm: every remaining server is in the next term, and stays there.
    expect(termsOf(sim, rest)).toBe(rest.map((id) => `S${id}:${termBefore + 1}`).join(' '));
    expect(sim.node(leader)).toMatchObject({
      role: 'follower',
      term: termBefore,
      member: 'outside',
    });
    expect(story(sim, /→ candidate/, from)).toHaveLength(1);
    expect(story(sim, /→ candidate/, from)[0]).not.toContain(`S${leader} `);
    noViolations(sim);
  });

  it('a removed server that missed its removal campaigns alone: nobody else’s term moves', () => {
    const { sim, leader } = settled({ seed: 21, nodes: 5 });
    const victim = sim.nodeIds().find((id) => id !== leader)!;
    sim.crash(victim);
    expect(answered(sim, sim.removeServer(victim)).status).toBe('ok');
    const rest = sim.nodeIds().filter((id) => id !== victim);
    const termsBefore = termsOf(sim, rest);
    sim.restart(victim); // its disk still makes it a voter of the old configuration
    sim.runFor(4000);
    expect(sim.node(victim).term).toBeGreaterThan(5); // it kept standing, term after term
    expect(sim.node(victim)).toMatchObject({ member: 'outside', voters: [1, 2, 3, 4, 5] });
    expect(termsOf(sim, rest)).toBe(termsBefore);
    expect(sim.leader()).toBe(leader);
    noViolations(sim);
  });

  it('after removing two of five voters one at a time, three voters carry on and survive one failure', () => {
    const { sim, leader } = settled({ seed: 8, nodes: 5 });
    const [a, b] = sim.nodeIds().filter((id) => id !== leader);
    expect(answered(sim, sim.removeServer(a!)).status).toBe('ok');
    settleMembers(sim);
    expect(answered(sim, sim.removeServer(b!)).status).toBe('ok');
    const voters = sim.nodeIds().filter((id) => id !== a && id !== b);
    expect(sim.configuration().voters).toEqual(voters);
    // The removed servers are gone for good: crash them and one voter; two of three commit.
    sim.crash(a!);
    sim.crash(b!);
    sim.crash(voters.find((id) => id !== leader)!);
    expect(answered(sim, sim.write('x', '1')).status).toBe('ok');
    noViolations(sim);
  });
});

describe('§4.3 joint consensus: replacing every voter', () => {
  it('three new servers replace all three voters in one change; the old ones crash and the cluster still commits', () => {
    const { sim } = settled({ seed: 7, nodes: 3 });
    for (const _ of [4, 5, 6])
      expect(answered(sim, sim.addServer({ voter: false }).request).status).toBe('ok');
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3], learners: [4, 5, 6], joint: null });
    const from = sim.traceLines().length;
    const request = sim.changeVoters([6, 5, 4]);
    must(sim, 'the joint configuration', (s) => s.configuration().joint !== null);
    expect(sim.configuration()).toEqual({
      voters: [4, 5, 6],
      learners: [],
      joint: { old: [1, 2, 3], new: [4, 5, 6] },
    });
    expect(answered(sim, request).status).toBe('ok');
    expect(sim.configuration()).toEqual({ voters: [4, 5, 6], learners: [], joint: null });
    // The leader (S2) appends C_old,new, then C_new by itself at a heartbeat, and being only in
    // C_old it steps down once C_new commits, answering the client as it goes.
    expect(story(sim, /voters →|heartbeat timer → log|→ follower|client request #4/, from)).toEqual(
      [
        't=482ms voters → {4,5,6}; client request #4 → S2',
        't=498ms S2 ← client request #4 voters → {4,5,6} → log 5',
        't=530ms S2 heartbeat timer → log 6',
        't=562ms S2 ← S5 AppendEntries ok (term 1, match 6) → follower, term 1, commit 6: reply #4 ok at 6',
        't=576ms client request #4 ok: applied at index 6 (S2)',
      ],
    );
    expect(configEntries(sim, 4)).toEqual([
      'config +S4 learner',
      'config +S5 learner',
      'config +S6 learner',
      'config joint {1,2,3}→{4,5,6}',
      'config {4,5,6}',
    ]);
    for (const id of [1, 2, 3]) if (sim.node(id).alive) sim.crash(id);
    must(sim, 'a leader among the new voters', (s) => s.leader() !== null);
    const write = sim.write('z', '9');
    expect(answered(sim, write).status).toBe('ok');
    expect([4, 5, 6]).toContain(sim.leader());
    noViolations(sim);
  });
});

describe('§3.10 leadership transfer', () => {
  it.each(
    sentences([
      {
        says: 'leadership goes to the chosen follower in the next term',
        preVote: false,
        checkQuorum: false,
      },
      {
        says: 'leadership goes to the chosen follower with PreVote and CheckQuorum on',
        preVote: true,
        checkQuorum: true,
      },
    ]),
  )('%s', (_says, { preVote, checkQuorum }) => {
    const { sim, leader } = settled({ seed: 9, nodes: 5, preVote, checkQuorum });
    const to = sim.nodeIds().find((id) => id !== leader && id > 1)!;
    const term = sim.node(leader).term;
    const request = sim.transferLeadership(to);
    must(sim, 'the transfer under way', (s) => s.node(leader).transferTo === to, 100);
    expect(answered(sim, request).status).toBe('ok');
    must(sim, `S${to} leading`, (s) => s.leader() === to, 1000);
    expect(sim.node(to).term).toBe(term + 1);
    expect(sim.node(leader)).toMatchObject({ role: 'follower', transferTo: null });
    expect(answered(sim, sim.write('x', '1')).status).toBe('ok');
    noViolations(sim);
  });

  it('a transfer to a crashed follower times out: the client hears transferTimedOut and the leader takes writes again', () => {
    const { sim, leader } = settled({ seed: 9, nodes: 5 });
    const to = sim.nodeIds().find((id) => id !== leader)!;
    sim.crash(to);
    sim.write('x', '1'); // the crashed follower now lacks an entry, so it can never catch up
    const request = sim.transferLeadership(to);
    expect(answered(sim, request)).toMatchObject({
      status: 'failed',
      failure: { code: 'transferTimedOut', node: leader },
    });
    expect(sim.leader()).toBe(leader);
    expect(answered(sim, sim.write('y', '2')).status).toBe('ok');
    noViolations(sim);
  });
});

describe('sim.configuration(): the configuration in use', () => {
  it('with a leader, it is the leader’s, uncommitted entries included', () => {
    const { sim, leader } = settled({ seed: 5, nodes: 3 });
    const { id } = sim.addServer({ voter: false });
    must(sim, 'the leader appending the learner', (s) => s.node(leader).learners.length > 0, 100);
    expect(sim.node(leader).commitIndex).toBeLessThan(sim.node(leader).log.length);
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3], learners: [id], joint: null });
  });

  it('with no leader, it is that of the live server with the highest term', () => {
    const { sim, leader } = settled({ seed: 5, nodes: 3 });
    expect(answered(sim, sim.removeServer(leader === 3 ? 2 : 3)).status).toBe('ok');
    settleMembers(sim);
    const expected = sim.configuration();
    sim.crash(leader);
    expect(sim.leader()).toBeNull();
    expect(sim.configuration()).toEqual(expected);
  });

  it('with no leader, a crashed server’s newer configuration does not count: the live servers’ does', () => {
    const { sim, leader } = settled({ seed: 5, nodes: 3 });
    for (const id of [1, 2, 3]) if (id !== leader) sim.cut(leader, id);
    sim.addServer({ voter: false }); // the leader appends S4 as a learner and can tell no one
    must(sim, 'the cut-off leader using S4', (s) => s.node(leader).learners.length > 0, 100);
    sim.crash(leader);
    expect(sim.leader()).toBeNull();
    expect(sim.node(leader).learners).toEqual([4]);
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3], learners: [], joint: null });
  });

  it('with every server crashed, it is read from the disks', () => {
    const { sim } = settled({ seed: 5, nodes: 3 });
    expect(answered(sim, sim.addServer({ voter: false }).request).status).toBe('ok');
    settle(sim);
    for (const id of sim.nodeIds()) sim.crash(id);
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3], learners: [4], joint: null });
  });

  it('each server reports the configuration it uses, and what it is in the one in use', () => {
    const { sim } = settled({ seed: 5, nodes: 3 });
    const { id } = sim.addServer({ voter: false });
    // Booted with an empty disk it knows no configuration, and the leader has not taken it in yet.
    sim.runFor(1);
    expect(sim.node(id)).toMatchObject({
      voters: [],
      learners: [],
      joint: null,
      member: 'outside',
    });
    settle(sim);
    expect(sim.node(id)).toMatchObject({ voters: [1, 2, 3], learners: [4], member: 'learner' });
    expect(memberships(sim)).toBe('S1 voter, S2 voter, S3 voter, S4 learner');
  });
});

// ── Bad calls ─────────────────────────────────────────────────────────────────────────────

/**
 * Seed 11, five servers, then S6 added as a learner and S5 removed: voters {1,2,3,4}, learner
 * S6, S5 outside, a leader among S1–S4, and messages on the wire.
 */
function changedCluster(): Simulation {
  const sim = createSimulation({ seed: 11, nodes: 5 });
  settle(sim);
  expect(answered(sim, sim.addServer({ voter: false }).request).status).toBe('ok');
  settleMembers(sim);
  expect(answered(sim, sim.removeServer(5)).status).toBe('ok');
  settleMembers(sim);
  sim.write('x', '1');
  sim.runFor(7); // stop mid-flight
  return sim;
}

/** Everything a caller can see: the refusal helper's view, the servers and the configuration. */
function everything(sim: Simulation) {
  return { ...look(sim), nodeIds: sim.nodeIds(), configuration: sim.configuration() };
}

/** What a script does after the bad call; a twin that never got the call must end the same. */
function carryOn(sim: Simulation): string {
  sim.write('y', '2');
  sim.runFor(600);
  return `${sim.traceHash()} ${sim.eventCount()} ${sim.nodeIds().join(',')}`;
}

const twins = new Map<() => Simulation, string>();

/**
 * The bad call throws a SimError with `code`, changes nothing a caller can see (trace hash,
 * event count, servers, configuration, every node), and the run goes on exactly as a twin's.
 */
function expectRefused(
  make: () => Simulation,
  call: (sim: Simulation) => unknown,
  code: ReasonCode,
): void {
  const sim = make();
  const before = everything(sim);
  expect(refusal(() => call(sim)).reason.code).toBe(code);
  expect(everything(sim)).toEqual(before);
  if (!twins.has(make)) twins.set(make, carryOn(make()));
  expect(carryOn(sim)).toBe(twins.get(make));
}

/** Calls with arguments of the wrong type, as an untyped script would make them. */
const untyped = (sim: Simulation) =>
  sim as unknown as Record<
    'addServer' | 'removeServer' | 'changeVoters' | 'transferLeadership',
    (arg?: unknown) => unknown
  >;

type BadCall = { says: string; call: (sim: Simulation) => unknown; code: ReasonCode };

const leaderOf = (sim: Simulation): number => sim.leader()!;

const BAD_ADDS: BadCall[] = [
  {
    says: 'addServer(4): a number, not options',
    call: (s) => untyped(s).addServer(4),
    code: 'badAction',
  },
  { says: "addServer('voter')", call: (s) => untyped(s).addServer('voter'), code: 'badAction' },
  { says: 'addServer(null)', call: (s) => untyped(s).addServer(null), code: 'badAction' },
  { says: 'addServer([true])', call: (s) => untyped(s).addServer([true]), code: 'badAction' },
  {
    says: 'addServer({ voter: 1 })',
    call: (s) => untyped(s).addServer({ voter: 1 }),
    code: 'badAction',
  },
  {
    says: "addServer({ voter: 'true' })",
    call: (s) => untyped(s).addServer({ voter: 'true' }),
    code: 'badAction',
  },
  {
    says: 'addServer({ voter: null })',
    call: (s) => untyped(s).addServer({ voter: null }),
    code: 'badAction',
  },
  {
    says: 'addServer({ voter: NaN })',
    call: (s) => untyped(s).addServer({ voter: NaN }),
    code: 'badAction',
  },
  {
    says: 'addServer({ foo: true })',
    call: (s) => untyped(s).addServer({ foo: true }),
    code: 'badAction',
  },
  {
    says: 'addServer({ voter: true, id: 7 })',
    call: (s) => untyped(s).addServer({ voter: true, id: 7 }),
    code: 'badAction',
  },
  {
    says: 'addServer with an own __proto__ key',
    call: (s) => untyped(s).addServer(JSON.parse('{"__proto__":{"voter":true}}')),
    code: 'badAction',
  },
  {
    says: 'addServer({ constructor: 1 })',
    call: (s) => untyped(s).addServer({ constructor: 1 }),
    code: 'badAction',
  },
  {
    says: 'addServer with a symbol key',
    call: (s) => untyped(s).addServer({ [Symbol('voter')]: true }),
    code: 'badAction',
  },
];

const BAD_IDS: [string, unknown][] = [
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['1.5', 1.5],
  ['-1', -1],
  ['0', 0],
  ['-0', -0],
  ['7, past the six servers', 7],
  ['10', 10],
  ["'1'", '1'],
  ['null', null],
  ['undefined', undefined],
  ['true', true],
  ['[1]', [1]],
];

const BAD_REMOVES: BadCall[] = [
  ...BAD_IDS.map(([text, id]): BadCall => ({
    says: `removeServer(${text})`,
    call: (s) => untyped(s).removeServer(id),
    code: 'unknownNode',
  })),
  {
    says: 'removeServer(5), already removed',
    call: (s) => s.removeServer(5),
    code: 'notInCluster',
  },
];

const BAD_VOTER_LISTS: BadCall[] = [
  {
    says: "changeVoters('1,2,3')",
    call: (s) => untyped(s).changeVoters('1,2,3'),
    code: 'badVoters',
  },
  { says: 'changeVoters(3)', call: (s) => untyped(s).changeVoters(3), code: 'badVoters' },
  { says: 'changeVoters(null)', call: (s) => untyped(s).changeVoters(null), code: 'badVoters' },
  {
    says: 'changeVoters(undefined)',
    call: (s) => untyped(s).changeVoters(undefined),
    code: 'badVoters',
  },
  {
    says: 'changeVoters of an array-like object',
    call: (s) => untyped(s).changeVoters({ 0: 1, length: 1 }),
    code: 'badVoters',
  },
  { says: 'changeVoters([]): no voter at all', call: (s) => s.changeVoters([]), code: 'badVoters' },
  {
    says: 'changeVoters([1, <hole>, 3])',
    call: (s) => s.changeVoters(withHole([1], [3])),
    code: 'badVoters',
  },
  { says: 'changeVoters([1, 2, 2])', call: (s) => s.changeVoters([1, 2, 2]), code: 'badVoters' },
  {
    says: 'changeVoters of ten ids',
    call: (s) => s.changeVoters([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    code: 'badVoters',
  },
  {
    says: 'changeVoters([1, 2, 1.5])',
    call: (s) => s.changeVoters([1, 2, 1.5]),
    code: 'unknownNode',
  },
  { says: 'changeVoters([1, NaN])', call: (s) => s.changeVoters([1, NaN]), code: 'unknownNode' },
  {
    says: 'changeVoters([1, Infinity])',
    call: (s) => s.changeVoters([1, Infinity]),
    code: 'unknownNode',
  },
  { says: 'changeVoters([0, 1])', call: (s) => s.changeVoters([0, 1]), code: 'unknownNode' },
  { says: 'changeVoters([-1, 2])', call: (s) => s.changeVoters([-1, 2]), code: 'unknownNode' },
  {
    says: "changeVoters(['1', 2])",
    call: (s) => untyped(s).changeVoters(['1', 2]),
    code: 'unknownNode',
  },
  { says: 'changeVoters([1, 7]): no S7', call: (s) => s.changeVoters([1, 7]), code: 'unknownNode' },
  {
    says: 'changeVoters([1, 2, 5]): S5 was removed',
    call: (s) => s.changeVoters([1, 2, 5]),
    code: 'notInCluster',
  },
  {
    says: 'changeVoters([4, 3, 2, 1]): the voters already',
    call: (s) => s.changeVoters([4, 3, 2, 1]),
    code: 'sameVoters',
  },
];

const BAD_TRANSFERS: BadCall[] = [
  ...BAD_IDS.map(([text, id]): BadCall => ({
    says: `transferLeadership(${text})`,
    call: (s) => untyped(s).transferLeadership(id),
    code: 'unknownNode',
  })),
  {
    says: 'transferLeadership to the leader',
    call: (s) => s.transferLeadership(leaderOf(s)),
    code: 'alreadyLeads',
  },
  {
    says: 'transferLeadership to the learner S6',
    call: (s) => s.transferLeadership(6),
    code: 'notAVoter',
  },
  {
    says: 'transferLeadership to S5, removed',
    call: (s) => s.transferLeadership(5),
    code: 'notAVoter',
  },
  { says: 'timeout(6): a learner never stands', call: (s) => s.timeout(6), code: 'notAVoter' },
];

const BAD_ACTIONS: BadCall[] = (
  [
    ['addServer with voter 1', { do: 'addServer', voter: 1 }, 'badAction'],
    ['addServer with foo', { do: 'addServer', foo: true }, 'badAction'],
    ['addServer with a node', { do: 'addServer', node: 6 }, 'badAction'],
    ['removeServer without a node', { do: 'removeServer' }, 'badAction'],
    ['removeServer with id instead of node', { do: 'removeServer', id: 2 }, 'badAction'],
    [
      'removeServer with an extra field',
      { do: 'removeServer', node: 2, voter: false },
      'badAction',
    ],
    ["removeServer node '2'", { do: 'removeServer', node: '2' }, 'unknownNode'],
    ['removeServer node 5, already removed', { do: 'removeServer', node: 5 }, 'notInCluster'],
    ['changeVoters without voters', { do: 'changeVoters' }, 'badAction'],
    ['changeVoters with no voter', { do: 'changeVoters', voters: [] }, 'badVoters'],
    ['changeVoters with S1 twice', { do: 'changeVoters', voters: [1, 1] }, 'badVoters'],
    [
      'changeVoters with the voters already',
      { do: 'changeVoters', voters: [1, 2, 3, 4] },
      'sameVoters',
    ],
    ['transferLeadership without to', { do: 'transferLeadership' }, 'badAction'],
    [
      'transferLeadership with node instead of to',
      { do: 'transferLeadership', node: 2 },
      'badAction',
    ],
    ['transferLeadership to the learner S6', { do: 'transferLeadership', to: 6 }, 'notAVoter'],
    ['transferLeadership to 0', { do: 'transferLeadership', to: 0 }, 'unknownNode'],
  ] as const
).map(([says, action, code]) => ({
  says: `apply: ${says}`,
  call: (s: Simulation) => s.apply(action as unknown as SimAction),
  code,
}));

describe('every bad membership call throws a coded SimError and changes nothing', () => {
  it.each(
    sentences([...BAD_ADDS, ...BAD_REMOVES, ...BAD_VOTER_LISTS, ...BAD_TRANSFERS, ...BAD_ACTIONS]),
  )('%s', (_says, { call, code }) => {
    expectRefused(changedCluster, call, code);
  });

  it('apply: transferLeadership to the leader is refused like the call', () => {
    expectRefused(
      changedCluster,
      (s) => s.apply({ do: 'transferLeadership', to: leaderOf(s) }),
      'alreadyLeads',
    );
  });

  const nine = () => {
    const sim = createSimulation({ seed: 2, nodes: 9 });
    settle(sim);
    return sim;
  };
  it('a tenth server is refused with tooManyServers', () => {
    expectRefused(nine, (s) => s.addServer(), 'tooManyServers');
    expectRefused(nine, (s) => s.apply({ do: 'addServer', voter: false }), 'tooManyServers');
  });

  it('a cluster grown to nine refuses a tenth as well', () => {
    const sim = createSimulation({ seed: 2, nodes: 5 });
    settle(sim);
    for (const id of [6, 7, 8, 9]) {
      expect(answered(sim, sim.addServer({ voter: false }).request).status).toBe('ok');
      expect(sim.nodeIds()).toHaveLength(id);
    }
    const before = everything(sim);
    expect(refusal(() => sim.addServer()).reason.code).toBe('tooManyServers');
    expect(everything(sim)).toEqual(before);
  });

  const single = () => {
    const sim = createSimulation({ seed: 1, nodes: 1 });
    settle(sim);
    return sim;
  };
  it('removing the only voter is refused with lastVoter', () => {
    expectRefused(single, (s) => s.removeServer(1), 'lastVoter');
  });

  const leaderless = () => createSimulation({ seed: 11, nodes: 5 });
  it('a transfer with no leader is refused with noLeaderNow', () => {
    expectRefused(leaderless, (s) => s.transferLeadership(2), 'noLeaderNow');
  });
});

describe('the membership calls as actions given as data do what the calls do', () => {
  it.each(
    sentences([
      {
        says: "{ do: 'addServer', voter: false } is addServer({ voter: false })",
        direct: (s: Simulation) => s.addServer({ voter: false }).request,
        action: { do: 'addServer', voter: false } as SimAction,
      },
      {
        says: "{ do: 'addServer' } is addServer()",
        direct: (s: Simulation) => s.addServer().request,
        action: { do: 'addServer' } as SimAction,
      },
      {
        says: "{ do: 'removeServer', node: 2 } is removeServer(2)",
        direct: (s: Simulation) => s.removeServer(2),
        action: { do: 'removeServer', node: 2 } as SimAction,
      },
      {
        says: "{ do: 'changeVoters', voters: [1, 2, 3] } is changeVoters([1, 2, 3])",
        direct: (s: Simulation) => s.changeVoters([1, 2, 3]),
        action: { do: 'changeVoters', voters: [1, 2, 3] } as SimAction,
      },
      {
        says: "{ do: 'transferLeadership', to: 2 } is transferLeadership(2)",
        direct: (s: Simulation) => s.transferLeadership(2),
        action: { do: 'transferLeadership', to: 2 } as SimAction,
      },
    ]),
  )('%s', (_says, { direct, action }) => {
    const make = () => {
      const sim = createSimulation({ seed: 31, nodes: 5 });
      settle(sim);
      return sim;
    };
    const [a, b] = [make(), make()];
    expect(leaderOf(a)).not.toBe(2); // so the transfer is a real one
    const requestA = direct(a);
    const requestB = b.apply(action);
    expect(requestB).toBe(requestA);
    a.runFor(2000);
    b.runFor(2000);
    expect(b.request(requestB!)).toEqual(a.request(requestA));
    expect(a.request(requestA).status).toBe('ok');
    expect([b.traceHash(), b.eventCount()]).toEqual([a.traceHash(), a.eventCount()]);
    expect(b.configuration()).toEqual(a.configuration());
  });
});
