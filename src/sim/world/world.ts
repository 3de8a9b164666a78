// The simulated world's coordinator (simulator layer). It never steps a node itself: it hands
// out a `Dispatch` (every node's inputs for the next instant, by the one rule of inputRule.ts),
// takes back the results and applies them to disks, network, clients, checkers and the record.
// The rooms it coordinates: schedule (when), flights (who receives what), disks (what is on
// disk), clients (requests), recorder (the trace), checkerSuite (the rules), lookahead (windows).
//
// Past the house's 300 lines on purpose: this is where the rooms meet — an instant's dispatch
// and commit, plus one-line pass-throughs for the API — and it keeps no rule of its own.
import type {
  ClientCommand,
  ConfigState,
  Entry,
  Input,
  Message,
  NodeId,
  RaftOptions,
  Snapshot,
} from '../../raft';
import { CLIENT_ID, asNodeId, deriveSeed } from '../../raft';
import type { ClusterView } from '../checkers';
import type { BootRequest, InputResult, NodeBatch } from '../host';
import { bootNode, statusOf } from '../host';
import { Network } from '../network';
import type { SimOptions } from '../options';
import { Prng } from '../prng';
import { small } from '../small';
import type { Reason } from '../read/reasons';
import type { ActionDetail, ActionName, LossReason, TraceEvent } from '../trace';
import { hashMessage, mixHash, mixString } from '../trace';
import { CheckerSuite } from './checkerSuite';
import type { ClientRequestState, Settled } from './clients';
import { Clients } from './clients';
import type { NodeRecord } from './disks';
import { blankRecord, prefixDigestOf, wipeVolatile, writeDisk, writeSnapshot } from './disks';
import type { Choice, TimerState } from './choices';
import { listChoices } from './choices';
import type { Flight } from './flights';
import { Flights, flightsIn } from './flights';
import type { InputContext } from './inputRule';
import type { NoInput } from './inputRule';
import { addresseeOf, inputOf } from './inputRule';
import type { WindowPlan } from './lookahead';
import { planWindow } from './lookahead';
import type { ListenOptions, Listener } from './recorder';
import { Recorder } from './recorder';
import { applyResult } from './results';
import type { Queued, TickEvent } from './schedule';
import { Schedule, nodeEvent, requestEvent } from './schedule';

/** Everything the host must do for the next virtual instant: boots first, then the batches. */
export interface Dispatch {
  readonly at: number;
  readonly boots: readonly BootRequest[];
  readonly batches: readonly NodeBatch[];
}

const NO_BOOTS: readonly BootRequest[] = Object.freeze([]);
const NO_BATCHES: readonly NodeBatch[] = Object.freeze([]);

/** Empties a list that is filled again soon, keeping its room. */
function emptyList(list: unknown[]): void {
  while (list.length > 0) list.pop();
}

/** A node's batch as the world gathers it: its list is emptied once the dispatch is committed. */
interface InboxBatch {
  readonly id: NodeId;
  readonly inputs: Input[];
}

export class World implements ClusterView, InputContext {
  /** Every server ever in the cluster, 1…N: the first `options.nodes` and any added since. */
  private readonly idList: NodeId[];
  readonly raftOptions: RaftOptions;
  /** The options a server added later boots with: no configuration until its log brings one. */
  private readonly joinerOptions: RaftOptions;
  now = 0;
  readonly network = new Network();
  readonly schedule = new Schedule();
  readonly flightsOut: Flights;
  readonly clients: Clients;
  readonly recorder: Recorder;
  readonly checks: CheckerSuite;
  /** The digest of the log prefix each compacted index ends, by index (see writeSnapshot). */
  private readonly snapshotDigests = new Map<number, number>();
  /** The highest index every server's snapshot covers. */
  private compactedEverywhere = 0;
  /** Indexed by node id (slot 0 unused). */
  private readonly records: NodeRecord[] = [];
  /**
   * The inputs gathered for the instant being dispatched, by node id, and who has any. Each
   * node's batch, the list of batches and the dispatch itself are made once and reused for
   * every instant: a dispatch is committed before the next one is made, and nothing keeps one
   * past its commit (hosts read their batches at once; a lookahead window plans its own).
   */
  private readonly batchOf: InboxBatch[] = [];
  private readonly addressees: NodeId[] = [];
  private readonly batches: InboxBatch[] = [];
  private readonly dispatch: { at: number; boots: readonly BootRequest[]; batches: InboxBatch[] } =
    { at: 0, boots: NO_BOOTS, batches: this.batches };
  private pendingBoots: BootRequest[] = [];

  constructor(readonly options: SimOptions) {
    this.recorder = new Recorder(options.keepTrace);
    this.clients = new Clients(options.clientRetryMs > 0);
    const prng = new Prng(options.seed);
    this.flightsOut = new Flights(
      prng,
      this.network,
      this.schedule,
      options.latencyMs,
      options.dropRate,
    );
    this.idList = Array.from({ length: options.nodes }, (_, i) => asNodeId(i + 1));
    this.checks = new CheckerSuite(this, [...this.idList]);
    this.raftOptions = {
      ids: [...this.idList],
      electionTimeoutMs: options.electionTimeoutMs,
      heartbeatMs: options.heartbeatMs,
      maxEntriesPerAppend: options.maxEntriesPerAppend,
      preVote: options.preVote,
      checkQuorum: options.checkQuorum,
      rules: options.rules,
      snapshotEvery: options.snapshotEvery,
    };
    this.joinerOptions = { ...this.raftOptions, ids: [] };
    for (const id of this.ids) {
      this.records[id] = blankRecord(id);
      this.boot(this.records[id]);
    }
  }

  // ── What the API and viewers read ─────────────────────────────────────────────────────

  get ids(): readonly NodeId[] {
    return this.idList;
  }

  get dropRate(): number {
    return this.flightsOut.dropRate;
  }

  set dropRate(p: number) {
    this.flightsOut.dropRate = p;
  }

  get hash(): number {
    return this.recorder.hash;
  }

  get eventCount(): number {
    return this.recorder.eventCount;
  }

  get events(): readonly TraceEvent[] {
    return this.recorder.events;
  }

  get violations(): CheckerSuite['violations'] {
    return this.checks.violations;
  }

  get requests(): ReadonlyMap<number, ClientRequestState> {
    return this.clients.requests;
  }

  /** Messages on the wire, by id in the order they were sent. */
  get flights(): ReadonlyMap<number, Flight> {
    return flightsIn(this.schedule.items(), this.flightsOut.held);
  }

  /** What a person can make happen next: each held delivery and each running server's timer. */
  choices(): Choice[] {
    const timers: TimerState[] = [];
    for (const id of this.idList) {
      const r = this.records[id]!;
      const at = this.schedule.timerOf(id);
      if (r.alive && at >= 0) timers.push({ node: id, at, leader: r.status?.role === 'leader' });
    }
    return listChoices(this.flightsOut.held.values(), timers);
  }

  node(id: NodeId): NodeRecord {
    const record = this.records[id];
    if (record === undefined || record.id !== id) {
      throw new Error(`unknown node ${id}: this cluster has S1…S${this.ids.length}`);
    }
    return record;
  }

  isAlive(id: NodeId): boolean {
    return this.node(id).alive;
  }

  linkUp(from: NodeId, to: NodeId): boolean {
    return this.network.linkUp(from, to);
  }

  nextDeadlineAfter(id: NodeId, t: number): number {
    const s = this.node(id).status;
    if (!s) return -1;
    // A leader's heartbeat and quorum check, or a follower's election timer, and a waiting read's.
    const leader = s.role === 'leader';
    const a = leader ? s.heartbeatDeadline : s.electionDeadline;
    const b = leader ? s.checkQuorumDeadline : -1;
    let next = -1;
    for (const at of [a, b, s.readDeadline]) if (at > t && (next < 0 || at < next)) next = at;
    return next;
  }

  /** The newest `limit` client requests, newest first. */
  recentRequests(limit: number): ClientRequestState[] {
    return this.clients.recent(limit);
  }

  /** Sets the one listener of events; see Recorder for when it hears them. */
  listen(listener: Listener, options?: ListenOptions): () => void {
    return this.recorder.listen(listener, options);
  }

  // ── Driving ───────────────────────────────────────────────────────────────────────────

  /**
   * Pops every event of the next instant up to `until`; null when nothing is due by then. An
   * instant with node inputs stays open (its events unheard) until `commit`. With
   * `everyInstant`, an instant without node inputs (a client hearing back, a loss) is returned
   * too, with no batches, so a run that asks a question after each instant asks it there as well.
   */
  nextDispatch(until: number, everyInstant = false): Dispatch | null {
    // The last dispatch is committed by now: its lists are free again. Emptied by pop, which
    // keeps each list's room (setting length to 0 would give it up, and the next push allocate).
    for (const batch of this.batches) emptyList(batch.inputs);
    emptyList(this.batches);
    for (;;) {
      const top = this.schedule.peek();
      if (!top || top.at > until) return null;
      const at = top.at;
      if (at > Number.MAX_SAFE_INTEGER) {
        throw new Error(`simulator bug: an event at ${at} ms, past the last safe millisecond`);
      }
      this.now = small(at);
      this.recorder.hold();
      while (this.schedule.peek()?.at === at) this.handleQueued(this.schedule.pop()!);
      if (this.addressees.length > 0) {
        const d = this.dispatch;
        d.at = at;
        d.boots = this.pendingBoots.length === 0 ? NO_BOOTS : this.takeBoots();
        this.takeBatches();
        return d;
      }
      if (everyInstant) return { at, boots: NO_BOOTS, batches: NO_BATCHES };
      this.recorder.release();
    }
  }

  /** The lookahead window from the next event on (see lookahead.ts); changes nothing. */
  planWindow(until: number): WindowPlan | null {
    return planWindow(this, this.options, until);
  }

  /** Boots requested since the last dispatch (restarts); the host runs them before any step. */
  takeBoots(): BootRequest[] {
    const boots = this.pendingBoots;
    this.pendingBoots = [];
    return boots;
  }

  /**
   * Takes the host's results for `dispatch`, in node order, one result per input (a node that
   * failed meanwhile is skipped), sets every stepped node's timer, then closes the instant.
   */
  commit(dispatch: Dispatch, results: readonly (readonly InputResult[])[]): void {
    const { batches } = dispatch;
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i]!;
      const record = this.node(batch.id);
      if (!record.alive) continue;
      const list = results[i];
      if (list) {
        for (let j = 0; j < batch.inputs.length; j++) {
          const result = list[j];
          if (result) applyResult(this, record, batch.inputs[j]!, result);
        }
      }
      this.setTimer(record);
    }
    this.recorder.release();
  }

  /** One queued event of the instant being dispatched: a node input, a loss, a client's news. */
  private handleQueued(e: Queued): void {
    const input = inputOf(e, this);
    if (typeof input === 'string') return this.handleNoInput(e, input);
    if (e.kind === 'tick' && !this.tickDue(e, input.now)) return;
    this.addInput(addresseeOf(e), input);
  }

  /**
   * Whether the reminder `e` fires now: it does when its timer is due at its very place (at,
   * seq); when the timer was set later since, the reminder moves there instead.
   */
  private tickDue(e: TickEvent, timerAt: number): boolean {
    if (timerAt === e.at && this.schedule.timerSeqOf(e.node) === e.seq) {
      this.schedule.dropReminder(e);
      this.schedule.clearTimer(e.node);
      return true;
    }
    if (timerAt < e.at) throw new Error(`simulator bug: S${e.node}'s timer lies in the past`);
    this.schedule.moveReminder(e);
    return false;
  }

  private handleNoInput(e: Queued, why: NoInput): void {
    if (e.kind === 'tick') return this.schedule.dropReminder(e);
    if (e.kind === 'clientTimeout') {
      this.schedule.queueNextClientTimeout();
      const event = this.settled(
        this.clients.timeout(e.requestId, this.options.clientTimeoutMs, this.now),
      );
      if (event === null) return;
      this.checks.afterClientGaveUp(e.requestId, this.now);
      return this.checks.report(event, this.now);
    }
    if (e.kind === 'clientRetry') return this.retry(e.requestId);
    if (e.kind !== 'deliver' && e.kind !== 'lose') return;
    const { flight } = e;
    if (why === 'client reply') return this.clientReply(flight);
    if (why === 'lost on the wire')
      return this.recordLoss(flight.message, flight.lossReason ?? 'dropped');
    if (why === 'receiver down' || why === 'partitioned' || why === 'dropped')
      this.lose(flight, why);
  }

  /** The gathered inputs as this.batches, in node-id order; no one is an addressee afterwards. */
  private takeBatches(): void {
    const ids = this.addressees;
    // Insertion sort: an instant rarely involves more than a few nodes.
    for (let i = 1; i < ids.length; i++) {
      const id = ids[i]!;
      let j = i - 1;
      for (; j >= 0 && ids[j]! > id; j--) ids[j + 1] = ids[j]!;
      ids[j + 1] = id;
    }
    for (const id of ids) this.batches.push(this.batchOf[id]!);
    emptyList(ids);
  }

  private addInput(id: NodeId, input: Input): void {
    const batch = (this.batchOf[id] ??= { id, inputs: [] });
    if (batch.inputs.length === 0) this.addressees.push(id);
    batch.inputs.push(input);
  }

  /** Sets a running node's timer to its next wake-up, never earlier than the next millisecond. */
  private setTimer(record: NodeRecord): void {
    if (!record.alive || !record.status) return;
    this.schedule.setTimer(record.id, Math.max(record.status.wakeAt, this.now + 1));
  }

  // ── Network and clients ───────────────────────────────────────────────────────────────

  /**
   * Puts a message on the wire (flights.ts draws its latency and fate); `answeredWith`, for a
   * leader's successful reply to a client, the configuration it counted.
   */
  send(message: Message, answeredWith: ConfigState | null = null): void {
    this.flightsOut.send(message, this.now, answeredWith);
  }

  private lose(flight: Flight, reason: LossReason): void {
    flight.lostAt = this.now;
    flight.lossReason = reason;
    this.recordLoss(flight.message, reason);
  }

  private recordLoss(message: Message, reason: LossReason): void {
    const h = hashMessage(mixHash(mixHash(this.recorder.hash, this.now), 0xdead), message);
    this.recorder.record(
      { kind: 'lost', seq: this.recorder.eventCount, at: this.now, message, reason },
      h,
    );
  }

  /** A client request through `via`, with its timeout (and retries, §6.3); returns its id. */
  submit(command: ClientCommand, via: NodeId): number {
    const request = this.clients.open(command, via, this.now);
    const id = request.id;
    this.sendRequest(request, via);
    this.schedule.addClientTimeout(this.now + this.options.clientTimeoutMs, id);
    this.queueRetry(id);
    this.checks.afterInvoke(request, this.now);
    return id;
  }

  private sendRequest(request: ClientRequestState, to: NodeId): void {
    const { id: requestId, command, session } = request;
    this.send(
      session === null
        ? { kind: 'ClientRequest', from: CLIENT_ID, to, requestId, command, hops: 0 }
        : { kind: 'ClientRequest', from: CLIENT_ID, to, requestId, command, hops: 0, session },
    );
  }

  private queueRetry(requestId: number): void {
    const ms = this.options.clientRetryMs;
    if (ms > 0) this.schedule.add(requestEvent('clientRetry', this.now + ms, requestId));
  }

  /** Thesis §6.3: an unanswered request goes out again, with the same session, until it settles. */
  private retry(requestId: number): void {
    const request = this.clients.requests.get(requestId);
    if (request?.status !== 'pending') return;
    const to = this.clients.retryTarget(request, this.ids);
    request.retries.push({ at: this.now, to });
    this.sendRequest(request, to);
    this.queueRetry(requestId);
  }

  private clientReply(flight: Flight): void {
    const m = flight.message;
    if (m.kind !== 'ClientReply') return;
    const event = this.settled(this.clients.reply(m, this.now));
    if (event === null) return;
    this.checks.afterAnswer(m, this.now);
    // A refusal, a transfer's answer (TimeoutNow went out) and a read's acknowledge no entry.
    const kind = this.clients.requests.get(m.requestId)?.command.kind;
    if (!m.ok || kind === 'transferLeadership' || kind === 'read') {
      return this.checks.report(event, this.now);
    }
    const config = flight.answeredWith;
    if (config === null) throw new Error(`simulator bug: reply #${m.requestId} was never sent`);
    this.checks.afterAck({
      requestId: m.requestId,
      index: m.index,
      term: m.term,
      at: this.now,
      config,
    });
    this.checks.report(event, this.now);
  }

  /** Records a settled request's event, if one settled. */
  private settled(settled: Settled | null): TraceEvent | null {
    if (settled === null) return null;
    const { request, outcome, detail, by } = settled;
    const h = mixHash(
      mixHash(mixHash(this.recorder.hash, this.now), request.id),
      outcome === 'ok' ? 1 : 2,
    );
    const event: TraceEvent = {
      kind: 'client',
      seq: this.recorder.eventCount,
      at: this.now,
      requestId: request.id,
      outcome,
      detail,
      index: outcome === 'ok' ? (request.index ?? null) : null,
      by,
      failure: outcome === 'failed' ? request.failure : null,
      request: request.command.kind,
    };
    this.recorder.record(event, h);
    return event;
  }

  // ── Faults and actions ────────────────────────────────────────────────────────────────

  /**
   * A new server, id one past the highest, with an empty disk, booted now with no
   * configuration of its own: it learns the cluster's from the log. While the network is
   * partitioned it joins the group of `near` (the server its request goes through).
   */
  addServer(near: NodeId | null): NodeRecord {
    const id = asNodeId(this.idList.length + 1);
    this.idList.push(id);
    this.records[id] = blankRecord(id);
    this.network.join(id, near);
    this.boot(this.records[id]);
    return this.records[id];
  }

  /** Boots a node from its disk at the current time; the host is told with the next dispatch. */
  boot(record: NodeRecord): void {
    record.incarnation++;
    const request: BootRequest = {
      id: record.id,
      options: record.id <= this.options.nodes ? this.raftOptions : this.joinerOptions,
      disk: {
        currentTerm: record.currentTerm,
        votedFor: record.votedFor,
        log: [...record.log],
        snapshot: record.snapshot,
      },
      seed: deriveSeed(this.options.seed, record.id * 1000 + record.incarnation + 1),
      now: this.now,
    };
    record.alive = true;
    record.fault = null;
    // §5: the state machine starts as the snapshot left it (the core does the same).
    record.kv = new Map(record.snapshot?.kv ?? []);
    record.status = statusOf(bootNode(request));
    this.pendingBoots.push(request);
    this.setTimer(record);
  }

  /** The node stops: its volatile state is gone, its disk stays; `fault` says why, if it failed. */
  halt(record: NodeRecord, fault: Reason | null): void {
    wipeVolatile(record, fault);
    this.schedule.clearTimer(record.id);
    this.pendingBoots = this.pendingBoots.filter((b) => b.id !== record.id);
  }

  /**
   * A node's disk takes a snapshot (§5). The digest of the prefix it covers: a server that
   * compacts its own log reads it from that log (so a prefix that differs, with a rule switched
   * off, still differs); one that installs the leader's snapshot gets the digest noted when the
   * leader's prefix was compacted there.
   */
  writeSnapshot(
    record: NodeRecord,
    snapshot: Snapshot,
    entries: readonly Entry[],
    installed: boolean,
  ): void {
    const at = snapshot.lastIncludedIndex;
    const digest = installed ? this.snapshotDigests.get(at) : prefixDigestOf(record, at);
    if (digest === undefined) {
      throw new Error(`simulator bug: S${record.id} took a snapshot at ${at} nobody compacted`);
    }
    if (!installed && !this.snapshotDigests.has(at)) this.snapshotDigests.set(at, digest);
    writeSnapshot(record, snapshot, entries, digest);
    // Indexes every server has compacted are never written or applied again: forget them.
    let floor = Infinity;
    for (const id of this.idList) floor = Math.min(floor, this.records[id]!.logBase);
    if (floor > this.compactedEverywhere) {
      this.compactedEverywhere = floor;
      this.checks.afterCompaction(floor);
      for (const at of this.snapshotDigests.keys()) if (at < floor) this.snapshotDigests.delete(at);
    }
  }

  /** Replaces a (crashed) node's whole disk; the simulation API validates first. */
  writeDisk(record: NodeRecord, currentTerm: number, votedFor: number | null, log: Entry[]): void {
    writeDisk(record, currentTerm, votedFor, log);
  }

  /** The server takes a snapshot of what it has applied, as its next input (§5). */
  compact(id: NodeId): void {
    this.schedule.add(nodeEvent('compact', this.now, id));
  }

  forceTimeout(id: NodeId): void {
    this.schedule.add(nodeEvent('forceTimeout', this.now, id));
  }

  /** Records a user or script action; the listener hears it at once unless an instant is open. */
  action(action: ActionName, node: NodeId | null, text: string, detail: ActionDetail): void {
    // The digest folds in the English text (as it always has); `detail` says the same as data.
    const h = mixString(mixHash(mixHash(this.recorder.hash, this.now), node ?? 0), text);
    this.recorder.record(
      { kind: 'action', seq: this.recorder.eventCount, at: this.now, action, node, text, detail },
      h,
    );
    this.recorder.flush();
  }
}
