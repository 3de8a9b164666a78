// The paper's Figures 7 and 8 staged in the simulator: a new leader repairs every kind of
// follower log, and an entry of an earlier term is never committed by counting its replicas.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../../src/raft';
import { createSimulation } from '../../../src/sim';
import type { Simulation } from '../../../src/sim';
import { runFigure8 } from './figure8';
import { converged, must, terms } from './harness';

/** Figure 7: the leader of term 8 at the top, and the followers (a)–(f) it may meet. */
const FIGURE_7 = [
  { name: 'leader', log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6] },
  { name: '(a)', log: [1, 1, 1, 4, 4, 5, 5, 6, 6] }, // missing entries
  { name: '(b)', log: [1, 1, 1, 4] }, // missing entries
  { name: '(c)', log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6] }, // an extra uncommitted entry
  { name: '(d)', log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7] }, // extra entries of a later term
  { name: '(e)', log: [1, 1, 1, 4, 4, 4, 4] }, // missing and extra entries
  { name: '(f)', log: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3] }, // a leader of terms 2 and 3 that never committed
];

/** The command at (index, term) depends only on both, as Log Matching requires of any real run. */
const commandAt = (index: number, term: number): Command => ({
  kind: 'set',
  key: `i${index}`,
  value: `t${term}`,
});

/** The AppendEntries replies S1 got from `id`, up to and including the first success. */
function repliesToLeader(sim: Simulation, id: number): string[] {
  const replies: string[] = [];
  for (const e of sim.trace()) {
    if (e.kind !== 'step' || e.node !== 1 || e.message?.kind !== 'AppendEntriesReply') continue;
    if (e.message.from !== id) continue;
    const m = e.message;
    replies.push(
      m.success ? `ok ${m.index}` : `rejected, hint ${m.conflictIndex}@${m.conflictTerm}`,
    );
    if (m.success) break;
  }
  return replies;
}

describe('Figure 7: a new leader brings every follower log in line with its own', () => {
  let sim: Simulation;
  beforeAll(() => {
    // Heartbeats every 120 ms leave the first repair round trips undisturbed, so the trace
    // reads like the paper's walk-through.
    sim = createSimulation({ seed: 7, nodes: 7, heartbeatMs: 120 });
    for (const id of sim.nodeIds()) sim.crash(id);
    FIGURE_7.forEach(({ log }, i) =>
      sim.setDisk(i + 1, {
        currentTerm: 7,
        votedFor: null,
        log: log.map((term, k) => ({ term, command: commandAt(k + 1, term) })),
      }),
    );
    for (const id of sim.nodeIds()) sim.restart(id);
    sim.timeout(1);
    must(sim, 'every log to converge', converged);
  });

  it('the leader of the figure wins term 8 (with the votes of (a), (b), (e) and (f))', () => {
    expect([sim.leader(), sim.node(1).term]).toEqual([1, 8]);
  });

  it('every follower ends with exactly the leader’s log, its no-op of term 8 included', () => {
    expect(FIGURE_7.map(({ name }, i) => `${name}: ${terms(sim, i + 1)}`)).toEqual([
      'leader: 1 1 1 4 4 5 5 6 6 6 8',
      '(a): 1 1 1 4 4 5 5 6 6 6 8',
      '(b): 1 1 1 4 4 5 5 6 6 6 8',
      '(c): 1 1 1 4 4 5 5 6 6 6 8',
      '(d): 1 1 1 4 4 5 5 6 6 6 8',
      '(e): 1 1 1 4 4 5 5 6 6 6 8',
      '(f): 1 1 1 4 4 5 5 6 6 6 8',
    ]);
    expect(sim.nodeIds().map((id) => JSON.stringify(sim.node(id).log))).toEqual(
      Array(7).fill(JSON.stringify(sim.node(1).log)),
    );
  });

  it('each follower costs one round trip per conflicting term, not one per entry', () => {
    expect(
      FIGURE_7.slice(1).map(({ name }, i) => `${name} ${repliesToLeader(sim, i + 2).join(' → ')}`),
    ).toEqual([
      '(a) rejected, hint 10@0 → ok 11', // too short: resume at 10
      '(b) rejected, hint 5@0 → ok 11',
      '(c) ok 11', // the no-op replaces its extra entry
      '(d) ok 11', // the no-op replaces both term-7 entries
      '(e) rejected, hint 8@0 → rejected, hint 4@4 → ok 11', // then resume after the leader's last 4
      '(f) rejected, hint 7@3 → rejected, hint 4@2 → ok 11', // terms 3 and 2 skipped whole
    ]);
  });

  it('all of it commits and applies everywhere, with no checker complaining', () => {
    expect(sim.nodeIds().map((id) => sim.node(id).lastApplied)).toEqual(Array(7).fill(11));
    expect(sim.violations()).toEqual([]);
  });
});

describe('Figure 8: an entry of an earlier term is not committed by counting replicas (§5.4.2)', () => {
  // The script runs on several seeds to show it does not depend on one lucky schedule.
  const seeds = [1, 2, 3, 4, 5];

  it.each(seeds)(
    'seed %i: S1 holds its term-1 entry on a majority in term 3 and still does not commit it',
    (seed) => {
      const { sim, atMajority } = runFigure8(seed, true);
      expect(atMajority).toEqual({ commitIndex: 0, holders: [1, 2, 3] });
      expect(sim.violations()).toEqual([]);
    },
  );

  it.each(seeds)(
    'seed %i: S5 later overwrites that entry, which is safe because nobody was told it committed',
    (seed) => {
      const { sim, request } = runFigure8(seed, true);
      expect(sim.request(request).status).toBe('pending');
      expect(
        sim
          .nodeIds()
          .filter((id) => id !== 1)
          .map((id) => terms(sim, id)),
      ).toEqual(Array(4).fill('1 2 4'));
      expect(sim.nodeIds().map((id) => sim.node(id).kv)).toEqual(Array(5).fill({}));
    },
  );

  it.each(seeds)(
    'seed %i: with the current-term rule off, S1 commits by counting and the checkers catch the lost entry',
    (seed) => {
      const { sim, request, atMajority } = runFigure8(seed, false);
      expect(atMajority).toEqual({ commitIndex: 2, holders: [1, 2, 3] });
      expect(sim.request(request).status).toBe('ok'); // the client was told…
      expect(terms(sim, 5)).toBe('1 2 4'); // …but the new leader S5 holds a different entry 2
      expect(new Set(sim.violations().map((v) => v.rule))).toEqual(
        new Set(['Leader Completeness', 'No Lost Writes', 'State Machine Safety']),
      );
    },
  );
});
