// The scripting API: `createSimulation(options)` returns a cluster in a deterministic world that
// tests, the CLI, lessons and the UI drive. Same seed and same calls give the same trace.
import type { Command, Entry, NodeId, Role } from '../raft';
import { asNodeId, asTerm, describeCommand, majority } from '../raft';
import type { ClientRequestState, Dispatch, Flight, NodeRecord, Violation } from './world';
import { World } from './world';
import type { NodeHost, InputResult } from './host';
import { InProcessHost } from './host';
import type { SimOptions, SimOptionsInput } from './options';
import { checkDropRate, checkInteger, resolveOptions } from './options';
import type { TraceEvent } from './trace';
import { describeEvent } from './trace';
import type { ClusterFacts, NodeView, RequestStage, RequestView } from './read/readModel';
import { clusterFacts, entryFate } from './read/readModel';
import type { Reason } from './read/reasons';

/** A plain-data picture of one server, safe to keep: later events do not change it. */
export interface NodeSnapshot {
  readonly id: number;
  readonly alive: boolean;
  readonly role: Role;
  readonly term: number;
  readonly votedFor: number | null;
  readonly log: readonly { index: number; term: number; command: Entry['command'] }[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly kv: Readonly<Record<string, string>>;
}

export interface RequestSnapshot {
  readonly status: 'pending' | 'ok' | 'failed';
  readonly index?: number;
  readonly error?: string;
}

/**
 * Everything both drivers share: the checked actions and the read side. Actions validate all
 * of their arguments before touching anything, so a bad call throws and changes nothing.
 */
export abstract class SimulationBase {
  readonly options: SimOptions;
  protected readonly world: World;

  constructor(input?: SimOptionsInput) {
    this.options = resolveOptions(input);
    this.world = new World(this.options);
  }

  get now(): number {
    return this.world.now;
  }

  nodeIds(): number[] {
    return [...this.world.ids];
  }

  node(id: number): NodeSnapshot {
    const r = this.world.node(this.checkId(id));
    return {
      id: r.id,
      alive: r.alive,
      role: r.status?.role ?? 'follower',
      term: r.currentTerm,
      votedFor: r.votedFor,
      log: r.log.map((e, i) => ({ index: i + 1, term: e.term, command: e.command })),
      commitIndex: r.status?.commitIndex ?? 0,
      lastApplied: r.status?.lastApplied ?? 0,
      kv: Object.fromEntries(r.kv),
    };
  }

  /** The live leader with the highest term, or null. */
  leader(): number | null {
    let best: { id: number; term: number } | null = null;
    for (const id of this.world.ids) {
      const r = this.world.node(id);
      if (r.alive && r.status?.role === 'leader' && (!best || r.currentTerm > best.term)) {
        best = { id, term: r.currentTerm };
      }
    }
    return best?.id ?? null;
  }

  crash(id: number): void {
    this.beforeAction();
    const r = this.world.node(this.checkId(id));
    if (!r.alive) throw new Error(`S${id} is already crashed`);
    this.world.halt(r, null);
    this.hostCrash(r.id);
    this.world.action('crash', r.id, `S${id} crashed`);
  }

  restart(id: number): void {
    this.beforeAction();
    const r = this.world.node(this.checkId(id));
    if (r.alive) throw new Error(`S${id} is running; crash it before restarting it`);
    this.world.boot(r);
    this.world.action(
      'restart',
      r.id,
      `S${id} restarted with term ${r.currentTerm}, log ${r.log.length}`,
    );
  }

  /**
   * Replaces a crashed node's disk, to stage a scenario such as the paper's Figure 7. Entries
   * are validated (terms must not decrease, none above currentTerm) before anything changes.
   */
  setDisk(
    id: number,
    disk: {
      currentTerm: number;
      votedFor: number | null;
      log: readonly { term: number; command: Command }[];
    },
  ): void {
    this.beforeAction();
    const r = this.world.node(this.checkId(id));
    if (r.alive) throw new Error(`S${id} is running; crash it before replacing its disk`);
    checkInteger('currentTerm', disk.currentTerm, 0, Number.MAX_SAFE_INTEGER);
    if (disk.votedFor !== null) this.checkId(disk.votedFor);
    let previous = 0;
    for (const [i, e] of disk.log.entries()) {
      checkInteger(`term of entry ${i + 1}`, e.term, 1, disk.currentTerm);
      if (e.term < previous)
        throw new Error(`entry ${i + 1} has term ${e.term}, below the term before it`);
      previous = e.term;
    }
    this.world.writeDisk(
      r,
      disk.currentTerm,
      disk.votedFor,
      disk.log.map((e) => ({ term: asTerm(e.term), command: e.command })),
    );
    this.world.action(
      'fault',
      r.id,
      `S${id} disk set: term ${disk.currentTerm}, log ${disk.log.length}`,
    );
  }

  partition(groups: readonly (readonly number[])[]): void {
    this.beforeAction();
    if (!Array.isArray(groups) || groups.some((g) => !Array.isArray(g) || g.length === 0)) {
      throw new Error('partition takes a list of non-empty groups, e.g. [[1, 2], [3, 4, 5]]');
    }
    const seen = new Set<number>();
    for (const id of groups.flat()) {
      this.checkId(id);
      if (seen.has(id)) throw new Error(`S${id} is in two partition groups`);
      seen.add(id);
    }
    const missing = this.world.ids.filter((id) => !seen.has(id));
    if (missing.length) {
      throw new Error(
        `every node must be in one group; missing ${missing.map((id) => `S${id}`).join(', ')}`,
      );
    }
    const ids = groups.map((g) => g.map(asNodeId));
    this.world.network.partition(ids);
    this.world.action(
      'partition',
      null,
      `partition ${groups.map((g) => `{${g.map((id: number) => `S${id}`).join(',')}}`).join(' | ')}`,
    );
  }

  /** Cuts the link between a and b in both directions: one action, one event. */
  cut(a: number, b: number): void {
    this.checkLink(a, b);
    this.world.network.cutLink(asNodeId(a), asNodeId(b));
    this.world.network.cutLink(asNodeId(b), asNodeId(a));
    this.world.action('cut', null, `link S${a}–S${b} cut`);
  }

  /** Cuts only messages from `from` to `to`. */
  cutOneWay(from: number, to: number): void {
    this.checkLink(from, to);
    this.world.network.cutLink(asNodeId(from), asNodeId(to));
    this.world.action('cut', null, `link S${from}→S${to} cut`);
  }

  /** Every link action checks first, so a bad one changes nothing (and viewers see the whole change). */
  private checkLink(a: number, b: number): void {
    this.beforeAction();
    this.checkId(a);
    this.checkId(b);
    if (a === b) throw new Error(`a link needs two different nodes, not S${a} twice`);
  }

  /** Restores the link between a and b in both directions (partitions stay). */
  restoreLink(a: number, b: number): void {
    this.beforeAction();
    this.checkId(a);
    this.checkId(b);
    this.world.network.restoreLink(asNodeId(a), asNodeId(b));
    this.world.network.restoreLink(asNodeId(b), asNodeId(a));
    this.world.action('cut', null, `link S${a}–S${b} restored`);
  }

  heal(): void {
    this.beforeAction();
    this.world.network.heal();
    this.world.action('heal', null, 'network healed');
  }

  setDropRate(p: number): void {
    this.beforeAction();
    checkDropRate(p);
    this.world.dropRate = p;
    this.world.action('drop rate', null, `drop rate ${Math.round(p * 100)}%`);
  }

  /** The node's election timer fires at the current instant. */
  timeout(id: number): void {
    this.beforeAction();
    const r = this.world.node(this.checkId(id));
    if (!r.alive) throw new Error(`S${id} is crashed; restart it first`);
    this.world.forceTimeout(r.id);
    this.world.action('timeout', r.id, `S${id} election timer fired by hand`);
  }

  /** A client write `set key value` through `via` (default: the leader, else the lowest live id). */
  write(key: string, value: string, via?: number): number {
    return this.submit(
      { kind: 'set', key: checkText('key', key), value: checkText('value', value) },
      via,
    );
  }

  /** A client write `delete key`. */
  remove(key: string, via?: number): number {
    return this.submit({ kind: 'delete', key: checkText('key', key) }, via);
  }

  request(requestId: number): RequestSnapshot {
    const r = this.world.requests.get(requestId);
    if (!r) throw new Error(`unknown request ${requestId}`);
    return {
      status: r.status,
      ...(r.index !== undefined ? { index: r.index } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
    };
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
    const r = this.world.node(this.checkId(id));
    const s = r.status;
    return {
      id: r.id,
      alive: r.alive,
      fault: r.fault === null ? null : { code: 'runtimeFailed', detail: r.fault },
      role: s?.role ?? 'follower',
      term: r.currentTerm,
      votedFor: r.votedFor,
      leaderId: s?.leaderId ?? null,
      commitIndex: s?.commitIndex ?? 0,
      lastApplied: s?.lastApplied ?? 0,
      electionDeadline: s?.electionDeadline ?? 0,
      electionTimeoutMs: s?.electionTimeoutMs ?? 0,
      heartbeatDeadline: s?.heartbeatDeadline ?? -1,
      votes: s?.votes ?? NONE,
      progress: s?.progress ?? NONE,
      log: r.log,
      truncations: r.truncations,
      kv: r.kv,
      lost: r.alive ? null : r.lost,
      cutOff: r.alive && !this.reachesMajority(id),
    };
  }

  /** The newest `limit` client requests, oldest first, each with its stage decided here. */
  requestViews(limit: number): RequestView[] {
    const nodes = this.world.ids.map((id) => this.world.node(id));
    return this.world
      .recentRequests(limit)
      .reverse()
      .map((r) => {
        const index = r.appended?.index ?? null;
        const term = r.appended?.term ?? null;
        const fate =
          index === null || term === null
            ? null
            : entryFate(nodes.map(nodeFacts), r.id, index, term);
        let stage: RequestStage = r.forwardedTo.length ? 'forwarded' : 'sent';
        if (fate) {
          stage = fate.applied
            ? 'applied'
            : fate.committed
              ? 'committed'
              : fate.replaced
                ? 'replaced'
                : 'appended';
        }
        if (r.status === 'ok') stage = 'acknowledged';
        if (r.status === 'failed') stage = 'failed';
        return {
          id: r.id,
          command: r.command,
          via: r.via,
          sentAt: r.sentAt,
          stage,
          forwardedTo: r.forwardedTo,
          index,
          term,
          storedOn: fate?.storedOn ?? 0,
          failure: r.status === 'failed' ? failureOf(r.error ?? '') : null,
          settledAt: r.settledAt ?? null,
          committedAfterFailure: r.status === 'failed' && fate !== null && fate.committed,
        };
      });
  }

  /** Size, majority, failures survived, the leader and how many properties are checked. */
  facts(): ClusterFacts {
    const leader = this.leader();
    return clusterFacts(
      this.world.ids.length,
      leader === null
        ? null
        : { id: asNodeId(leader), term: this.world.node(asNodeId(leader)).currentTerm },
      6,
    );
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
    const me = this.checkId(id);
    const net = this.world.network;
    const reachable = this.world.ids.filter(
      (other) =>
        other === me ||
        (this.world.node(other).alive && net.linkUp(me, other) && net.linkUp(other, me)),
    ).length;
    return reachable >= majority(this.world.ids.length);
  }

  /** The network as the simulator sees it: partition groups, cut links, loss. */
  networkState(): { groups: number[][] | null; cuts: [number, number][]; dropRate: number } {
    const n = this.world.network;
    return { groups: n.groups(), cuts: n.cutLinks(), dropRate: this.world.dropRate };
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

  /** Calls `listener` after every event; returns the unsubscribe function. One listener at a time. */
  subscribe(listener: (event: TraceEvent) => void): () => void {
    this.world.onEvent = listener;
    return () => {
      if (this.world.onEvent === listener) this.world.onEvent = null;
    };
  }

  messagesInFlight(): Flight[] {
    return [...this.world.flights.values()];
  }

  protected checkId(id: number): NodeId {
    if (!Number.isInteger(id) || id < 1 || id > this.world.ids.length) {
      throw new Error(`unknown node ${String(id)}: this cluster has S1…S${this.world.ids.length}`);
    }
    return asNodeId(id);
  }

  protected checkDuration(ms: number): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new Error(`a duration must be a number of milliseconds ≥ 0, not ${String(ms)}`);
    }
    return this.world.now + Math.floor(ms);
  }

  private submit(command: Command, via?: number): number {
    this.beforeAction();
    const target = via === undefined ? this.defaultTarget() : this.checkId(via);
    const id = this.world.submit(command, target);
    this.world.action(
      'write',
      target,
      `client request #${id} ${describeCommand(command)} → S${target}`,
    );
    return id;
  }

  private defaultTarget(): NodeId {
    const leader = this.leader();
    if (leader !== null) return asNodeId(leader);
    const live = this.world.ids.find((id) => this.world.node(id).alive);
    return live ?? asNodeId(1);
  }

  protected abstract hostCrash(id: NodeId): void;

  /** Called first by every action; a driver that runs asynchronously refuses actions mid-run. */
  protected beforeAction(): void {}
}

/** The synchronous simulation: every node runs in-process through `NodeHost`. */
export class Simulation extends SimulationBase {
  private readonly host: NodeHost;

  constructor(input?: SimOptionsInput, host: NodeHost = new InProcessHost()) {
    super(input);
    this.host = host;
  }

  runFor(ms: number): void {
    const until = this.checkDuration(ms);
    for (let d = this.world.nextDispatch(until); d; d = this.world.nextDispatch(until))
      this.execute(d);
    this.world.now = until;
  }

  /** Runs until `predicate` holds (checked after each instant's events) or `maxMs` pass. */
  runUntil(predicate: (sim: this) => boolean, maxMs: number): boolean {
    const until = this.checkDuration(maxMs);
    if (predicate(this)) return true;
    for (let d = this.world.nextDispatch(until); d; d = this.world.nextDispatch(until)) {
      this.execute(d);
      if (predicate(this)) return true;
    }
    this.world.now = until;
    return predicate(this);
  }

  /** Processes the next instant that has events; false when the queue is empty. */
  stepOnce(): boolean {
    const d = this.world.nextDispatch(Infinity);
    if (d) this.execute(d);
    return d !== null;
  }

  private execute(d: Dispatch): void {
    for (const boot of d.boots) this.host.boot(boot);
    const results: InputResult[][] = d.batches.map((b) => this.host.step(b));
    this.world.commit(d, results);
  }

  protected hostCrash(id: NodeId): void {
    this.host.crash(id);
  }
}

export function createSimulation(options?: SimOptionsInput): Simulation {
  return new Simulation(options);
}

const NONE: readonly never[] = Object.freeze([]);

function nodeFacts(r: NodeRecord) {
  return {
    log: r.log,
    commitIndex: r.status?.commitIndex ?? 0,
    lastApplied: r.status?.lastApplied ?? 0,
  };
}

/** The world's failure text as a coded reason (the world will record codes itself). */
function failureOf(error: string): Reason {
  const noLeader = /^no leader known \(S(\d+)\)$/.exec(error);
  if (noLeader) return { code: 'noLeaderKnown', node: Number(noLeader[1]) };
  const timeout = /^no reply within (\d+) ms$/.exec(error);
  if (timeout) return { code: 'clientTimeout', ms: Number(timeout[1]) };
  return { code: 'runtimeFailed', detail: error };
}

function checkText(name: string, text: unknown): string {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) {
    throw new Error(`${name} must be text of 1 to 64 characters`);
  }
  return text;
}
