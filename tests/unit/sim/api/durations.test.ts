// How long one run may last: whole milliseconds up to a virtual day. A run of 1e12 ms used to
// take hundreds of virtual hours, and one of 1e300 ms left the clock where now + 1 === now, so
// the next timer fired at the same instant forever and the simulation never returned. The long
// runs are tried on a crashed cluster, where nothing is scheduled, so even code that accepted
// them returned at once (and the test failed rather than hung).
import { describe, expect, it } from 'vitest';
import { AsyncSimulation, MAX_RUN_MS, SimError, createSimulation } from '../../../../src/sim';
import { InProcessAsyncHost } from '../../../../src/worker/inProcessAsyncHost';
import type { Simulation } from '../../../../src/sim';
import { sentences } from '../harness';
import { look, refusal } from './refusal';

/** Three servers, all crashed: nothing is scheduled until one restarts. */
function crashedCluster(): Simulation {
  const sim = createSimulation({ seed: 3, nodes: 3 });
  sim.runFor(400);
  for (const id of sim.nodeIds()) sim.crash(id);
  return sim;
}

/** What happens next: a restart and a second of elections. */
function carryOn(sim: Simulation): string {
  sim.restart(1);
  sim.restart(2);
  sim.runFor(1000);
  return `${sim.now} ${sim.traceHash()} ${sim.eventCount()}`;
}

const TOO_LONG = sentences(
  [1e12, 1e300, MAX_RUN_MS + 1, Number.MAX_SAFE_INTEGER].flatMap((ms) => [
    { says: `runFor(${ms})`, run: (s: Simulation) => s.runFor(ms), ms },
    {
      says: `runUntil(() => false, ${ms})`,
      run: (s: Simulation) => s.runUntil(() => false, ms),
      ms,
    },
  ]),
);

describe('a run lasts whole milliseconds, at most a virtual day', () => {
  it.each(TOO_LONG)('%s is refused and changes nothing', (_says, { run, ms }) => {
    const sim = crashedCluster();
    const before = look(sim);
    expect(refusal(() => run(sim)).reason).toEqual({
      code: 'durationTooLong',
      value: String(ms),
      max: MAX_RUN_MS,
    });
    expect(look(sim)).toEqual(before);
    expect(carryOn(sim)).toBe(carryOn(crashedCluster()));
  });

  it('after a refused runFor(1e300), restart(1) and runFor(100) return', () => {
    const sim = createSimulation({ seed: 3, nodes: 3 });
    for (const id of sim.nodeIds()) sim.crash(id);
    expect(() => sim.runFor(1e300)).toThrow(/at most 86400000 ms/);
    sim.restart(1);
    sim.runFor(100);
    expect(sim.now).toBe(100);
  });

  it('a whole virtual day is allowed, and the clock still moves by one after it', () => {
    const sim = crashedCluster();
    sim.runFor(MAX_RUN_MS);
    expect(sim.now).toBe(400 + MAX_RUN_MS);
    sim.restart(1);
    sim.runFor(1);
    expect(sim.now).toBe(401 + MAX_RUN_MS);
  });

  it('a fraction of a millisecond is refused rather than rounded down', () => {
    const sim = createSimulation({ seed: 3, nodes: 3 });
    expect(refusal(() => sim.runFor(0.5)).reason).toEqual({ code: 'badDuration', value: '0.5' });
    expect(refusal(() => sim.runUntil(() => false, 10.25)).reason.code).toBe('badDuration');
    expect(sim.now).toBe(0);
  });

  it("runUntil('nope', 100) is a coded refusal, not a TypeError from deep inside", () => {
    const sim = createSimulation({ seed: 3, nodes: 3 });
    expect(refusal(() => sim.runUntil('nope' as never, 100)).reason).toEqual({
      code: 'badPredicate',
    });
    expect(sim.now).toBe(0);
  });

  it('the asynchronous driver refuses the same runs with the same codes', async () => {
    const sim = new AsyncSimulation({ seed: 3, nodes: 3 }, new InProcessAsyncHost());
    const codeOf = (run: Promise<unknown>) =>
      run.then(
        () => 'accepted',
        (e: unknown) => (e instanceof SimError ? e.reason.code : 'not a SimError'),
      );
    expect(await codeOf(sim.runFor(1e300))).toBe('durationTooLong');
    expect(await codeOf(sim.runFor(2.5))).toBe('badDuration');
    expect(await codeOf(sim.runUntil('nope' as never, 100))).toBe('badPredicate');
    expect([sim.now, sim.eventCount()]).toEqual([0, 0]);
  });
});
