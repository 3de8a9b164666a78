// Acknowledged on a Majority: a client may hear "ok" only for an entry that a majority
// of disks hold at that moment. A follower that truncates entries it already had (the §5.3 rule
// switched off) lets a leader count a match that is gone by the time the client hears back.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import type { Simulation } from '../../../../src/sim';

/** Three servers, uneven links and a write every 10 virtual ms, until a violation or `ms`. */
function writeEvery10ms(truncateOnlyOnConflict: boolean, ms: number): Simulation {
  const sim = createSimulation({
    seed: 1,
    nodes: 3,
    latencyMs: [1, 60],
    rules: { truncateOnlyOnConflict },
  });
  for (let t = 0; t < ms && sim.violations().length === 0; t += 10) {
    sim.write(`k${(t / 10) % 16}`, `v${t}`);
    sim.runFor(10);
  }
  return sim;
}

describe('acknowledged writes reach a majority of disks', () => {
  it('with truncateOnlyOnConflict off, a write acknowledged while on one disk of three is caught', () => {
    const sim = writeEvery10ms(false, 5000);
    const first = sim.violations()[0];
    expect(first, 'no violation within 5 virtual seconds').toBeDefined();
    expect(first!.ruleId).toBe('ackedOnMajority');
    expect(first!.rule).toBe('Acknowledged on a Majority');
    // Which write it is depends on the whole run; what it says does not: one disk of three.
    const { request, index } = first!.finding;
    expect(first!.finding).toEqual({
      code: 'ackedWithoutMajority',
      request,
      index,
      storedOn: 1,
      needed: 2,
    });
    expect(sim.request(request as number)).toMatchObject({ status: 'ok', index });
    expect(first!.event).toMatch(new RegExp(`client request #${request} ok`));
    expect(first!.detail).toBe(
      `write #${request} was acknowledged at index ${index} while on 1 disk, short of a majority of 2`,
    );
  });

  it('with every rule on, the same load never acknowledges a write short of a majority', () => {
    const sim = writeEvery10ms(true, 5000);
    expect(sim.violations()).toEqual([]);
    const acknowledged = sim.clientRequests().filter((r) => r.status === 'ok').length;
    expect(acknowledged).toBeGreaterThan(400);
  });
});
