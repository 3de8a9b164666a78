// Helpers for refusal tests: a busy cluster to refuse things in, everything a caller can see of
// it, and a check that a refused call threw a coded SimError and left the run as it would have been.
import { expect } from 'vitest';
import { REASON_CODES, SimError, createSimulation } from '../../../../src/sim';
import type { ReasonCode, Simulation } from '../../../../src/sim';
import { settle } from '../harness';

/**
 * A 5-node cluster (seed 11) with a leader, one crashed follower (S1 or the lowest non-leader),
 * a cut link, a write in flight and messages on the wire.
 */
export function busyCluster(): Simulation {
  const sim = createSimulation({ seed: 11, nodes: 5 });
  const leader = settle(sim);
  const [crashed, cutOff] = sim.nodeIds().filter((id) => id !== leader);
  sim.crash(crashed!);
  sim.cut(leader, cutOff!);
  sim.write('x', '1');
  sim.runFor(7); // stop mid-flight: messages are on the wire
  return sim;
}

/** The crashed follower of `busyCluster`. */
export const crashedIn = (sim: Simulation): number =>
  sim.nodeIds().find((id) => !sim.node(id).alive)!;

/** Everything a caller can observe, to compare before and after a refused call. */
export function look(sim: Simulation) {
  return {
    now: sim.now,
    hash: sim.traceHash(),
    events: sim.eventCount(),
    nodes: sim.nodeIds().map((id) => sim.node(id)),
    network: sim.networkState(),
    leader: sim.leader(),
    inFlight: sim.messagesInFlight().length,
    requests: sim.clientRequestCount(),
    violations: sim.violations().length,
  };
}

/** What a script does after the bad call; a twin that never got the call does the same. */
function carryOn(sim: Simulation): string {
  sim.write('y', '2');
  sim.runFor(400); // anything the bad call changed (network, drop rate, a node) shows here
  sim.heal();
  for (const id of sim.nodeIds()) if (!sim.node(id).alive) sim.restart(id);
  sim.runFor(600);
  return `${sim.traceHash()} ${sim.eventCount()}`;
}

let twinDigest: string | null = null;

/** The digest a busy cluster reaches when nothing bad was ever called (computed once). */
function twin(): string {
  twinDigest ??= carryOn(busyCluster());
  return twinDigest;
}

/** The SimError that `run` throws; fails the test when it throws anything else or nothing. */
export function refusal(run: () => unknown): SimError {
  let thrown: unknown = null;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'the call should have been refused').toBeInstanceOf(SimError);
  const error = thrown as SimError;
  expect(REASON_CODES).toContain(error.reason.code);
  return error;
}

/**
 * Runs the bad call on a busy cluster: it must throw a SimError with `code`, change nothing a
 * caller can see, and leave the rest of the run exactly as a twin's that never got the call.
 */
export function expectRefused(run: (sim: Simulation) => unknown, code: ReasonCode): SimError {
  const sim = busyCluster();
  const before = look(sim);
  const error = refusal(() => run(sim));
  expect(error.reason.code).toBe(code);
  expect(look(sim)).toEqual(before);
  expect(carryOn(sim)).toBe(twin());
  return error;
}

/** `[...before, <hole>, ...after]`: a list with a hole, as `[1, , 2]` writes it. */
export function withHole<T>(before: readonly T[], after: readonly T[]): T[] {
  const list = [...before];
  list.length++;
  list.push(...after);
  return list;
}
