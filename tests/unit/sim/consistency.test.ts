// Scenario tests for what a Raft-backed store promises its clients (Raft thesis ch. 5–6), scripted
// through createSimulation: a follower repaired by InstallSnapshot, a restart from a snapshot,
// reads in each mode (and the stale read a deposed leader serves locally, which the
// linearizability checker names), appends retried under loss applied exactly once, and bad calls
// refused with a coded SimError that changes nothing.
import { describe, expect, it } from 'vitest';
import type { SimOptionsInput, Simulation } from '../../../src/sim';
import { SimError, createSimulation } from '../../../src/sim';
import { awaitLeader, followersOf, must, sentences, settle, story } from './harness';
import { crashedIn, expectRefused } from './api/refusal';

const noViolations = (sim: Simulation) => expect(sim.violations()).toEqual([]);

/** Runs until request `id` has its answer (or its client gave up), and returns it. */
function answerOf(sim: Simulation, id: number, maxMs = 6000) {
  must(sim, `an answer to request #${id}`, (s) => s.request(id).status !== 'pending', maxMs);
  return sim.request(id);
}

/** Writes `count` keys k0…k9 through the leader, one every 10 virtual ms. */
function writeMany(sim: Simulation, count: number): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    ids.push(sim.write(`k${i % 10}`, `v${i}`));
    sim.runFor(10);
  }
  return ids;
}

/**
 * Every live server has applied the leader's whole log, counting entries a snapshot covers
 * (harness.ts's `settle` compares log lengths, which a snapshot shortens). Returns the leader.
 */
function settleAll(sim: Simulation): number {
  must(sim, 'a settled cluster', (s) => {
    const leader = s.leader();
    if (leader === null) return false;
    const l = s.node(leader);
    const last = l.logBase + l.log.length;
    return (
      l.commitIndex === last &&
      s.nodeIds().every((id) => !s.node(id).alive || s.node(id).lastApplied === last)
    );
  });
  return sim.leader()!;
}

/** Same log after the snapshot, same state machine: `a` caught up with `b` (a snapshot may differ). */
function sameData(sim: Simulation, a: number, b: number): boolean {
  const x = sim.node(a);
  const y = sim.node(b);
  return (
    x.lastApplied === y.lastApplied &&
    x.logBase + x.log.length === y.logBase + y.log.length &&
    JSON.stringify(x.kv) === JSON.stringify(y.kv)
  );
}

describe('§5 snapshots in a running cluster', () => {
  it('a follower down during 100 writes catches up by InstallSnapshot, and holds only the entries after it', () => {
    const sim = createSimulation({ seed: 1, nodes: 3, snapshotEvery: 20 });
    const leader = settleAll(sim);
    const [down] = followersOf(sim, leader);
    sim.crash(down!);
    const writes = writeMany(sim, 100);
    must(sim, 'every write acknowledged', (s) =>
      writes.every((id) => s.request(id).status === 'ok'),
    );
    const base = sim.node(leader).snapshot!.lastIncludedIndex;
    expect(base).toBeGreaterThan(80); // the leader no longer holds what S(down) lacks
    const from = sim.traceLines().length;
    sim.restart(down!);
    must(sim, `S${down} caught up`, (s) => sameData(s, down!, leader));
    // What moved its log forward first was the leader's snapshot, not entries it no longer had.
    const repair = story(
      sim,
      new RegExp(`S${down} ← S${leader} (AppendEntries|InstallSnapshot)\\(.*→ .*\\blog \\d+`),
      from,
    );
    expect(repair[0]).toMatch(
      new RegExp(
        `InstallSnapshot\\(term \\d+, up to ${base}@\\d+\\) → .*\\blog ${base}, commit ${base}$`,
      ),
    );
    const caughtUp = sim.node(down!);
    expect(caughtUp.snapshot!.lastIncludedIndex).toBeGreaterThanOrEqual(base);
    expect(caughtUp.log[0]?.index ?? caughtUp.logBase + 1).toBe(caughtUp.logBase + 1);
    noViolations(sim);
  });

  it('sim.compact makes a server snapshot exactly what it has applied, and indexes keep counting', () => {
    const sim = createSimulation({ seed: 2, nodes: 3 });
    const leader = settle(sim);
    writeMany(sim, 12);
    const follower = followersOf(sim, leader)[0]!;
    settle(sim);
    const before = sim.node(follower);
    sim.compact(follower);
    sim.runFor(1);
    const after = sim.node(follower);
    const last = before.log.find((e) => e.index === before.lastApplied)!;
    expect(after.snapshot).toEqual({ lastIncludedIndex: last.index, lastIncludedTerm: last.term });
    expect([after.logBase, after.log]).toEqual([
      before.lastApplied,
      before.log.filter((e) => e.index > before.lastApplied),
    ]);
    const next = sim.write('later', 'yes');
    expect(answerOf(sim, next).index).toBe(before.log.length + 1);
    noViolations(sim);
  });

  it('a server restarted from its snapshot starts with lastApplied = commitIndex = the snapshot index and the snapshot’s keys', () => {
    // Every key is written before the snapshot and never again, so only the snapshot holds them.
    const sim = createSimulation({ seed: 3, nodes: 3, snapshotEvery: 10 });
    const leader = settleAll(sim);
    const writes = Array.from({ length: 10 }, (_, i) => sim.write(`only${i + 1}`, `v${i + 1}`));
    must(sim, 'every write acknowledged', (s) =>
      writes.every((id) => s.request(id).status === 'ok'),
    );
    settleAll(sim);
    const follower = followersOf(sim, leader)[0]!;
    const snapshot = sim.node(follower).snapshot!;
    expect(snapshot.lastIncludedIndex).toBeGreaterThanOrEqual(10);
    const keys = sim.node(follower).kv;
    sim.crash(follower);
    sim.restart(follower);
    const restarted = sim.node(follower);
    // It says it loads its snapshot, and the state machine it starts with is the snapshot's.
    expect(story(sim, /restarted/).at(-1)).toMatch(
      new RegExp(
        `S${follower} restarted with term \\d+, log ${restarted.logBase + restarted.log.length} from its snapshot up to ${snapshot.lastIncludedIndex}$`,
      ),
    );
    expect([restarted.lastApplied, restarted.commitIndex, restarted.kv]).toEqual([
      snapshot.lastIncludedIndex,
      snapshot.lastIncludedIndex,
      keys,
    ]);
    must(sim, 'the restarted server caught up', (s) => sameData(s, follower, leader));
    noViolations(sim);
  });
});

describe('§5 snapshots and membership changes (thesis §4.3)', () => {
  it('a joint change compacted the moment it commits still completes: the client hears back, and no checker sees two configurations', () => {
    // snapshotEvery 1: every server compacts each entry as it applies it, the joint one too.
    const sim = createSimulation({ seed: 1, nodes: 5, snapshotEvery: 1 });
    settleAll(sim);
    expect(answerOf(sim, sim.write('x', '1')).status).toBe('ok');
    const change = sim.changeVoters([1, 2, 3]);
    expect(answerOf(sim, change).status).toBe('ok');
    expect(sim.configuration()).toEqual({ voters: [1, 2, 3], learners: [], joint: null });
    noViolations(sim);
  });
});

describe('§6.4 reads in a running cluster', () => {
  it.each(
    sentences([
      {
        says: 'readIndex through the leader',
        via: 'leader' as const,
        mode: 'readIndex' as const,
        options: {},
      },
      {
        says: 'readIndex through a follower, which asks the leader for the read index',
        via: 'follower' as const,
        mode: 'readIndex' as const,
        options: {},
      },
      {
        says: 'lease through the leader, with CheckQuorum',
        via: 'leader' as const,
        mode: 'lease' as const,
        options: { checkQuorum: true },
      },
      {
        says: 'lease through a follower, which passes it to the leader',
        via: 'follower' as const,
        mode: 'lease' as const,
        options: { checkQuorum: true },
      },
    ]),
  )('a read sees the latest acknowledged write: %s', (_says, row) => {
    const sim = createSimulation({ seed: 4, nodes: 5, ...(row.options as SimOptionsInput) });
    const leader = settle(sim);
    expect(answerOf(sim, sim.write('x', '1')).status).toBe('ok');
    const via = row.via === 'leader' ? leader : followersOf(sim, leader)[0]!;
    const from = sim.traceLines().length;
    const read = sim.read('x', { via, mode: row.mode });
    expect(answerOf(sim, read)).toMatchObject({ status: 'ok', value: '1' });
    const asked = story(sim, new RegExp(`S${leader} ← S${via} ReadIndex`), from);
    expect(asked.length > 0).toBe(row.via === 'follower' && row.mode === 'readIndex');
    const view = sim.requestViews(1)[0]!;
    expect(view.read).toMatchObject({ mode: row.mode, value: '1' });
    noViolations(sim);
  });

  it('a read of a key nobody wrote answers null', () => {
    const sim = createSimulation({ seed: 4, nodes: 3 });
    settle(sim);
    expect(answerOf(sim, sim.read('nothing'))).toMatchObject({ status: 'ok', value: null });
  });
});

describe('§6.4 a deposed leader', () => {
  /**
   * Seed 1, five servers, CheckQuorum: the leader and one follower are cut off from the other
   * three, which elect a leader of their own while the old one still believes it leads (it
   * steps down at its next quorum check). The new leader then acknowledges x=new.
   */
  function deposed() {
    const sim = createSimulation({ seed: 1, nodes: 5, checkQuorum: true });
    const old = awaitLeader(sim);
    const before = sim.write('x', 'old');
    expect(answerOf(sim, before).status).toBe('ok');
    sim.runFor(100);
    const [buddy, ...majority] = followersOf(sim, old);
    sim.partition([[old, buddy!], majority]);
    const newLeader = () => majority.find((id) => sim.node(id).role === 'leader');
    must(
      sim,
      'a second leader while the old one still leads',
      (s) => s.node(old).role === 'leader' && newLeader() !== undefined,
    );
    const leader = newLeader()!;
    return { sim, old, leader };
  }

  it.each(
    sentences([
      { says: 'readIndex: no majority confirms it', mode: 'readIndex' as const },
      {
        says: 'lease: its lease ran out before the others could elect anyone',
        mode: 'lease' as const,
      },
    ]),
  )('it refuses a safe read rather than answer from its stale state machine: %s', (_says, row) => {
    const { sim, old, leader } = deposed();
    const write = sim.write('x', 'new', leader);
    const read = sim.read('x', { via: old, mode: row.mode });
    must(sim, `S${old} holding the read as leader`, (s) =>
      s.node(old).reads.some((r) => r.requestId === read),
    );
    expect(answerOf(sim, write).status).toBe('ok');
    const answer = answerOf(sim, read);
    expect(answer.status).toBe('failed');
    expect(['leadershipUnconfirmed', 'leaseExpired', 'leadershipLost']).toContain(
      answer.failure?.code,
    );
    noViolations(sim);
  });

  it('a local read from it is stale, and the linearizability checker names the read, the write it missed and the times', () => {
    const { sim, old, leader } = deposed();
    const write = sim.write('x', 'new', leader);
    expect(answerOf(sim, write).status).toBe('ok');
    const ackedAt = sim.now;
    const read = sim.read('x', { via: old, mode: 'local' });
    const invokedAt = sim.now;
    expect(answerOf(sim, read)).toMatchObject({ status: 'ok', value: 'old' });
    const answeredAt = sim.now;
    expect(sim.violations().map((v) => [v.rule, v.ruleId, v.at, v.finding])).toEqual([
      [
        'Linearizability',
        'linearizability',
        answeredAt,
        {
          code: 'staleRead',
          request: read,
          key: 'x',
          value: '"old"',
          expected: '"new"',
          missed: write,
          missedAt: ackedAt,
          invokedAt,
          answeredAt,
        },
      ],
    ]);
    expect(sim.violations()[0]!.detail).toBe(
      `read #${read} of x (sent t=${invokedAt}ms, answered t=${answeredAt}ms) returned "old", missing write #${write} acknowledged at t=${ackedAt}ms`,
    );
  });
});

describe('§6.3 retried appends under 30% loss', () => {
  it('each append is applied exactly once: the final string holds every acknowledged value once and no value twice', () => {
    const sim = createSimulation({ seed: 5, nodes: 5, clientRetryMs: 100, dropRate: 0.3 });
    awaitLeader(sim);
    const appends: number[] = [];
    for (let i = 1; i <= 30; i++) {
      appends.push(sim.append('log', `${i};`));
      sim.runFor(40);
    }
    must(
      sim,
      'every append settled',
      (s) => appends.every((id) => s.request(id).status !== 'pending'),
      10_000,
    );
    sim.setDropRate(0);
    const leader = settle(sim);
    const parts = (sim.node(leader).kv.log ?? '').split(';').filter((p) => p !== '');
    const acked = appends.filter((id) => sim.request(id).status === 'ok');
    expect(acked.length).toBeGreaterThan(appends.length / 2);
    expect(new Set(parts).size).toBe(parts.length); // no value twice
    for (const id of acked) expect(parts).toContain(String(appends.indexOf(id) + 1));
    // The mechanism was exercised: clients retried, and the session filtered copies.
    const requests = sim.clientRequests();
    expect(requests.filter((r) => r.retries.length > 0).length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.duplicateAt.length > 0).length).toBeGreaterThan(0);
    // Every server agrees on the string.
    for (const id of sim.nodeIds()) expect(sim.node(id).kv.log).toBe(sim.node(leader).kv.log);
    noViolations(sim);
  });
});

describe('bad calls throw a SimError and change nothing', () => {
  it.each(
    sentences([
      {
        says: "a read with mode 'strong'",
        run: (s: Simulation) => s.read('x', { mode: 'strong' as never }),
        code: 'badReadMode' as const,
      },
      {
        says: 'a read with mode null',
        run: (s: Simulation) => s.read('x', { mode: null as never }),
        code: 'badReadMode' as const,
      },
      {
        says: 'a read with an unknown option',
        run: (s: Simulation) => s.read('x', { via: 1, fresh: true } as never),
        code: 'badAction' as const,
      },
      {
        says: 'a read whose mode comes from a prototype',
        run: (s: Simulation) => s.read('x', Object.create({ mode: 'local' }) as never),
        code: 'badAction' as const,
      },
      {
        says: 'a read with options that are a list',
        run: (s: Simulation) => s.read('x', [1] as never),
        code: 'badAction' as const,
      },
      {
        says: 'a read via 0',
        run: (s: Simulation) => s.read('x', { via: 0 }),
        code: 'unknownNode' as const,
      },
      {
        says: 'a read via NaN',
        run: (s: Simulation) => s.read('x', { via: NaN }),
        code: 'unknownNode' as const,
      },
      {
        says: 'a read via 1.5',
        run: (s: Simulation) => s.read('x', { via: 1.5 }),
        code: 'unknownNode' as const,
      },
      {
        says: "a read via '1'",
        run: (s: Simulation) => s.read('x', { via: '1' as never }),
        code: 'unknownNode' as const,
      },
      {
        says: 'a read via 99',
        run: (s: Simulation) => s.read('x', { via: 99 }),
        code: 'unknownNode' as const,
      },
      {
        says: 'a read of an empty key',
        run: (s: Simulation) => s.read(''),
        code: 'badText' as const,
      },
      {
        says: 'an append of an empty value',
        run: (s: Simulation) => s.append('x', ''),
        code: 'badText' as const,
      },
      {
        says: 'an append of a 65-character value',
        run: (s: Simulation) => s.append('x', 'a'.repeat(65)),
        code: 'badText' as const,
      },
      {
        says: 'an append of a number',
        run: (s: Simulation) => s.append('x', 5 as never),
        code: 'badText' as const,
      },
      {
        says: 'an append to an empty key',
        run: (s: Simulation) => s.append('', 'a'),
        code: 'badText' as const,
      },
      {
        says: 'an append via 1.5',
        run: (s: Simulation) => s.append('x', 'a', 1.5),
        code: 'unknownNode' as const,
      },
      {
        says: 'a compact of a crashed server',
        run: (s: Simulation) => s.compact(crashedIn(s)),
        code: 'nodeCrashed' as const,
      },
      {
        says: "compact('1')",
        run: (s: Simulation) => s.compact('1' as never),
        code: 'unknownNode' as const,
      },
      { says: 'compact(0)', run: (s: Simulation) => s.compact(0), code: 'unknownNode' as const },
      {
        says: "a read action with mode 'fast'",
        run: (s: Simulation) => s.apply({ do: 'read', key: 'x', mode: 'fast' as never }),
        code: 'badReadMode' as const,
      },
      {
        says: 'a compact action for S9',
        run: (s: Simulation) => s.apply({ do: 'compact', node: 9 }),
        code: 'unknownNode' as const,
      },
      {
        says: 'an append action without a value',
        run: (s: Simulation) => s.apply({ do: 'append', key: 'x' } as never),
        code: 'badAction' as const,
      },
    ]),
  )('%s', (_says, row) => {
    // expectRefused compares the trace digest, the event count, every node and the network
    // before and after, and replays a twin that never got the call to the same digest.
    const error = expectRefused(row.run, row.code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it.each(
    sentences([
      { says: 'snapshotEvery −1', options: { snapshotEvery: -1 }, option: 'snapshotEvery' },
      { says: 'snapshotEvery 1.5', options: { snapshotEvery: 1.5 }, option: 'snapshotEvery' },
      { says: 'snapshotEvery NaN', options: { snapshotEvery: NaN }, option: 'snapshotEvery' },
      { says: "snapshotEvery '5'", options: { snapshotEvery: '5' }, option: 'snapshotEvery' },
      {
        says: 'clientRetryMs Infinity',
        options: { clientRetryMs: Infinity },
        option: 'clientRetryMs',
      },
      { says: 'clientRetryMs −10', options: { clientRetryMs: -10 }, option: 'clientRetryMs' },
    ]),
  )('createSimulation refuses %s, naming the option', (_says, row) => {
    let thrown: unknown = null;
    try {
      createSimulation(row.options as SimOptionsInput);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SimError);
    expect((thrown as SimError).reason).toMatchObject({ code: 'badOptions', option: row.option });
    expect((thrown as SimError).message).toContain(row.option);
  });
});
