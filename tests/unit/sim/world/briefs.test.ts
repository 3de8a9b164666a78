import { describe, expect, it } from 'vitest';
import type { Brief, TraceEvent } from '../../../../src/sim';
import { createSimulation } from '../../../../src/sim';

type Step = Extract<TraceEvent, { kind: 'step' }>;

describe('the briefs of step events', () => {
  it('say what the node was before and after each step, and repeat one object while nothing changes', () => {
    const sim = createSimulation({ nodes: 5, seed: 3 });
    for (let i = 0; i < 30; i++) {
      sim.runFor(100);
      sim.write(`k${i % 4}`, `v${i}`);
    }
    sim.runFor(500);
    const steps = sim.trace().filter((e): e is Step => e.kind === 'step');
    const last = new Map<number, Brief>();
    for (const e of steps) {
      const before = last.get(e.node);
      // Nothing but its own steps changes a running node in this run (no faults, no actions on it).
      if (before) expect(e.before).toEqual(before);
      last.set(e.node, e.after);
    }
    for (const [id, after] of last) {
      const node = sim.node(id);
      expect(after).toEqual({
        role: node.role,
        term: node.term,
        commitIndex: node.commitIndex,
        logLength: node.log.length,
        snapshotIndex: 0,
      });
    }
    const distinct = new Set(steps.flatMap((e) => [e.before, e.after])).size;
    expect(steps.length).toBeGreaterThan(500);
    expect(distinct).toBeLessThan(steps.length / 2);
    // A step that sent nothing shares one empty list.
    const empty = steps.filter((e) => e.sent.length === 0).map((e) => e.sent);
    expect(new Set(empty).size).toBe(1);
  });
});
