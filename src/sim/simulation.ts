// The scripting API: `createSimulation(options)` returns a cluster in a deterministic world that
// tests, the CLI, lessons and the UI drive. Same seed and same calls give the same trace.
//
// A little past the house's 300 lines on purpose: it is the public face, one short method per
// call with its doc comment; the checks live in api/, the reads in api/read.ts, the runs in
// driver.ts, so nothing here decides anything.
import type { NodeId } from '../raft';
import type {
  Choice,
  ClientRequestState,
  Flight,
  ListenOptions,
  NodeRecord,
  Violation,
} from './world';
import { World } from './world';
import type { NodeHost } from './host';
import { DriverCore, driveSync } from './driver';
import { InProcessHost } from './host';
import type { SimOptions, SimOptionsInput } from './options';
import { resolveOptions } from './options';
import { SimError } from './read/reasons';
import type { TraceEvent } from './trace';
import { describeEvent } from './trace';
import type { ClusterFacts, NodeView, RequestView } from './read/readModel';
import type { SimAction } from './script';
import type { CheckedAction } from './api/actions';
import {
  checkAction,
  checkReadMode,
  checkReadOptions,
  leaderOf,
  performAction,
  performOneWayCut,
} from './api/actions';
import type { StagedDisk } from './api/disk';
import type { ClusterConfiguration } from './api/membership';
import {
  checkAddOptions,
  checkVoterList,
  clusterConfigOf,
  describeConfiguration,
} from './api/membership';
import { performSetDisk } from './api/disk';
import type { NodeSnapshot, RequestSnapshot } from './api/read';
import * as read from './api/read';
import { checkMessageId, checkSwitch } from './api/messages';
import {
  checkDropRate,
  checkDuration,
  checkGroups,
  checkLink,
  checkNodeId,
  checkPredicate,
  checkText,
} from './api/validate';

const HEAL: CheckedAction = Object.freeze({ do: 'heal' });

export type { NodeSnapshot, RequestSnapshot } from './api/read';
export type { ClusterConfiguration } from './api/membership';

/**
 * Everything both drivers share: the checked actions and the read side. Actions validate all
 * of their arguments before touching anything, so a bad call throws and changes nothing.
 */
export abstract class SimulationBase {
  readonly options: SimOptions;
  protected readonly world: World;
  /** Runs the world for both drivers: runFor, runUntil and stepOnce are written once there. */
  protected readonly driver: DriverCore;

  constructor(input?: SimOptionsInput) {
    this.options = resolveOptions(input);
    this.world = new World(this.options);
    this.driver = new DriverCore(this.world, (id) => this.hostCrash(id));
  }

  get now(): number {
    return this.world.now;
  }

  nodeIds(): number[] {
    return [...this.world.ids];
  }

  /** One server as plain data (the node view's fields), safe to keep past later events. */
  node(id: number): NodeSnapshot {
    return read.snapshotOf(this.world, this.checkId(id));
  }

  /** The live leader with the highest term, or null. */
  leader(): number | null {
    return leaderOf(this.world)?.id ?? null;
  }

  // Every action is checked whole, then carried out by `perform`. The methods check their few
  // arguments directly (the same checks and codes `apply` gives) rather than build a user-shaped
  // object for checkAction: chaos sweeps and benchmarks write every few virtual ms.
  crash(id: number): void {
    this.beforeAction();
    this.perform({ do: 'crash', node: this.checkId(id) });
  }

  restart(id: number): void {
    this.beforeAction();
    this.perform({ do: 'restart', node: this.checkId(id) });
  }

  /**
   * Replaces a crashed node's disk, to stage a scenario such as the paper's Figure 7. The whole
   * disk is checked (terms 1…currentTerm never decreasing, commands a client could write)
   * before any of it is written.
   */
  setDisk(id: number, disk: StagedDisk): void {
    this.beforeAction();
    performSetDisk(this.world, this.checkId(id), disk);
  }

  partition(groups: readonly (readonly number[])[]): void {
    this.beforeAction();
    this.perform({ do: 'partition', groups: checkGroups(groups, this.world.ids.length) });
  }

  /** Cuts the link between a and b in both directions: one action, one event. */
  cut(a: number, b: number): void {
    this.beforeAction();
    const [from, to] = checkLink(a, b, this.world.ids.length);
    this.perform({ do: 'cut', a: from, b: to });
  }

  /** Cuts only messages from `from` to `to`. */
  cutOneWay(from: number, to: number): void {
    this.beforeAction();
    const [a, b] = checkLink(from, to, this.world.ids.length);
    performOneWayCut(this.world, a, b);
  }

  /** Restores the link between a and b in both directions (partitions stay). */
  restoreLink(a: number, b: number): void {
    this.beforeAction();
    const [from, to] = checkLink(a, b, this.world.ids.length);
    this.perform({ do: 'restore', a: from, b: to });
  }

  heal(): void {
    this.beforeAction();
    this.perform(HEAL);
  }

  setDropRate(p: number): void {
    this.beforeAction();
    this.perform({ do: 'drop', rate: checkDropRate(p) });
  }

  /** The node's election timer fires at the current instant. */
  timeout(id: number): void {
    this.beforeAction();
    this.perform({ do: 'timeout', node: this.checkId(id) });
  }

  // ── Membership (Raft thesis, chapter 4) and leadership transfer (§3.10) ─────────────────

  /**
   * A new server with an empty disk, id one past the highest (at most nine in all). It joins as
   * a learner that receives the log; as a voter (the default) the leader promotes it once it has
   * caught up, and the request is answered then. Returns the new id and the request's id.
   */
  addServer(options?: { voter?: boolean }): { id: number; request: number } {
    this.beforeAction();
    const request = this.perform({ do: 'addServer', voter: checkAddOptions(options) })!;
    return { id: this.world.ids.length, request };
  }

  /** Removes a voter or learner of the configuration in use; returns the request's id. */
  removeServer(id: number): number {
    this.beforeAction();
    return this.perform({ do: 'removeServer', node: this.checkId(id) })!;
  }

  /**
   * Makes `ids` the voters, by joint consensus (§4.3): C_old,new first, then C_new. Every id
   * must be a voter or learner of the configuration in use. Returns the request's id; it is
   * answered once C_new is committed.
   */
  changeVoters(ids: readonly number[]): number {
    this.beforeAction();
    return this.perform({
      do: 'changeVoters',
      voters: checkVoterList(ids, this.world.ids.length),
    })!;
  }

  /**
   * The leader hands leadership to voter `to`: it stops taking requests, brings `to` up to date
   * and sends it TimeoutNow, and `to` stands at once. Returns the request's id: answered once
   * TimeoutNow is sent, or refused if `to` does not catch up within an election timeout.
   */
  transferLeadership(to: number): number {
    this.beforeAction();
    return this.perform({ do: 'transferLeadership', to: this.checkId(to) })!;
  }

  /**
   * The configuration in use: the leader's (with no leader, that of the live server with the
   * highest term): `{ voters, learners, joint: { old, new } | null }`.
   */
  configuration(): ClusterConfiguration {
    return describeConfiguration(clusterConfigOf(this.world));
  }

  /** A client write `set key value` through `via` (default: the leader, else the lowest live id). */
  write(key: string, value: string, via?: number): number {
    this.beforeAction();
    const command = {
      kind: 'set',
      key: checkText('key', key),
      value: checkText('value', value),
    } as const;
    const target = via === undefined ? null : this.checkId(via);
    return this.perform({ do: 'write', command, via: target })!;
  }

  /** A client write `delete key`. */
  remove(key: string, via?: number): number {
    this.beforeAction();
    const command = { kind: 'delete', key: checkText('key', key) } as const;
    const target = via === undefined ? null : this.checkId(via);
    return this.perform({ do: 'delete', command, via: target })!;
  }

  /**
   * A client write `append key value`: the key's string gets `value` at its end (a missing key
   * counts as ""). Sent with the client's session (§6.3), so a retried copy applies only once.
   */
  append(key: string, value: string, via?: number): number {
    this.beforeAction();
    const command = {
      kind: 'append',
      key: checkText('key', key),
      value: checkText('value', value),
    } as const;
    const target = via === undefined ? null : this.checkId(via);
    return this.perform({ do: 'append', command, via: target })!;
  }

  /**
   * A client read of `key` (thesis §6.4) through `via` (default: the leader, else the lowest live
   * id), in `mode` 'readIndex' (the default), 'lease' or 'local' (unchecked, may be stale).
   * Returns the request id; `request(id).value` is what it read once it is ok.
   */
  read(key: string, options?: { via?: number; mode?: 'readIndex' | 'lease' | 'local' }): number {
    this.beforeAction();
    const checkedKey = checkText('key', key);
    const { via, mode } = checkReadOptions(options);
    const target = via === undefined ? null : this.checkId(via as number);
    return this.perform({ do: 'read', key: checkedKey, mode: checkReadMode(mode), via: target })!;
  }

  /**
   * Server `id` compacts its log now (thesis §5): what it has applied becomes its snapshot and
   * the entries up to there leave its log. A crashed server cannot (SimError).
   */
  compact(id: number): void {
    this.beforeAction();
    this.perform({ do: 'compact', node: this.checkId(id) });
  }

  // ── Touching messages on the wire ───────────────────────────────────────────────────────

  /** Message `id` waits at its receiver's door until released (see `messagesInFlight`). */
  holdMessage(id: number): void {
    this.beforeAction();
    this.perform({ do: 'hold', message: checkMessageId(id) });
  }

  /** A held message arrives now. */
  releaseMessage(id: number): void {
    this.beforeAction();
    this.perform({ do: 'release', message: checkMessageId(id) });
  }

  /** Every held message arrives now, in the order they were held (none held: SimError). */
  releaseAll(): void {
    this.beforeAction();
    this.perform({ do: 'releaseAll' });
  }

  /** Message `id` dies now, in flight or at the door ('dropped by hand'). */
  dropMessage(id: number): void {
    this.beforeAction();
    this.perform({ do: 'dropMessage', message: checkMessageId(id) });
  }

  /** A copy of message `id` is sent now with the original's latency; returns the copy's id. */
  duplicateMessage(id: number): number {
    this.beforeAction();
    return this.perform({ do: 'duplicate', message: checkMessageId(id) })!;
  }

  /**
   * Manual delivery: on, every message on the wire and every one sent later waits at its
   * receiver's door until released, so a person picks each delivery (see `choices`); off,
   * every held message is released now.
   */
  setManualDelivery(on: boolean): void {
    this.beforeAction();
    this.perform({ do: 'manual', on: checkSwitch(on) });
  }

  manualDelivery(): boolean {
    return this.world.flightsOut.manual;
  }

  /**
   * The next events a person can pick, in the order they would come by themselves: each held
   * message's delivery (at its arrival time) and each running server's timer.
   */
  choices(): Choice[] {
    return this.world.choices();
  }

  /**
   * Takes one action given as data (a script step, a recorded intent). It is checked whole —
   * shape, fields, then the cluster's state — before anything changes. Returns a write's
   * request id, else null.
   */
  apply(action: SimAction): number | null {
    this.beforeAction();
    return this.perform(checkAction(action, this.world.ids.length));
  }

  request(requestId: number): RequestSnapshot {
    return read.requestSnapshotOf(this.world, requestId);
  }

  violations(): Violation[] {
    return [...this.world.violations];
  }

  traceHash(): string {
    return this.world.hash.toString(16).padStart(8, '0');
  }

  /** Every event so far (empty when the trace is switched off). */
  trace(): readonly TraceEvent[] {
    return this.world.events;
  }

  traceLines(): string[] {
    return this.world.events.map(describeEvent);
  }

  eventCount(): number {
    return this.world.eventCount;
  }

  /** One server as the read model shows it (log and kv are live: copy what you keep). */
  nodeView(id: number): NodeView {
    return read.nodeViewOf(this.world, this.checkId(id));
  }

  /** The newest `limit` client requests, oldest first, each with its stage decided here. */
  requestViews(limit: number): RequestView[] {
    return read.requestViewsOf(this.world, limit);
  }

  /** Size, majority, failures survived, the leader and how many properties are checked. */
  facts(): ClusterFacts {
    return read.factsOf(this.world);
  }

  /** Read-only access to a node's full record (status, disk, state machine, fault) for viewers. */
  inspect(id: number): Readonly<NodeRecord> {
    return this.world.node(this.checkId(id));
  }

  /**
   * Whether a live node can exchange messages with a majority of the cluster, itself included,
   * over links that work both ways: a node that cannot is cut off and can neither lead nor commit.
   */
  reachesMajority(id: number): boolean {
    return read.reachesMajorityOf(this.world, this.checkId(id));
  }

  /** The network as the simulator sees it: partition groups, cut links, loss, manual delivery. */
  networkState(): {
    groups: number[][] | null;
    cuts: [number, number][];
    dropRate: number;
    manual: boolean;
  } {
    const n = this.world.network;
    return {
      groups: n.groups(),
      cuts: n.cutLinks(),
      dropRate: this.world.dropRate,
      manual: this.world.flightsOut.manual,
    };
  }

  /** The newest `limit` client requests, newest first. */
  recentClientRequests(limit: number): readonly Readonly<ClientRequestState>[] {
    return this.world.recentRequests(limit);
  }

  clientRequestCount(): number {
    return this.world.requests.size;
  }

  clientRequests(): readonly Readonly<ClientRequestState>[] {
    return [...this.world.requests.values()];
  }

  /**
   * Calls `listener` with every event once the instant (or the action) it belongs to is complete;
   * returns the unsubscribe function. One listener at a time: a new one replaces the last. Like a
   * DOM event listener, one that throws changes nothing: the error goes to `onError` (else to
   * `reportError`, else the console) and the run goes on.
   */
  subscribe(listener: (event: TraceEvent) => void, options: ListenOptions = {}): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError('subscribe takes a function that receives each event');
    }
    if (options.onError !== undefined && typeof options.onError !== 'function') {
      throw new TypeError('onError must be a function when given');
    }
    return this.world.listen(listener, options);
  }

  messagesInFlight(): Flight[] {
    return [...this.world.flights.values()];
  }

  protected checkId(id: number): NodeId {
    return checkNodeId(id, this.world.ids.length);
  }

  /** A run's end: `ms` must be whole milliseconds, 0…MAX_RUN_MS; returns now + ms. */
  protected checkDuration(ms: number): number {
    return this.world.now + checkDuration(ms);
  }

  /** runUntil's condition must be a function; call before running. */
  protected checkPredicate<T>(predicate: (sim: T) => boolean): (sim: T) => boolean {
    return checkPredicate<T>(predicate);
  }

  /** Carries out an action whose every field is checked; call beforeAction first. */
  private perform(checked: CheckedAction): number | null {
    return performAction(this.world, checked, this.crashOnHost);
  }

  /** Made once: `perform` hands it to every action. */
  private readonly crashOnHost = (id: NodeId): void => this.hostCrash(id);

  protected abstract hostCrash(id: NodeId): void;

  /**
   * Called first by every action: an action from inside a run (a runUntil condition, a
   * listener) is refused, by both drivers alike, so one script gives one trace on either.
   */
  protected beforeAction(): void {
    if (this.driver.busy) {
      throw new SimError({ code: 'busy' }, 'the simulation is running; act between runs');
    }
  }
}

/** The synchronous simulation: every node runs in-process through `NodeHost`. */
export class Simulation extends SimulationBase {
  private readonly host: NodeHost;

  constructor(input?: SimOptionsInput, host: NodeHost = new InProcessHost()) {
    super(input);
    this.host = host;
  }

  /** Runs `ms` of virtual time; refused (changing nothing) while another run is in progress. */
  runFor(ms: number): void {
    const until = this.checkDuration(ms);
    driveSync(this.driver, until, this.driver.runFor(until, false), this.host);
  }

  /** Runs until `predicate` holds (checked after each instant's events) or `maxMs` pass. */
  runUntil(predicate: (sim: this) => boolean, maxMs: number): boolean {
    const until = this.checkDuration(maxMs);
    const check = this.checkPredicate(predicate);
    const holds = () => check(this);
    return driveSync(this.driver, until, this.driver.runUntil(holds, until), this.host);
  }

  /** Processes the next instant that has events; false when the queue is empty. */
  stepOnce(): boolean {
    return driveSync(this.driver, Infinity, this.driver.stepOnce(Infinity), this.host);
  }

  protected hostCrash(id: NodeId): void {
    this.host.crash(id);
  }
}

export function createSimulation(options?: SimOptionsInput): Simulation {
  return new Simulation(options);
}
