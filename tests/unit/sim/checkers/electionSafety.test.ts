// Election Safety reports each second leader of a term once: at the step it became leader, not
// again at every heartbeat it sends while it leads.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';

describe('Election Safety (§5.2)', () => {
  it('with one vote per term off, two leaders of term 1 are one violation, however long they lead', () => {
    const sim = createSimulation({ nodes: 3, seed: 1, rules: { oneVotePerTerm: false } });
    // Both timers fire at one instant: S3 hears both candidates in term 1 and, with the rule
    // off, votes for both.
    sim.timeout(1);
    sim.timeout(2);
    sim.runUntil((s) => s.violations().length > 0, 1000);
    const first = sim.violations();
    expect(first.map((v) => v.finding)).toEqual([
      { code: 'twoLeaders', term: 1, first: expect.any(Number), second: expect.any(Number) },
    ]);
    sim.runFor(1000);
    expect(sim.violations()).toEqual(first);
  });

  it('with every rule on, the same two timers elect one leader and report nothing', () => {
    const sim = createSimulation({ nodes: 3, seed: 1 });
    sim.timeout(1);
    sim.timeout(2);
    sim.runFor(2000);
    expect(sim.violations()).toEqual([]);
  });
});
