// The checkers' cost does not grow with history: in a long run with an election every 500
// virtual ms and a write every 10 virtual ms, the work a checker does in the last tenth of the
// run is about what it did in an early tenth. Work is counted (entries, acknowledgements and
// terms looked at), never timed, so the test is as deterministic as the run.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import type { Checker, Metered } from '../../../../src/sim/checkers';
import { leaderCompleteness } from '../../../../src/sim/checkers/leaderCompleteness';
import { noLostWrites } from '../../../../src/sim/checkers/noLostWrites';
import { shadowCheckers } from './shadow';

/** Long enough that a scan over all history grows several times over, short enough for a unit test. */
const RUN_MS = 5 * 60_000;
const TENTHS = 10;
const ELECTION_EVERY_MS = 500;
const WRITE_EVERY_MS = 10;

/** Each checker's work in each tenth of the run, and how many leaders the run saw. */
function workByTenth(checkers: readonly (Checker & Metered)[]) {
  const sim = createSimulation({ seed: 7, nodes: 5 });
  const found = shadowCheckers(sim, checkers);
  const tenths: number[][] = checkers.map(() => []);
  const before = checkers.map(() => 0);
  let elections = 0;
  for (let t = 0; t < RUN_MS; t += WRITE_EVERY_MS) {
    const leader = sim.leader();
    if (t % ELECTION_EVERY_MS === 0 && leader !== null) {
      // A leader ignores its own timer: the next server stands in a higher term instead, which
      // deposes the leader whoever wins.
      sim.timeout((leader % 5) + 1);
      elections++;
    }
    sim.write(`k${(t / WRITE_EVERY_MS) % 16}`, `v${t}`);
    sim.runFor(WRITE_EVERY_MS);
    if ((t + WRITE_EVERY_MS) % (RUN_MS / TENTHS) === 0) {
      checkers.forEach((c, i) => {
        tenths[i]!.push(c.work - before[i]!);
        before[i] = c.work;
      });
    }
  }
  return { tenths, elections, found, violations: sim.violations() };
}

describe('the cost of checking does not grow with history', () => {
  let run: ReturnType<typeof workByTenth>;
  beforeAll(() => {
    run = workByTenth([noLostWrites(), leaderCompleteness()]);
  });

  it('the run is a healthy cluster that elects a new leader every 500 ms and finds nothing', () => {
    expect(run.elections).toBeGreaterThanOrEqual(RUN_MS / ELECTION_EVERY_MS - 10);
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
});
