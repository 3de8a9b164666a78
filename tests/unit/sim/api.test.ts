// The scripting API's contract: bad arguments throw an Error that says what was wrong and leave
// the simulation exactly as it was; the same seed and actions replay the same run.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';
import type { Simulation } from '../../../src/sim';
import { observe, sentences, settle } from './harness';

/** A 5-node cluster with a leader, one crashed follower, a write in flight and a cut link. */
function busyCluster(): Simulation {
  const sim = createSimulation({ seed: 11, nodes: 5 });
  const leader = settle(sim);
  const follower = sim.nodeIds().find((id) => id !== leader)!;
  sim.crash(follower);
  sim.cut(
    leader,
    sim.nodeIds().find((id) => id !== leader && id !== follower)!,
  );
  sim.write('x', '1');
  sim.runFor(7); // stop mid-flight: messages are on the wire
  return sim;
}

/** What the script does after the bad call; a twin does the same without the bad call. */
function carryOn(sim: Simulation): string {
  sim.write('y', '2');
  sim.runFor(400); // anything the bad call changed (network, drop rate, a node) shows here
  sim.heal();
  sim.runFor(600);
  return sim.traceHash();
}

describe('bad arguments throw a clear Error and change nothing', () => {
  it.each(
    sentences([
      {
        says: 'crash(6) on a 5-node cluster',
        run: (s: Simulation) => s.crash(6),
        error: /unknown node 6: this cluster has S1…S5/,
      },
      { says: 'restart(0)', run: (s: Simulation) => s.restart(0), error: /unknown node 0/ },
      { says: 'timeout(2.5)', run: (s: Simulation) => s.timeout(2.5), error: /unknown node 2\.5/ },
      { says: 'node(99)', run: (s: Simulation) => s.node(99), error: /unknown node 99/ },
      {
        says: 'write through S7',
        run: (s: Simulation) => s.write('k', 'v', 7),
        error: /unknown node 7/,
      },
      { says: 'cut(1, 10)', run: (s: Simulation) => s.cut(1, 10), error: /unknown node 10/ },
      {
        says: 'cut(3, 3)',
        run: (s: Simulation) => s.cut(3, 3),
        error: /two different nodes, not S3 twice/,
      },
      {
        says: 'setDropRate(1.5)',
        run: (s: Simulation) => s.setDropRate(1.5),
        error: /dropRate must be a number from 0 to 1, not 1\.5/,
      },
      {
        says: 'setDropRate(-0.1)',
        run: (s: Simulation) => s.setDropRate(-0.1),
        error: /dropRate must be a number from 0 to 1, not -0\.1/,
      },
      {
        says: 'a node in two partition groups',
        run: (s: Simulation) =>
          s.partition([
            [1, 2],
            [2, 3, 4, 5],
          ]),
        error: /S2 is in two partition groups/,
      },
      {
        says: 'a partition that leaves a node out',
        run: (s: Simulation) =>
          s.partition([
            [1, 2],
            [3, 4],
          ]),
        error: /every node must be in one group; missing S5/,
      },
      {
        says: 'a partition naming an unknown node',
        run: (s: Simulation) =>
          s.partition([
            [1, 2, 3],
            [4, 5, 6],
          ]),
        error: /unknown node 6/,
      },
      {
        says: 'an empty partition group',
        run: (s: Simulation) => s.partition([[1, 2, 3, 4, 5], []]),
        error: /non-empty groups/,
      },
      {
        says: 'restarting a running node',
        run: (s: Simulation) => s.restart(s.leader()!),
        error: /is running; crash it before restarting it/,
      },
      {
        says: 'a write with an empty key',
        run: (s: Simulation) => s.write('', 'v'),
        error: /key must be text of 1 to 64 characters/,
      },
      {
        says: 'runFor(-5)',
        run: (s: Simulation) => s.runFor(-5),
        error: /a duration must be a whole number of milliseconds ≥ 0, not -5/,
      },
      {
        says: 'setDisk on a running node',
        run: (s: Simulation) => s.setDisk(s.leader()!, { currentTerm: 9, votedFor: null, log: [] }),
        error: /is running; crash it before replacing its disk/,
      },
      {
        says: 'request(999)',
        run: (s: Simulation) => s.request(999),
        error: /unknown request 999/,
      },
    ]),
  )('%s', (_says, { run, error }) => {
    const sim = busyCluster();
    const before = observe(sim);
    expect(before.inFlight).toBeGreaterThan(0);
    expect(() => run(sim)).toThrow(error);
    expect(observe(sim)).toEqual(before);
    expect(carryOn(sim)).toBe(carryOn(busyCluster())); // and the run goes on as if never called
  });

  it('setDisk validates the whole disk before writing any of it', () => {
    const sim = busyCluster();
    const crashed = sim.nodeIds().find((id) => !sim.node(id).alive)!;
    const before = observe(sim);
    const noop = { kind: 'noop' } as const;
    expect(() =>
      sim.setDisk(crashed, {
        currentTerm: 3,
        votedFor: null,
        log: [
          { term: 2, command: noop },
          { term: 1, command: noop },
        ],
      }),
    ).toThrow(/entry 2 has term 1, below the term before it/);
    expect(() =>
      sim.setDisk(crashed, { currentTerm: 1, votedFor: null, log: [{ term: 2, command: noop }] }),
    ).toThrow(/term of entry 1 must be a whole number from 1 to 1, not 2/);
    expect(() => sim.setDisk(crashed, { currentTerm: 1, votedFor: 8, log: [] })).toThrow(
      /votedFor must be null or one of S1…S5, not 8/,
    );
    expect(observe(sim)).toEqual(before);
  });
});

describe('bad options throw a clear Error', () => {
  it.each(
    sentences([
      {
        says: 'a cluster of 0 nodes',
        options: { nodes: 0 },
        error: /nodes must be a whole number from 1 to 9, not 0/,
      },
      {
        says: 'a cluster of 10 nodes',
        options: { nodes: 10 },
        error: /nodes must be a whole number from 1 to 9, not 10/,
      },
      {
        says: 'a drop rate of 1.5',
        options: { dropRate: 1.5 },
        error: /dropRate must be a number from 0 to 1, not 1\.5/,
      },
      {
        says: 'an election timeout whose min is above its max',
        options: { electionTimeoutMs: [300, 150] as const },
        error: /electionTimeoutMs: min \(300\) is above max \(150\)/,
      },
      {
        says: 'a latency whose min is above its max',
        options: { latencyMs: [20, 10] as const },
        error: /latencyMs: min \(20\) is above max \(10\)/,
      },
      { says: 'an unknown option', options: { colour: 'blue' }, error: /unknown option "colour"/ },
      {
        says: 'an unknown rule',
        options: { rules: { noSplitBrain: false } },
        error: /unknown rule "noSplitBrain"/,
      },
      {
        says: 'a heartbeat no shorter than the election timeout',
        options: { heartbeatMs: 150 },
        error: /heartbeatMs \(150\) must be less than the minimum election timeout \(150\)/,
      },
      {
        says: 'a seed that is not a whole number',
        options: { seed: 1.5 },
        error: /seed must be a whole number/,
      },
    ]),
  )('%s', (_says, { options, error }) => {
    expect(() => createSimulation(options as never)).toThrow(error);
  });

  it('every option is optional, and the defaults are the documented ones', () => {
    const sim = createSimulation();
    expect(sim.nodeIds()).toEqual([1, 2, 3, 4, 5]);
    expect(sim.options).toMatchObject({
      nodes: 5,
      seed: 1,
      electionTimeoutMs: [150, 300],
      heartbeatMs: 50,
      latencyMs: [10, 20],
      dropRate: 0,
      preVote: false,
      checkQuorum: false,
      clientTimeoutMs: 5000,
    });
    expect(sim.options.rules).toEqual({
      electionRestriction: true,
      currentTermCommit: true,
      truncateOnlyOnConflict: true,
      oneVotePerTerm: true,
      oneChangeAtATime: true,
    });
  });
});

describe('determinism', () => {
  /** One fixed script with every kind of action. */
  function script(seed: number, nodes = 5): Simulation {
    const sim = createSimulation({ seed, nodes });
    sim.runFor(400);
    sim.write('a', '1');
    sim.timeout(2);
    sim.runFor(300);
    sim.partition([[1, 2], [3, 4, 5].filter((id) => id <= nodes)]);
    sim.write('b', '2', 3);
    sim.setDropRate(0.2);
    sim.runFor(700);
    sim.crash(1);
    sim.heal();
    sim.setDropRate(0);
    sim.runFor(500);
    sim.restart(1);
    sim.write('c', '3');
    sim.runFor(1000);
    return sim;
  }

  it('the same seed and the same actions give the same trace and hash', () => {
    const a = script(42);
    const b = script(42);
    expect(a.traceHash()).toBe(b.traceHash());
    expect(a.traceLines()).toEqual(b.traceLines());
    expect(a.eventCount()).toBeGreaterThan(100);
  });

  it('different seeds give different runs', () => {
    const hashes = Array.from({ length: 20 }, (_, i) => script(i + 1).traceHash());
    expect(new Set(hashes).size).toBe(20);
  });

  it('the same seed with one action more gives a different run', () => {
    const a = script(42);
    const b = script(42);
    b.timeout(3);
    a.runFor(500);
    b.runFor(500);
    expect(a.traceHash()).not.toBe(b.traceHash());
  });

  it('running in many small steps or one long one makes no difference', () => {
    const whole = createSimulation({ seed: 5 });
    whole.runFor(3000);
    const pieces = createSimulation({ seed: 5 });
    for (let t = 0; t < 3000; t += 7) pieces.runFor(Math.min(7, 3000 - t));
    expect(pieces.traceHash()).toBe(whole.traceHash());
    expect(pieces.now).toBe(3000);
  });

  it('keeping the trace or not does not change the run', () => {
    const kept = createSimulation({ seed: 5, keepTrace: true });
    const dropped = createSimulation({ seed: 5, keepTrace: false });
    for (const sim of [kept, dropped]) {
      sim.runFor(500);
      sim.write('x', '1');
      sim.runFor(500);
    }
    expect(dropped.traceHash()).toBe(kept.traceHash());
    expect(dropped.traceLines()).toEqual([]);
  });
});
