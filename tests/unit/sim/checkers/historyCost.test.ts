// The checkers' cost does not grow with history: in a long run with a new leader every 500
// virtual ms and a write every 10 virtual ms, the work a checker does in the last tenth of the
// run is about what it did in an early tenth. Work is counted (entries, acknowledgements and
// terms looked at), never timed, so the test is as deterministic as the run.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import type { Simulation } from '../../../../src/sim';
import type { Checker, Metered } from '../../../../src/sim/checkers';
import { leaderCompleteness } from '../../../../src/sim/checkers/leaderCompleteness';
import { noLostWrites } from '../../../../src/sim/checkers/noLostWrites';
import { shadowCheckers } from './shadow';

/**
 * Work that grows with history grows linearly, so the last tenth does about five times the second
 * at any length; two virtual minutes keep the test a few seconds long.
 */
const RUN_MS = 2 * 60_000;
const TENTHS = 10;
const ELECTION_EVERY_MS = 500;
const WRITE_EVERY_MS = 10;

/** Ways to unseat the leader every 500 ms. */
const UNSEAT = {
  /** A leader ignores its own timer: the next server stands in a higher term and deposes it. */
  timeout(sim: Simulation, t: number): boolean {
    const leader = sim.leader();
    if (t % ELECTION_EVERY_MS !== 0 || leader === null) return false;
    sim.timeout((leader % 5) + 1);
    return true;
  },
  /** The leader crashes; 250 ms later it restarts and learns every commit again from zero. */
  crash(sim: Simulation, t: number): boolean {
    if (t % ELECTION_EVERY_MS === ELECTION_EVERY_MS / 2) {
      for (const id of sim.nodeIds()) if (!sim.node(id).alive) sim.restart(id);
    }
    const leader = sim.leader();
    if (t % ELECTION_EVERY_MS !== 0 || leader === null) return false;
    sim.crash(leader);
    return true;
  },
};

/** Each checker's work in each tenth of the run, and how many leaders were unseated. */
function workByTenth(unseat: keyof typeof UNSEAT, checkers: readonly (Checker & Metered)[]) {
  const sim = createSimulation({ seed: 7, nodes: 5 });
  const found = shadowCheckers(sim, checkers);
  const tenths: number[][] = checkers.map(() => []);
  const before = checkers.map(() => 0);
  let unseated = 0;
  for (let t = 0; t < RUN_MS; t += WRITE_EVERY_MS) {
    if (UNSEAT[unseat](sim, t)) unseated++;
    sim.write(`k${(t / WRITE_EVERY_MS) % 16}`, `v${t}`);
    sim.runFor(WRITE_EVERY_MS);
    if ((t + WRITE_EVERY_MS) % (RUN_MS / TENTHS) === 0) {
      checkers.forEach((c, i) => {
        tenths[i]!.push(c.work - before[i]!);
        before[i] = c.work;
      });
    }
  }
  return { tenths, unseated, found, violations: sim.violations() };
}

describe.each(['timeout', 'crash'] as const)(
  'the cost of checking does not grow with history (leader unseated by %s)',
  (unseat) => {
    let run: ReturnType<typeof workByTenth>;
    beforeAll(() => {
      run = workByTenth(unseat, [noLostWrites(), leaderCompleteness()]);
    });

    it('the run is a healthy cluster that loses its leader every 500 ms and breaks nothing', () => {
      expect(run.unseated).toBeGreaterThanOrEqual(RUN_MS / ELECTION_EVERY_MS - 10);
      expect(run.found).toEqual([]);
      expect(run.violations).toEqual([]);
    });

    it.each([
      ['No Lost Writes', 0],
      ['Leader Completeness', 1],
    ] as const)('%s does no more work in the last tenth than 1.5× the second', (_name, i) => {
      const work = run.tenths[i]!;
      // The first tenth warms up (an empty log); the second is the baseline.
      expect(work[1]).toBeGreaterThan(0);
      expect(work[TENTHS - 1]!, `work by tenth: ${work.join(' ')}`).toBeLessThanOrEqual(
        1.5 * work[1]!,
      );
    });
  },
);
