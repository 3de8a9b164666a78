// The README's scripting example, line for line: it must keep working as printed there.
import { describe, expect, it } from 'vitest';
import { SimError, createSimulation } from '../../../../src/sim';

describe("the README's scripting API example", () => {
  it('runs as printed, with the results its comments promise', () => {
    const sim = createSimulation({ nodes: 5, seed: 1 }); // every option is optional
    sim.runUntil((s) => s.leader() !== null, 2000);
    const id = sim.write('x', '1');
    sim.runFor(500);
    expect(sim.request(id)).toEqual({ status: 'ok', index: 2 });
    expect(sim.requestViews(1)[0]!.stage).toBe('acknowledged');
    expect(sim.facts()).toEqual({
      size: 5,
      majority: 3,
      tolerated: 2,
      leader: 2,
      leaderTerm: 1,
      claimant: null,
      claimantTerm: null,
      highestTerm: 1,
      checkers: 9,
      voters: [1, 2, 3, 4, 5],
      learners: [],
      joint: null,
      configCommitted: true,
    });
    expect(sim.nodeView(2).role).toBe('leader');
    sim.crash(sim.leader()!);
    sim.partition([
      [1, 2],
      [3, 4, 5],
    ]);
    sim.heal();
    expect(sim.violations()).toEqual([]);
    expect(sim.traceHash()).toMatch(/^[0-9a-f]{8}$/);
  });

  it('the snapshots, reads and sessions example runs as printed', () => {
    const sim = createSimulation({ snapshotEvery: 1000, clientRetryMs: 200 });
    sim.runUntil((s) => s.leader() !== null, 2000);
    sim.write('x', '1');
    sim.runFor(300);
    sim.compact(2);
    sim.runFor(1);
    expect(sim.node(2).snapshot).toEqual({ lastIncludedIndex: 2, lastIncludedTerm: 1 });
    expect(sim.node(2).log.every((e) => e.index > 2)).toBe(true);
    const r = sim.read('x', { via: 3, mode: 'readIndex' });
    sim.runFor(300);
    expect(sim.request(r)).toMatchObject({ status: 'ok', value: '1' });
    const a = sim.append('log', 'a');
    sim.runFor(300);
    expect(sim.request(a).status).toBe('ok');
    expect(sim.request(a).duplicate).toBeUndefined(); // no copy was retried here
    expect(() => sim.read('x', { mode: 'eventual' as 'local' })).toThrow(SimError);
    expect(sim.violations()).toEqual([]);
  });

  it('a bad argument throws an Error (a SimError) that says what is wrong', () => {
    const sim = createSimulation({ nodes: 5, seed: 1 });
    expect(() => sim.crash(6)).toThrow(Error);
    expect(() => sim.crash(6)).toThrow(SimError);
    expect(() => sim.crash(6)).toThrow('unknown node 6: this cluster has S1…S5');
    let reason: unknown = null;
    try {
      sim.crash(6);
    } catch (e) {
      reason = (e as SimError).reason;
    }
    expect(reason).toEqual({ code: 'unknownNode', node: '6', size: 5 });
  });
});
