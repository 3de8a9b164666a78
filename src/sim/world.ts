// The simulated world: virtual time, the event queue, the network, the nodes' disks and
// statuses, the clients, the checkers and the trace. It never steps a node itself: it hands
// out a `Dispatch` (every node's inputs for the next instant) and takes back the results, so a
// synchronous in-process host and an asynchronous worker host drive the very same world.
import type {
  Command,
  Entry,
  Input,
  LogIndex,
  Message,
  NodeId,
  RaftOptions,
  Role,
  Term,
} from '../raft';
import { CLIENT_ID, applyCommand, asNodeId, deriveSeed } from '../raft';
import type { Checker, ClusterView, NodeView } from './checkers';
import { allCheckers } from './checkers';
import { EventQueue } from './eventQueue';
import type { BootRequest, InputResult, NodeBatch, NodeStatus } from './host';
import { bootNode, statusOf } from './host';
import { Network } from './network';
import type { SimOptions } from './options';
import { Prng } from './prng';
import type { Brief, LossReason, TraceEvent } from './trace';
import { HASH_SEED, describeEvent, hashMessage, mixHash, mixString } from './trace';

export interface NodeRecord extends NodeView {
  readonly id: NodeId;
  alive: boolean;
  status: NodeStatus | null;
  /** The disk: currentTerm, votedFor and the log survive a crash. */
  currentTerm: Term;
  votedFor: NodeId | null;
  log: Entry[];
  prefix: number[];
  /** The state machine, rebuilt from scratch after a restart. */
  kv: Map<string, string>;
  incarnation: number;
  /** The runtime's own failure (a worker that threw or hung), if any. */
  fault: string | null;
  /** What the last crash wiped out: the volatile state it had, for "what was lost" on screen. */
  lost: LostState | null;
  /** Counts log rewrites that removed entries, so viewers can tell an append from a truncation. */
  truncations: number;
  timerAt: number;
  timerGen: number;
}

export interface LostState {
  readonly role: Role;
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly keys: number;
}

/** A message on the wire. `lostAt` is set when it dies before arriving. */
export interface Flight {
  readonly id: number;
  readonly message: Message;
  readonly sentAt: number;
  readonly arriveAt: number;
  lostAt: number | null;
  lossReason: LossReason | null;
}

export interface ClientRequestState {
  readonly id: number;
  readonly command: Command;
  readonly via: NodeId;
  readonly sentAt: number;
  status: 'pending' | 'ok' | 'failed';
  /** Where a leader first appended it. */
  appended?: { index: LogIndex; term: Term; by: NodeId };
  /** Servers that passed it on towards the leader, in order. */
  forwardedTo: NodeId[];
  index?: LogIndex;
  term?: Term;
  error?: string;
  settledAt?: number;
}

export interface Violation {
  readonly rule: string;
  readonly at: number;
  readonly event: string;
  readonly detail: string;
}

type Queued =
  | { kind: 'tick'; at: number; seq: number; node: NodeId; gen: number }
  | { kind: 'deliver'; at: number; seq: number; flight: Flight }
  | { kind: 'lose'; at: number; seq: number; flight: Flight }
  | { kind: 'clientTimeout'; at: number; seq: number; requestId: number }
  | { kind: 'forceTimeout'; at: number; seq: number; node: NodeId };

/** Everything the host must do for the next virtual instant: boots first, then the batches. */
export interface Dispatch {
  readonly at: number;
  readonly boots: readonly BootRequest[];
  readonly batches: readonly NodeBatch[];
}

const ROLE_CODE: Record<Role, number> = { follower: 1, precandidate: 2, candidate: 3, leader: 4 };
const INPUT_CODE = { tick: 1, timeout: 2, message: 3 } as const;

export class World implements ClusterView {
  readonly ids: readonly NodeId[];
  readonly raftOptions: RaftOptions;
  now = 0;
  dropRate: number;
  readonly network = new Network();
  readonly flights = new Map<number, Flight>();
  readonly requests = new Map<number, ClientRequestState>();
  readonly violations: Violation[] = [];
  readonly events: TraceEvent[] = [];
  eventCount = 0;
  /** Called after every event, with the world already showing its effect (for viewers). */
  onEvent: ((event: TraceEvent) => void) | null = null;
  hash = HASH_SEED;
  private readonly records = new Map<NodeId, NodeRecord>();
  private readonly queue = new EventQueue<Queued>();
  private readonly prng: Prng;
  private readonly checkers: Checker[] = allCheckers();
  private readonly clientArrival = new Map<number, number>();
  private pendingBoots: BootRequest[] = [];
  private seq = 0;
  private nextMessageId = 1;
  private nextRequestId = 1;

  constructor(readonly options: SimOptions) {
    this.prng = new Prng(options.seed);
    this.dropRate = options.dropRate;
    this.ids = Array.from({ length: options.nodes }, (_, i) => asNodeId(i + 1));
    this.raftOptions = {
      ids: this.ids,
      electionTimeoutMs: options.electionTimeoutMs,
      heartbeatMs: options.heartbeatMs,
      maxEntriesPerAppend: options.maxEntriesPerAppend,
      preVote: options.preVote,
      checkQuorum: options.checkQuorum,
      rules: options.rules,
    };
    for (const id of this.ids) {
      const record: NodeRecord = {
        id,
        alive: false,
        status: null,
        currentTerm: 0 as Term,
        votedFor: null,
        log: [],
        prefix: [HASH_SEED],
        kv: new Map(),
        incarnation: -1,
        fault: null,
        lost: null,
        truncations: 0,
        timerAt: -1,
        timerGen: 0,
      };
      this.records.set(id, record);
      this.boot(record);
    }
  }

  node(id: NodeId): NodeRecord {
    const record = this.records.get(id);
    if (!record) throw new Error(`unknown node ${id}: this cluster has S1…S${this.ids.length}`);
    return record;
  }

  // ── Driving ────────────────────────────────────────────────────────────────────────────

  /** Pops every event of the next instant up to `until`; null when nothing is due by then. */
  nextDispatch(until: number): Dispatch | null {
    for (;;) {
      const top = this.queue.peek();
      if (!top || top.at > until) return null;
      const at = top.at;
      this.now = at;
      const inputs = new Map<NodeId, Input[]>();
      while (this.queue.peek()?.at === at) this.handleQueued(this.queue.pop()!, inputs);
      if (inputs.size === 0) continue;
      const batches = [...inputs]
        .sort(([a], [b]) => a - b)
        .map(([id, list]) => ({ id, inputs: list }));
      return { at, boots: this.takeBoots(), batches };
    }
  }

  /** Boots requested since the last dispatch (restarts); the host runs them before any step. */
  takeBoots(): BootRequest[] {
    const boots = this.pendingBoots;
    this.pendingBoots = [];
    return boots;
  }

  /** Takes the host's results for `dispatch`, in node order, one result per input. */
  commit(dispatch: Dispatch, results: readonly (readonly InputResult[])[]): void {
    dispatch.batches.forEach((batch, i) => {
      const record = this.node(batch.id);
      if (!record.alive) return;
      const list = results[i] ?? [];
      batch.inputs.forEach((input, j) => {
        const result = list[j];
        if (result) this.applyResult(record, input, result);
      });
      this.reconcileTimer(record);
    });
  }

  private handleQueued(e: Queued, inputs: Map<NodeId, Input[]>): void {
    const add = (id: NodeId, input: Input): void => {
      const list = inputs.get(id);
      if (list) list.push(input);
      else inputs.set(id, [input]);
    };
    switch (e.kind) {
      case 'tick': {
        const record = this.node(e.node);
        if (!record.alive || e.gen !== record.timerGen) return;
        record.timerAt = -1;
        return add(e.node, { kind: 'tick', now: e.at });
      }
      case 'forceTimeout':
        if (this.node(e.node).alive) add(e.node, { kind: 'timeout', now: e.at });
        return;
      case 'lose':
        this.flights.delete(e.flight.id);
        return this.recordLoss(e.flight, e.flight.lossReason ?? 'dropped');
      case 'deliver': {
        const { flight } = e;
        const m = flight.message;
        this.flights.delete(flight.id);
        if (m.to === CLIENT_ID) return this.onClientReply(m);
        if (!this.node(m.to).alive) return this.lose(flight, 'receiver down');
        if (!this.network.linkUp(m.from, m.to)) return this.lose(flight, 'partitioned');
        return add(m.to, { kind: 'message', now: e.at, message: m });
      }
      case 'clientTimeout': {
        const request = this.requests.get(e.requestId);
        if (request?.status !== 'pending') return;
        this.settle(request, 'failed', `no reply within ${this.options.clientTimeoutMs} ms`);
        return;
      }
    }
  }

  private applyResult(record: NodeRecord, input: Input, result: InputResult): void {
    const before = brief(record);
    const commitBefore = record.status?.commitIndex ?? 0;
    const sent: Message[] = [];
    const found: [Checker, string | null][] = [];
    for (const out of result.outputs) {
      if (out.kind === 'persist') {
        record.currentTerm = out.currentTerm;
        record.votedFor = out.votedFor;
        if (out.logFrom > 0) {
          this.writeLog(record, out.logFrom, out.entries);
          this.noteAppended(record.id, out.logFrom, out.entries);
          for (const c of this.checkers)
            found.push([c, c.afterLogWrite?.(this, record.id, out.logFrom) ?? null]);
        }
      } else if (out.kind === 'send') {
        this.send(out.message);
        if (out.message.kind === 'ClientRequest') {
          this.requests.get(out.message.requestId)?.forwardedTo.push(out.message.to);
        }
        sent.push(out.message);
      } else {
        applyCommand(record.kv, out.entry.command);
        for (const c of this.checkers)
          found.push([c, c.afterApply?.(record.id, out.index, out.entry) ?? null]);
      }
    }
    record.status = result.status;
    const after = brief(record);
    if (after.commitIndex > commitBefore) {
      for (const c of this.checkers) {
        found.push([c, c.afterCommit?.(this, record.id, commitBefore, after.commitIndex) ?? null]);
      }
    }
    const becameLeader =
      after.role === 'leader' && (before.role !== 'leader' || before.term !== after.term);
    for (const c of this.checkers)
      found.push([c, c.afterStep?.(this, record.id, becameLeader) ?? null]);

    const event: TraceEvent = {
      kind: 'step',
      seq: this.eventCount,
      at: this.now,
      node: record.id,
      input: input.kind,
      message: input.kind === 'message' ? input.message : null,
      before,
      after,
      sent,
    };
    let h = mixHash(mixHash(mixHash(this.hash, this.now), record.id), INPUT_CODE[input.kind]);
    if (input.kind === 'message') h = hashMessage(h, input.message);
    h = mixHash(mixHash(mixHash(h, ROLE_CODE[after.role]), after.term), after.commitIndex);
    h = mixHash(h, after.logLength);
    for (const m of sent) h = hashMessage(h, m);
    this.record(event, h);
    for (const [checker, detail] of found) if (detail) this.violate(checker.rule, event, detail);
  }

  /** The disk write: the log from `from` on becomes `entries`; digests follow. */
  private writeLog(record: NodeRecord, from: number, entries: readonly Entry[]): void {
    if (from - 1 < record.log.length) record.truncations++;
    record.log.length = from - 1;
    record.prefix.length = from;
    for (const entry of entries) {
      record.log.push(entry);
      record.prefix.push(digestEntry(record.prefix[record.prefix.length - 1]!, entry));
    }
  }

  /** Replaces a (crashed) node's whole disk; the simulation API validates first. */
  writeDisk(record: NodeRecord, currentTerm: number, votedFor: number | null, log: Entry[]): void {
    record.currentTerm = currentTerm as Term;
    record.votedFor = votedFor as NodeId | null;
    this.writeLog(record, 1, log);
  }

  private noteAppended(by: NodeId, from: number, entries: readonly Entry[]): void {
    entries.forEach((entry, i) => {
      if (entry.requestId === undefined) return;
      const request = this.requests.get(entry.requestId);
      if (request && !request.appended) {
        request.appended = { index: (from + i) as LogIndex, term: entry.term, by };
      }
    });
  }

  private reconcileTimer(record: NodeRecord): void {
    if (!record.alive || !record.status) return;
    const wake = Math.max(record.status.wakeAt, this.now + 1);
    if (record.timerAt === wake) return;
    record.timerGen++;
    record.timerAt = wake;
    this.schedule({ kind: 'tick', at: wake, seq: 0, node: record.id, gen: record.timerGen });
  }

  private schedule(e: Queued): void {
    e.seq = this.seq++;
    this.queue.push(e);
  }

  // ── The network ────────────────────────────────────────────────────────────────────────

  /** Puts a message on the wire: its latency, and whether (and where) it dies, are drawn now. */
  private send(message: Message): void {
    const [min, max] = this.options.latencyMs;
    const latency = this.prng.intBetween(min, max);
    const dropped = this.prng.chance(this.dropRate);
    let arriveAt = this.now + latency;
    if (message.kind === 'ClientRequest') {
      // A client's requests to one server arrive in the order they were sent.
      const link = message.from * 16 + message.to;
      arriveAt = Math.max(arriveAt, this.clientArrival.get(link) ?? 0);
      this.clientArrival.set(link, arriveAt);
    }
    const flight: Flight = {
      id: this.nextMessageId++,
      message,
      sentAt: this.now,
      arriveAt,
      lostAt: null,
      lossReason: null,
    };
    if (!this.network.linkUp(message.from, message.to)) {
      flight.lostAt = this.now + Math.floor(latency / 2);
      flight.lossReason = 'partitioned';
    } else if (dropped) {
      flight.lostAt = this.now + Math.floor((latency * (this.prng.next() % 100)) / 100);
      flight.lossReason = 'dropped';
    }
    this.flights.set(flight.id, flight);
    const at = flight.lostAt ?? arriveAt;
    this.schedule({ kind: flight.lostAt === null ? 'deliver' : 'lose', at, seq: 0, flight });
  }

  private lose(flight: Flight, reason: LossReason): void {
    flight.lostAt = this.now;
    flight.lossReason = reason;
    this.recordLoss(flight, reason);
  }

  private recordLoss(flight: Flight, reason: LossReason): void {
    const h = hashMessage(mixHash(mixHash(this.hash, this.now), 0xdead), flight.message);
    this.record(
      { kind: 'lost', seq: this.eventCount, at: this.now, message: flight.message, reason },
      h,
    );
  }

  // ── Clients ────────────────────────────────────────────────────────────────────────────

  submit(command: Command, via: NodeId): number {
    const id = this.nextRequestId++;
    this.requests.set(id, { id, command, via, sentAt: this.now, status: 'pending', forwardedTo: [] });
    this.send({ kind: 'ClientRequest', from: CLIENT_ID, to: via, requestId: id, command, hops: 0 });
    this.schedule({
      kind: 'clientTimeout',
      at: this.now + this.options.clientTimeoutMs,
      seq: 0,
      requestId: id,
    });
    return id;
  }

  private onClientReply(m: Message): void {
    if (m.kind !== 'ClientReply') return;
    const request = this.requests.get(m.requestId);
    if (request?.status !== 'pending') return;
    if (!m.ok) return this.settle(request, 'failed', `${m.error} (S${m.from})`);
    request.index = m.index;
    request.term = m.term;
    this.settle(request, 'ok', `applied at index ${m.index} (S${m.from})`);
    const ack = { requestId: request.id, index: m.index, term: m.term, at: this.now };
    for (const c of this.checkers) c.afterAck?.(ack);
  }

  private settle(request: ClientRequestState, outcome: 'ok' | 'failed', detail: string): void {
    request.status = outcome;
    request.settledAt = this.now;
    if (outcome === 'failed') request.error = detail;
    const h = mixHash(mixHash(mixHash(this.hash, this.now), request.id), outcome === 'ok' ? 1 : 2);
    this.record(
      {
        kind: 'client',
        seq: this.eventCount,
        at: this.now,
        requestId: request.id,
        outcome,
        detail,
      },
      h,
    );
  }

  // ── Faults and actions ─────────────────────────────────────────────────────────────────

  /** Boots a node from its disk at the current time; the host is told with the next dispatch. */
  boot(record: NodeRecord): void {
    record.incarnation++;
    const request: BootRequest = {
      id: record.id,
      options: this.raftOptions,
      disk: { currentTerm: record.currentTerm, votedFor: record.votedFor, log: [...record.log] },
      seed: deriveSeed(this.options.seed, record.id * 1000 + record.incarnation + 1),
      now: this.now,
    };
    record.alive = true;
    record.fault = null;
    record.kv = new Map();
    record.status = statusOf(bootNode(request));
    this.pendingBoots.push(request);
    this.reconcileTimer(record);
  }

  /** The node stops: its volatile state is gone, its disk stays. */
  halt(record: NodeRecord, fault: string | null): void {
    record.lost = record.status && {
      role: record.status.role,
      commitIndex: record.status.commitIndex,
      lastApplied: record.status.lastApplied,
      keys: record.kv.size,
    };
    record.alive = false;
    record.status = null;
    record.fault = fault;
    record.kv = new Map();
    record.timerGen++;
    record.timerAt = -1;
    this.pendingBoots = this.pendingBoots.filter((b) => b.id !== record.id);
  }

  forceTimeout(id: NodeId): void {
    this.schedule({ kind: 'forceTimeout', at: this.now, seq: 0, node: id });
  }

  /** Records a user or script action in the trace. */
  action(
    action: Extract<TraceEvent, { kind: 'action' }>['action'],
    node: NodeId | null,
    text: string,
  ): void {
    const h = mixString(mixHash(mixHash(this.hash, this.now), node ?? 0), text);
    this.record({ kind: 'action', seq: this.eventCount, at: this.now, action, node, text }, h);
  }

  private record(event: TraceEvent, hash: number): void {
    this.hash = hash;
    this.eventCount++;
    if (this.options.keepTrace) this.events.push(event);
    this.onEvent?.(event);
  }

  private violate(rule: string, event: TraceEvent, detail: string): void {
    this.violations.push({ rule, at: this.now, event: describeEvent(event), detail });
  }
}

function brief(record: NodeRecord): Brief {
  const s = record.status;
  return {
    role: s?.role ?? 'follower',
    term: record.currentTerm,
    commitIndex: s?.commitIndex ?? 0,
    logLength: record.log.length,
  };
}

function digestEntry(prefix: number, entry: Entry): number {
  let h = mixHash(mixHash(prefix, entry.term), entry.requestId ?? 0);
  const c = entry.command;
  h = mixHash(h, c.kind === 'set' ? 1 : c.kind === 'delete' ? 2 : 3);
  if (c.kind !== 'noop') h = mixString(h, c.key);
  if (c.kind === 'set') h = mixString(mixHash(h, 0x3d), c.value);
  return h;
}
