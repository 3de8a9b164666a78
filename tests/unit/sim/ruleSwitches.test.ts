// The checkers can fail: switch off one Figure 2 rule on purpose and a violation must be found.
// Three rules are caught by the randomized sweep within a bounded number of seeds; the
// current-term commit rule, which the new leader's no-op makes rare in random runs, is caught
// for certain by the scripted Figure 8. A follower that truncates without a conflict lets a
// leader acknowledge a write that is gone from the disks it counted: a steady write load shows it.
import { describe, expect, it } from 'vitest';
import type { RuleSwitches } from '../../../src/raft';
import { createSimulation } from '../../../src/sim';
import { runFigure8 } from './figure8';
import { chaosProblems } from './harness';

/** Most seeds a sweep may try before it must have caught a broken rule. */
const MAX_SEEDS = 200;

/** The first seed whose chaos run records a violation with `rule` switched off, or null. */
function firstCaught(rule: keyof RuleSwitches) {
  for (let seed = 1; seed <= MAX_SEEDS; seed++) {
    const { sim } = chaosProblems(seed, { rules: { [rule]: false } });
    const violations = sim.violations();
    if (violations.length > 0) return { seed, caughtBy: new Set(violations.map((v) => v.rule)) };
  }
  return null;
}

describe('with one Figure 2 rule switched off, the checkers find a violation', () => {
  const caughtBySweep = [
    { rule: 'oneVotePerTerm', section: '§5.2', checker: 'Election Safety' },
    { rule: 'electionRestriction', section: '§5.4.1', checker: 'Leader Completeness' },
    {
      rule: 'truncateOnlyOnConflict',
      section: '§5.3',
      checker: 'Acknowledged on a Majority',
    },
  ] as const;
  // A loop rather than it.each so the names print as plain sentences.
  for (const { rule, section, checker } of caughtBySweep) {
    it(`${rule} (${section}) off: the sweep catches it within ${MAX_SEEDS} seeds, through ${checker}`, () => {
      const found = firstCaught(rule);
      expect(found, `no violation in ${MAX_SEEDS} seeds with ${rule} off`).not.toBeNull();
      expect([...found!.caughtBy]).toContain(checker);
      // The same seed with every rule on is clean: the switch, not the seed, broke the run.
      expect(chaosProblems(found!.seed).problems).toEqual([]);
    }, 120_000);
  }

  it('truncateOnlyOnConflict (§5.3) off: a write every 10 ms over uneven links is acknowledged short of a majority on most seeds', () => {
    const rulesCaught = (truncateOnlyOnConflict: boolean) =>
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
        const sim = createSimulation({
          seed,
          nodes: 3,
          latencyMs: [1, 60],
          rules: { truncateOnlyOnConflict },
        });
        for (let t = 0; t < 5000 && sim.violations().length === 0; t += 10) {
          sim.write(`k${(t / 10) % 16}`, `v${t}`);
          sim.runFor(10);
        }
        return sim.violations().map((v) => v.rule);
      });
    const caught = rulesCaught(false).filter((rules) => rules.length > 0);
    expect(caught.length).toBeGreaterThanOrEqual(6);
    for (const rules of caught) expect(rules).toContain('Acknowledged on a Majority');
    expect(rulesCaught(true).flat()).toEqual([]);
  });

  it('currentTermCommit (§5.4.2) off: the scripted Figure 8 is caught on every seed tried', () => {
    const caught = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => [
      ...new Set(
        runFigure8(seed, false)
          .sim.violations()
          .map((v) => v.rule),
      ),
    ]);
    expect(caught.every((rules) => rules.includes('Leader Completeness'))).toBe(true);
    expect(caught.every((rules) => rules.includes('State Machine Safety'))).toBe(true);
  });

  it('currentTermCommit (§5.4.2) on: the same script breaks nothing', () => {
    const caught = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) =>
      runFigure8(seed, true).sim.violations(),
    );
    expect(caught).toEqual([]);
  });
});
