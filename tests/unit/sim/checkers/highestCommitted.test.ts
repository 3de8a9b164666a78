// The staircase behind Leader Completeness: the highest index committed in any term up to T,
// right whatever order the commits arrive in, and cheap when they arrive in term order.
import { describe, expect, it } from 'vitest';
import { highestCommitted } from '../../../../src/sim/checkers/highestCommitted';
import { Prng } from '../../../../src/sim/prng';
import { sentences } from '../harness';

/** The answer by brute force: every recorded commit looked at. */
function bruteUpTo(commits: readonly [number, number][], term: number): number {
  let best = 0;
  for (const [t, index] of commits) if (t <= term && index > best) best = index;
  return best;
}

describe('the highest index committed up to a term', () => {
  it.each(
    sentences([
      { says: 'nothing recorded answers 0', commits: [], term: 5, expected: 0 },
      { says: 'a term before every commit answers 0', commits: [[3, 4]], term: 2, expected: 0 },
      { says: 'a later term sees an earlier commit', commits: [[2, 5]], term: 9, expected: 5 },
      {
        says: 'an older term does not see a newer commit',
        commits: [
          [2, 5],
          [4, 9],
        ],
        term: 3,
        expected: 5,
      },
      {
        says: 'a late commit from an older term raises every term after it',
        commits: [
          [2, 5],
          [4, 9],
          [3, 12],
        ],
        term: 4,
        expected: 12,
      },
      {
        says: 'a late commit lower than what follows raises only the terms before that',
        commits: [
          [2, 5],
          [4, 9],
          [3, 7],
        ],
        term: 3,
        expected: 7,
      },
      {
        says: 'a late commit in a term already present raises that term',
        commits: [
          [2, 5],
          [4, 9],
          [2, 6],
        ],
        term: 3,
        expected: 6,
      },
    ] as { says: string; commits: [number, number][]; term: number; expected: number }[]),
  )('%s', (_says, { commits, term, expected }) => {
    const highest = highestCommitted();
    for (const [t, index] of commits) highest.record(t, index);
    expect(highest.upTo(term)).toBe(expected);
  });

  it('agrees with looking at every commit, for commits in any term order', () => {
    const prng = new Prng(11);
    const highest = highestCommitted();
    const commits: [number, number][] = [];
    for (let k = 0; k < 2000; k++) {
      // Mostly rising terms, now and then a lagging node's older one.
      const newest = commits.length ? commits[commits.length - 1]![0] : 1;
      const term = prng.chance(0.1) ? prng.intBetween(1, newest) : newest + prng.intBetween(0, 2);
      const index = prng.intBetween(1, k + 10);
      commits.push([term, index]);
      highest.record(term, index);
      const ask = prng.intBetween(0, term + 2);
      expect(highest.upTo(ask), `after ${k + 1} commits, up to term ${ask}`).toBe(
        bruteUpTo(commits, ask),
      );
    }
  });

  it('costs a constant amount per commit and per question when terms only rise', () => {
    const highest = highestCommitted();
    let wrong = 0;
    for (let term = 1; term <= 10_000; term++) {
      highest.record(term, term * 3);
      if (highest.upTo(term) !== term * 3) wrong++;
    }
    expect(wrong).toBe(0);
    expect(highest.work).toBeLessThanOrEqual(10_000);
  });
});
