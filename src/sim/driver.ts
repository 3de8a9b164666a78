// The one driver core (simulator layer) behind both drivers: what runFor, runUntil and stepOnce
// do, written once as generators that ask the host for work ("boot these", "step these batches")
// and take back its answers. `driveSync` answers from an in-process host in a plain loop, so
// Simulation stays synchronous; `driveAsync` awaits an asynchronous host (one worker per node).
import type { NodeId } from '../raft';
import type { AsyncNodeHost, HostFault } from './asyncSimulation';
import type { BootRequest, InputResult, NodeBatch, NodeHost } from './host';
import type { Reason } from './read/reasons';
import { SimError } from './read/reasons';
import type { Dispatch, World } from './world';
import { Prefetched } from './prefetched';

/** What the core asks of the host. */
export type HostCall =
  | { readonly kind: 'boot'; readonly boots: readonly BootRequest[] }
  | { readonly kind: 'step'; readonly batches: readonly NodeBatch[] };

/** The host's answer, one outcome per boot or batch in order: results, a fault, or null (booted). */
export type HostAnswer = readonly (readonly InputResult[] | HostFault | null)[];

export type DriverRun<T> = Generator<HostCall, T, HostAnswer>;

const NO_ANSWER: HostAnswer = Object.freeze([]);

export class DriverCore {
  private running = false;
  /**
   * Set for a run whose host answers at once (driveSync): the run steps through it directly
   * instead of yielding, so an instant costs no generator round trip, no call object and no
   * answer closure. Same calls in the same order; boots and lookahead windows still yield.
   */
  private syncHost: NodeHost | null = null;

  /** `failHost(id)` stops a node's runtime on the host when the host reported it failed. */
  constructor(
    private readonly world: World,
    private readonly failHost: (id: NodeId) => void,
  ) {}

  /** True while a run is in progress. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * Claims the world for one run; a run started from inside another (from a predicate or a
   * listener) is refused and changes nothing. `until` must leave room for time to move on.
   */
  enter(until: number, syncHost: NodeHost | null = null): void {
    if (this.running) {
      throw new SimError(
        { code: 'busy' },
        'the simulation is already running; start another run after this one returns',
      );
    }
    if (!(until <= Number.MAX_SAFE_INTEGER || until === Infinity) || until < this.world.now) {
      throw new Error(`simulator bug: a run to ${until} ms from ${this.world.now} ms`);
    }
    this.running = true;
    this.syncHost = syncHost;
  }

  leave(): void {
    this.running = false;
    this.syncHost = null;
  }

  /** Runs to `until`; with `lookahead`, a window of certain inputs goes out in one round trip. */
  *runFor(until: number, lookahead: boolean): DriverRun<void> {
    if (lookahead) {
      yield* this.boot(this.world.takeBoots());
      for (let plan = this.world.planWindow(until); plan; plan = this.world.planWindow(until)) {
        yield* this.runWindow(plan.end, plan.batches);
      }
    }
    for (let d = this.world.nextDispatch(until); d; d = this.world.nextDispatch(until)) {
      // One instant, as in runUntil and stepOnce: boots (rare), one step call, then the commit.
      // Written out rather than delegated to a nested generator: it runs once per instant.
      if (d.boots.length > 0) yield* this.boot(d.boots);
      const live = this.liveOnly(d.batches);
      this.commitInstant(d, live, this.answerNow(live) ?? (yield { kind: 'step', batches: live }));
    }
    this.finishAt(until);
  }

  /**
   * Runs until `holds()` (asked before, and after each instant, those where only a client heard
   * back included) or `until`; says whether it held.
   */
  *runUntil(holds: () => boolean, until: number): DriverRun<boolean> {
    if (holds()) return true;
    for (
      let d = this.world.nextDispatch(until, true);
      d;
      d = this.world.nextDispatch(until, true)
    ) {
      if (d.boots.length > 0) yield* this.boot(d.boots);
      const live = this.liveOnly(d.batches);
      this.commitInstant(d, live, this.answerNow(live) ?? (yield { kind: 'step', batches: live }));
      if (holds()) return true;
    }
    this.finishAt(until);
    return holds();
  }

  /** Runs the next instant that has node inputs, if one comes by `until`. */
  *stepOnce(until: number): DriverRun<boolean> {
    const d = this.world.nextDispatch(until);
    if (d === null) return false;
    if (d.boots.length > 0) yield* this.boot(d.boots);
    const live = this.liveOnly(d.batches);
    this.commitInstant(d, live, this.answerNow(live) ?? (yield { kind: 'step', batches: live }));
    return true;
  }

  /** Boots whatever restarts are pending, without moving time. */
  *settle(): DriverRun<void> {
    yield* this.boot(this.world.takeBoots());
  }

  private finishAt(until: number): void {
    if (until < this.world.now) {
      throw new Error(`simulator bug: time would go back from ${this.world.now} to ${until} ms`);
    }
    this.world.now = until;
  }

  /** The answer for `live` without a round trip (none to step, or a host that answers at once); null when the run must yield for it. */
  private answerNow(live: readonly NodeBatch[]): HostAnswer | null {
    if (live.length === 0) return NO_ANSWER;
    return this.syncHost === null ? null : stepEach(this.syncHost, live);
  }

  /** Commits instant `d` with the host's answer for its `live` batches. */
  private commitInstant(d: Dispatch, live: readonly NodeBatch[], answer: HostAnswer): void {
    expectAnswers(answer, live.length);
    if (live === d.batches && allResults(answer)) {
      this.world.commit(d, answer as readonly (readonly InputResult[])[]);
      return;
    }
    this.commitWith(d, (batch) => answer[live.indexOf(batch)]!);
  }

  /** Steps a whole lookahead window at once, then commits it instant by instant. */
  private *runWindow(end: number, batches: readonly NodeBatch[]): DriverRun<void> {
    const answer = batches.length > 0 ? yield { kind: 'step', batches } : NO_ANSWER;
    expectAnswers(answer, batches.length);
    const prefetched = new Prefetched(batches, answer);
    for (let d = this.world.nextDispatch(end); d; d = this.world.nextDispatch(end)) {
      if (d.boots.length > 0) throw new Error('simulator bug: a boot inside a lookahead window');
      this.commitWith(d, (batch) => prefetched.take(batch));
    }
  }

  private *boot(boots: readonly BootRequest[]): DriverRun<void> {
    if (boots.length === 0) return;
    const answer = yield { kind: 'boot', boots };
    expectAnswers(answer, boots.length);
    boots.forEach((boot, i) => {
      const outcome = answer[i];
      if (outcome && 'fault' in outcome) this.fail(boot.id, outcome);
    });
  }

  /** Commits `d`, first stopping every node whose host reported a fault. */
  private commitWith(d: Dispatch, outcomeOf: (b: NodeBatch) => HostAnswer[number]): void {
    const results: (readonly InputResult[])[] = d.batches.map(() => []);
    d.batches.forEach((batch, i) => {
      if (!this.world.node(batch.id).alive) return;
      const outcome = outcomeOf(batch);
      if (outcome === null) throw new Error(`simulator bug: no results for S${batch.id}`);
      if ('fault' in outcome) this.fail(batch.id, outcome);
      else results[i] = outcome;
    });
    this.world.commit(d, results);
  }

  /** The batches of nodes still running (a boot may have failed); the same array when all are. */
  private liveOnly(batches: readonly NodeBatch[]): readonly NodeBatch[] {
    for (const b of batches) {
      if (!this.world.node(b.id).alive) return batches.filter((x) => this.world.node(x.id).alive);
    }
    return batches;
  }

  /** A node whose runtime failed is stopped and marked; the rest of the cluster goes on. */
  private fail(id: NodeId, { fault, timedOutMs }: HostFault): void {
    const record = this.world.node(id);
    if (!record.alive) return;
    const reason: Reason =
      timedOutMs === undefined
        ? { code: 'runtimeFailed', detail: fault }
        : { code: 'runtimeTimedOut', ms: timedOutMs };
    this.world.halt(record, reason);
    this.failHost(id);
    // The trace says which: a runtime that threw or never loaded failed; one that missed its
    // allowance may only have been slow (a busy machine), as the reason's code says too.
    const what = timedOutMs === undefined ? 'failed' : 'timed out';
    this.world.action('fault', id, `S${id} runtime ${what}: ${fault}`, {
      do: 'fault',
      node: id,
      reason,
    });
  }
}

/** Drives a run with a host that answers at once; the run is over when this returns. */
export function driveSync<T>(
  core: DriverCore,
  until: number,
  run: DriverRun<T>,
  host: NodeHost,
): T {
  core.enter(until, host);
  try {
    let answer: HostAnswer = NO_ANSWER;
    for (;;) {
      const next = run.next(answer);
      if (next.done) return next.value;
      const call = next.value;
      if (call.kind === 'boot') {
        answer = call.boots.map((boot) => (host.boot(boot), null));
      } else {
        answer = stepEach(host, call.batches);
      }
    }
  } finally {
    core.leave();
  }
}

function stepEach(host: NodeHost, batches: readonly NodeBatch[]): InputResult[][] {
  const answer = new Array<InputResult[]>(batches.length);
  for (let i = 0; i < batches.length; i++) answer[i] = host.step(batches[i]!);
  return answer;
}

/** Drives a run with an asynchronous host, one round trip per call. */
export async function driveAsync<T>(
  core: DriverCore,
  until: number,
  run: DriverRun<T>,
  host: AsyncNodeHost,
): Promise<T> {
  core.enter(until);
  try {
    let answer: HostAnswer = NO_ANSWER;
    for (;;) {
      const next = run.next(answer);
      if (next.done) return next.value;
      const call = next.value;
      if (call.kind === 'boot') {
        // Boots are independent (one per node, never two for one node in a list): a worker host
        // starts every worker at once instead of in turn, and the answers keep the list's order.
        answer = await Promise.all(call.boots.map((boot) => host.boot(boot)));
      } else {
        answer = await host.stepAll(call.batches);
      }
    }
  } finally {
    core.leave();
  }
}

/**
 * Whether every outcome is a list of results (no node failed, nothing was only booted). Asked
 * with Array.isArray: `'fault' in` a list looks through its prototypes on every instant.
 */
function allResults(answer: HostAnswer): boolean {
  for (let i = 0; i < answer.length; i++) if (!Array.isArray(answer[i])) return false;
  return true;
}

function expectAnswers(answer: HostAnswer, count: number): void {
  if (!Array.isArray(answer) || answer.length !== count) {
    throw new Error(`simulator bug: the host gave ${answer?.length} answers to ${count} requests`);
  }
}
