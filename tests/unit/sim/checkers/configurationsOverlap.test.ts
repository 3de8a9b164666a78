// Configurations Overlap (thesis §4.1, §4.3): the checker names two disjoint majorities when a
// leader counts a configuration that need not meet the committed one. It must fire once the rule
// oneChangeAtATime is switched off and two removals overlap, and never with every rule on.
import { describe, expect, it } from 'vitest';
import type { ConfigState, NodeId } from '../../../../src/raft';
import { deriveSeed, majority, randomIntBetween } from '../../../../src/raft';
import { createSimulation, isSimError } from '../../../../src/sim';
import type { Simulation } from '../../../../src/sim';
import { disjointMajorities } from '../../../../src/sim/checkers/configurationsOverlap';
import { sentences, settle } from '../harness';

// ── disjointMajorities ────────────────────────────────────────────────────────────────────

/** "1,2,3" → voters {1,2,3}; "1,2,3→3,4,5" → the joint configuration from {1,2,3} to {3,4,5}. */
function config(text: string): ConfigState {
  const list = (ids: string): NodeId[] => ids.split(',').map((id) => Number(id) as NodeId);
  const [old, voters] = text.includes('→') ? text.split('→') : [null, text];
  return { voters: list(voters!), learners: [], old: old === null ? null : list(old), joining: [] };
}

/** Whether `group` holds a majority of `c` (of each half when joint). */
function isMajorityOf(c: ConfigState, group: readonly number[]): boolean {
  const holds = (voters: readonly number[]) =>
    voters.filter((id) => group.includes(id)).length >= majority(voters.length);
  return holds(c.voters) && (c.old === null || holds(c.old));
}

describe('disjointMajorities(a, b): two majorities that do not meet, or null', () => {
  it.each(
    sentences([
      { says: '{1,2,3} and itself always meet', a: '1,2,3', b: '1,2,3', meet: true },
      { says: 'adding one server to three: they meet', a: '1,2,3', b: '1,2,3,4', meet: true },
      { says: 'removing one server from four: they meet', a: '1,2,3,4', b: '1,2,3', meet: true },
      {
        says: 'removing one server from five: they meet',
        a: '1,2,3,4,5',
        b: '1,2,3,4',
        meet: true,
      },
      { says: '{1,2} and {2,3} meet at S2 (each needs both)', a: '1,2', b: '2,3', meet: true },
      {
        says: 'adding two servers to four: they still meet (3 + 4 > 6)',
        a: '1,2,3,4',
        b: '1,2,3,4,5,6',
        meet: true,
      },
      {
        says: 'removing two servers from five: {1,2} and {3,4,5} do not meet',
        a: '1,2,3',
        b: '1,2,3,4,5',
        meet: false,
      },
      {
        says: 'adding two servers to three: they need not meet',
        a: '1,2,3,4,5',
        b: '1,2,3',
        meet: false,
      },
      { says: 'swapping every voter at once: nothing shared', a: '1,2,3', b: '4,5,6', meet: false },
      {
        says: 'swapping two of three at once: {4,5} and {1,2} do not meet',
        a: '3,4,5',
        b: '1,2,3',
        meet: false,
      },
      {
        says: 'a joint configuration meets its C_old',
        a: '1,2,3→3,4,5',
        b: '1,2,3',
        meet: true,
      },
      {
        says: 'a joint configuration meets its C_new',
        a: '1,2,3→3,4,5',
        b: '3,4,5',
        meet: true,
      },
      {
        says: 'a joint configuration need not meet a third one: {1,2,3,4} and {5,6}',
        a: '1,2,3→3,4,5',
        b: '4,5,6',
        meet: false,
      },
      {
        says: 'two joint configurations sharing C_old meet',
        a: '1,2,3→3,4,5',
        b: '1,2,3→1,4,5',
        meet: true,
      },
    ]),
  )('%s', (_says, { a, b, meet }) => {
    const split = disjointMajorities(config(a), config(b));
    if (meet) {
      expect(split).toBeNull();
      return;
    }
    // What it names must be what it says: a majority of each, with no server in both.
    expect(split).not.toBeNull();
    const [first, second] = split!;
    expect(isMajorityOf(config(a), first)).toBe(true);
    expect(isMajorityOf(config(b), second)).toBe(true);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
  });

  it('names the groups in ascending order: five voters down to three gives {1,2} and {3,4,5}', () => {
    expect(disjointMajorities(config('1,2,3'), config('1,2,3,4,5'))).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });
});

// ── The checker in a running cluster ──────────────────────────────────────────────────────

/** Five servers (seed 4), settled; then two followers are removed without waiting in between. */
function removeTwoQuickly(rules: { oneChangeAtATime?: boolean }): {
  sim: Simulation;
  requests: number[];
} {
  const sim = createSimulation({ seed: 4, nodes: 5, rules });
  const leader = settle(sim);
  const [a, b] = sim.nodeIds().filter((id) => id !== leader && id > 3);
  const requests = [sim.removeServer(a!), sim.removeServer(b!)];
  sim.runFor(2000);
  return { sim, requests };
}

describe('Configurations Overlap in a running cluster', () => {
  it('with oneChangeAtATime off, two quick removals from five voters are caught, naming disjoint majorities', () => {
    const { sim, requests } = removeTwoQuickly({ oneChangeAtATime: false });
    expect(requests.map((id) => sim.request(id).status)).toEqual(['ok', 'ok']);
    expect(sim.violations().map((v) => [v.ruleId, v.finding, v.event])).toEqual([
      [
        'configurationsOverlap',
        {
          code: 'disjointMajorities',
          node: 2,
          term: 1,
          uses: '1,2,3',
          committed: '1,2,3,4,5',
          first: '1,2',
          second: '3,4,5',
        },
        't=320ms S2 ← client request #2 remove S5 → log 3',
      ],
    ]);
  });

  it('with the rule on, the second removal is refused until the first commits, and nothing is found', () => {
    const { sim, requests } = removeTwoQuickly({});
    expect(requests.map((id) => sim.request(id).failure?.code ?? sim.request(id).status)).toEqual([
      'ok',
      'changeInProgress',
    ]);
    expect(sim.violations()).toEqual([]);
  });
});

// ── Seeded membership scripts ─────────────────────────────────────────────────────────────

// Bounded by count: about 5 s unloaded, so the test below is given 30 s for a busy machine.
const SWEEP_SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

/**
 * A seeded script of 50 steps: writes, servers added (as voters or learners) and removed, voter
 * changes, transfers, crashes, restarts and forced timeouts, each followed by 10–209 ms of run;
 * then every server restarts and the cluster runs 4 s more. A call the cluster refuses is part
 * of the script. Returns the simulation and the script as text, to replay a failure by hand.
 */
function membershipScript(seed: number, rules: { oneChangeAtATime?: boolean } = {}) {
  let rng = deriveSeed(seed, 99);
  const pick = (n: number): number => {
    const [value, next] = randomIntBetween(rng, 0, n - 1);
    rng = next;
    return value;
  };
  const sim = createSimulation({
    seed,
    nodes: 3 + (seed % 3),
    preVote: seed % 2 === 0,
    checkQuorum: seed % 3 === 0,
    rules,
  });
  const script: string[] = [];
  const act = (call: string, run: () => unknown) => {
    try {
      run();
      script.push(`t=${sim.now} ${call}`);
    } catch (e) {
      if (!isSimError(e)) throw e;
      script.push(`t=${sim.now} ${call} refused: ${e.reason.code}`);
    }
  };
  for (let step = 0; step < 50; step++) {
    takeStep(sim, step, pick, act);
    sim.runFor(10 + pick(200));
  }
  for (const id of sim.nodeIds()) if (!sim.node(id).alive) sim.restart(id);
  sim.runFor(4000);
  return { sim, script };
}

/** One step of a membership script, chosen with `pick`. */
function takeStep(
  sim: Simulation,
  step: number,
  pick: (n: number) => number,
  act: (call: string, run: () => unknown) => void,
): void {
  const c = sim.configuration();
  const voters = [...new Set([...c.voters, ...(c.joint?.old ?? [])])];
  const members = [...new Set([...voters, ...c.learners])].sort((x, y) => x - y);
  const ids = sim.nodeIds();
  const alive = ids.filter((id) => sim.node(id).alive);
  const crashed = ids.filter((id) => !sim.node(id).alive);
  const roll = pick(100);
  if (roll < 30) act('write', () => sim.write(`k${step}`, `${step}`));
  else if (roll < 42) {
    const voter = pick(2) === 0;
    act(`addServer({ voter: ${voter} })`, () => sim.addServer({ voter }));
  } else if (roll < 54) {
    const id = members[pick(members.length)]!;
    act(`removeServer(${id})`, () => sim.removeServer(id));
  } else if (roll < 62) {
    const chosen = members.filter(() => pick(2) === 0);
    act(`changeVoters([${chosen.join(', ')}])`, () => sim.changeVoters(chosen));
  } else if (roll < 70) {
    const id = voters[pick(voters.length)]!;
    act(`transferLeadership(${id})`, () => sim.transferLeadership(id));
  } else if (roll < 80) {
    if (alive.length > 1) {
      const id = alive[pick(alive.length)]!;
      act(`crash(${id})`, () => sim.crash(id));
    }
  } else if (roll < 92) {
    if (crashed.length > 0) {
      const id = crashed[pick(crashed.length)]!;
      act(`restart(${id})`, () => sim.restart(id));
    }
  } else {
    const id = ids[pick(ids.length)]!;
    act(`timeout(${id})`, () => sim.timeout(id));
  }
}

describe('Configurations Overlap over seeded membership scripts', () => {
  it(`with every rule on, ${SWEEP_SEEDS.length} scripts break no rule at all`, () => {
    for (const seed of SWEEP_SEEDS) {
      const { sim, script } = membershipScript(seed);
      const found = sim.violations().map((v) => `${v.rule}: ${v.detail}`);
      expect(found, `seed ${seed}, script:\n${script.join('\n')}`).toEqual([]);
    }
  }, 30_000);

  it('with oneChangeAtATime off, the same scripts overlap two configurations on some seed', () => {
    const firing = SWEEP_SEEDS.filter((seed) =>
      membershipScript(seed, { oneChangeAtATime: false })
        .sim.violations()
        .some((v) => v.ruleId === 'configurationsOverlap'),
    );
    expect(firing.length).toBeGreaterThan(0);
  }, 30_000);
});
