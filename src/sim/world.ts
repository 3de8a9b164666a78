// The simulated world: virtual time, the event queue, the network, the nodes' disks and
// statuses, the clients, the checkers and the trace. It never steps a node itself: it hands
// out a `Dispatch` (every node's inputs for the next instant) and takes back the results, so a
// synchronous in-process host and an asynchronous worker host drive the very same world.
//
// Longer than the house's 400 lines on purpose: the dispatch loop, the lazily moved timers, the
// one-at-a-time client timeouts and the lookahead planner all rest on one invariant (events leave
// the queue in (time, seq) order, whatever is queued lazily), and keeping them in one file keeps
// that invariant in one place. Sections: driving, lookahead, results, network, clients, faults.
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
import type { Finding, RuleId } from './read/rules';
import { describeFinding } from './read/rules';
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
  /** The property's English name, e.g. "Election Safety". */
  readonly rule: string;
  readonly ruleId: RuleId;
  readonly at: number;
  /** The number of the event that broke it (its frame is seq + 1). */
  readonly seq: number;
  /** That event in one English line. */
  readonly event: string;
  /** What was found, in one English sentence. */
  readonly detail: string;
  /** What was found, as a code and its parameters. */
  readonly finding: Finding;
}

type TickEvent = { kind: 'tick'; at: number; seq: number; node: NodeId; gen: number };
type ClientTimeoutEvent = { kind: 'clientTimeout'; at: number; seq: number; requestId: number };
type Queued =
  | TickEvent
  | { kind: 'deliver'; at: number; seq: number; flight: Flight }
  | { kind: 'lose'; at: number; seq: number; flight: Flight }
  | ClientTimeoutEvent
  | { kind: 'forceTimeout'; at: number; seq: number; node: NodeId };

/** Everything the host must do for the next virtual instant: boots first, then the batches. */
export interface Dispatch {
  readonly at: number;
  readonly boots: readonly BootRequest[];
  readonly batches: readonly NodeBatch[];
}

const NO_BOOTS: readonly BootRequest[] = Object.freeze([]);

/** A rule a checker found broken by the event being applied, and how. */
interface Found {
  readonly checker: Checker;
  readonly finding: Finding;
}

export class World implements ClusterView {
  readonly ids: readonly NodeId[];
  readonly raftOptions: RaftOptions;
  now = 0;
  dropRate: number;
  readonly network = new Network();
  readonly requests = new Map<number, ClientRequestState>();
  readonly violations: Violation[] = [];
  readonly events: TraceEvent[] = [];
  eventCount = 0;
  /** Called after every event, with the world already showing its effect (for viewers). */
  onEvent: ((event: TraceEvent) => void) | null = null;
  hash = HASH_SEED;
  /** Indexed by node id (slot 0 unused). */
  private readonly records: NodeRecord[] = [];
  private readonly queue = new EventQueue<Queued>();
  private readonly prng: Prng;
  private readonly checkers: Checker[] = allCheckers();
  // Each hook's checkers, listed once so the per-event loops call only checkers that listen.
  private readonly stepHooks = this.checkers.filter((c) => c.afterStep);
  private readonly logWriteHooks = this.checkers.filter((c) => c.afterLogWrite);
  private readonly commitHooks = this.checkers.filter((c) => c.afterCommit);
  private readonly applyHooks = this.checkers.filter((c) => c.afterApply);
  private readonly ackHooks = this.checkers.filter((c) => c.afterAck);
  // The queue holds one tick per node and one client timeout at a time; the rest wait here,
  // each already given its place (at, seq) in the event order (see reconcileTimer and submit).
  /** Per node id, the tick in the queue that stands for its timer, if any. */
  private readonly queuedTick: (TickEvent | null)[] = [];
  /** Per node id, the seq its timer got when last set. */
  private readonly timerSeq: number[] = [];
  /** Client timeouts in (at, seq) order, from `clientTimeoutHead` on; the first is queued. */
  private readonly clientTimeouts: (ClientTimeoutEvent | undefined)[] = [];
  private clientTimeoutHead = 0;
  private clientTimeoutQueued = false;
  /** The inputs gathered for the instant being dispatched, by node id, and who has any. */
  private readonly inbox: (Input[] | undefined)[] = [];
  private readonly addressees: NodeId[] = [];
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
      this.records[id] = record;
      this.boot(record);
    }
  }

  /**
   * Messages on the wire, by id in the order they were sent. Read from the event queue (each
   * is a pending delivery or loss there) rather than kept alongside it on every send.
   */
  get flights(): ReadonlyMap<number, Flight> {
    const list: Flight[] = [];
    for (const e of this.queue.items()) {
      if (e.kind === 'deliver' || e.kind === 'lose') list.push(e.flight);
    }
    list.sort((a, b) => a.id - b.id);
    return new Map(list.map((f) => [f.id, f]));
  }

  node(id: NodeId): NodeRecord {
    const record = this.records[id];
    if (record === undefined || record.id !== id) {
      throw new Error(`unknown node ${id}: this cluster has S1…S${this.ids.length}`);
    }
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
      while (this.queue.peek()?.at === at) this.handleQueued(this.queue.pop()!);
      if (this.addressees.length === 0) continue;
      const boots = this.pendingBoots.length === 0 ? NO_BOOTS : this.takeBoots();
      return { at, boots, batches: this.takeBatches() };
    }
  }

  /**
   * The smallest gap between an input and any node input it can cause: a message takes at least
   * the minimum latency, and a timer set by an input fires at least a heartbeat interval or a
   * minimum election timeout later. Inputs closer together than this cannot influence each other.
   */
  lookaheadMs(): number {
    const o = this.options;
    return Math.min(o.latencyMs[0], o.heartbeatMs, o.electionTimeoutMs[0]);
  }

  /**
   * Predicts, without changing anything, every node input of the window that starts at the next
   * event and lasts `lookaheadMs()` (capped at `until`), per node in (time, seq) order. Nothing an
   * input of the window causes can land inside it, so `nextDispatch` will hand out exactly these
   * inputs, except ticks that an earlier input of the window made moot (a no-op for the node).
   */
  planWindow(until: number): { end: number; batches: NodeBatch[] } | null {
    const top = this.queue.peek();
    const horizon = this.lookaheadMs();
    if (!top || top.at > until || horizon < 1) return null;
    const end = Math.min(top.at + horizon - 1, until);
    const planned: { at: number; seq: number; id: NodeId; input: Input }[] = [];
    for (const e of this.queue.items()) {
      if (e.at > end) continue;
      if (e.kind === 'forceTimeout' && this.node(e.node).alive) {
        planned.push({ at: e.at, seq: e.seq, id: e.node, input: { kind: 'timeout', now: e.at } });
      } else if (e.kind === 'deliver') {
        const m = e.flight.message;
        if (m.to === CLIENT_ID || !this.node(m.to).alive || !this.network.linkUp(m.from, m.to))
          continue;
        planned.push({
          at: e.at,
          seq: e.seq,
          id: m.to,
          input: { kind: 'message', now: e.at, message: m },
        });
      }
    }
    for (const record of this.records) {
      if (record?.alive && record.timerAt >= 0 && record.timerAt <= end) {
        const at = record.timerAt;
        planned.push({
          at,
          seq: this.timerSeq[record.id]!,
          id: record.id,
          input: { kind: 'tick', now: at },
        });
      }
    }
    planned.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const byNode = new Map<NodeId, Input[]>();
    for (const p of planned) {
      const list = byNode.get(p.id);
      if (list) list.push(p.input);
      else byNode.set(p.id, [p.input]);
    }
    const batches = [...byNode].sort(([a], [b]) => a - b).map(([id, inputs]) => ({ id, inputs }));
    return { end, batches };
  }

  /** The gathered inputs as batches in node-id order; the inbox is empty afterwards. */
  private takeBatches(): NodeBatch[] {
    const ids = this.addressees;
    // Insertion sort: an instant rarely involves more than a few nodes.
    for (let i = 1; i < ids.length; i++) {
      const id = ids[i]!;
      let j = i - 1;
      for (; j >= 0 && ids[j]! > id; j--) ids[j + 1] = ids[j]!;
      ids[j + 1] = id;
    }
    const batches: NodeBatch[] = [];
    for (const id of ids) {
      batches.push({ id, inputs: this.inbox[id]! });
      this.inbox[id] = undefined;
    }
    while (ids.length > 0) ids.pop();
    return batches;
  }

  private addInput(id: NodeId, input: Input): void {
    const list = this.inbox[id];
    if (list) list.push(input);
    else {
      this.inbox[id] = [input];
      this.addressees.push(id);
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
    const { batches } = dispatch;
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i]!;
      const record = this.node(batch.id);
      if (!record.alive) continue;
      const list = results[i];
      if (list) {
        for (let j = 0; j < batch.inputs.length; j++) {
          const result = list[j];
          if (result) this.applyResult(record, batch.inputs[j]!, result);
        }
      }
      this.reconcileTimer(record);
    }
  }

  private handleQueued(e: Queued): void {
    switch (e.kind) {
      case 'tick': {
        const record = this.node(e.node);
        if (this.queuedTick[e.node] !== e) return; // superseded by an earlier timer
        if (record.alive && e.gen !== record.timerGen && record.timerAt >= e.at) {
          // The timer was set later since this tick was queued: it moves there, in its place.
          e.at = record.timerAt;
          e.seq = this.timerSeq[e.node]!;
          e.gen = record.timerGen;
          this.queue.push(e);
          return;
        }
        this.queuedTick[e.node] = null;
        if (!record.alive || e.gen !== record.timerGen) return;
        record.timerAt = -1;
        return this.addInput(e.node, { kind: 'tick', now: e.at });
      }
      case 'forceTimeout':
        if (this.node(e.node).alive) this.addInput(e.node, { kind: 'timeout', now: e.at });
        return;
      case 'lose':
        return this.recordLoss(e.flight, e.flight.lossReason ?? 'dropped');
      case 'deliver': {
        const { flight } = e;
        const m = flight.message;
        if (m.to === CLIENT_ID) return this.onClientReply(m);
        if (!this.node(m.to).alive) return this.lose(flight, 'receiver down');
        if (!this.network.linkUp(m.from, m.to)) return this.lose(flight, 'partitioned');
        return this.addInput(m.to, { kind: 'message', now: e.at, message: m });
      }
      case 'clientTimeout': {
        this.queueNextClientTimeout();
        const request = this.requests.get(e.requestId);
        if (request?.status !== 'pending') return;
        this.settle(request, 'failed', `no reply within ${this.options.clientTimeoutMs} ms`);
        return;
      }
    }
  }

  /**
   * Applies one input's result to the node's record, runs the checkers and folds the event into
   * the digest. The event object itself is built only when someone will read it: the trace is
   * kept, a viewer listens, or a checker found a violation to describe.
   */
  private applyResult(record: NodeRecord, input: Input, result: InputResult): void {
    const id = record.id;
    const roleBefore = record.status?.role ?? 'follower';
    const termBefore = record.currentTerm;
    const commitBefore = record.status?.commitIndex ?? 0;
    const logBefore = record.log.length;
    let found: Found[] | null = null;
    const { outputs } = result;
    for (let i = 0; i < outputs.length; i++) {
      const out = outputs[i]!;
      if (out.kind === 'persist') {
        record.currentTerm = out.currentTerm;
        record.votedFor = out.votedFor;
        if (out.logFrom > 0) {
          this.writeLog(record, out.logFrom, out.entries);
          this.noteAppended(id, out.logFrom, out.entries);
          for (const c of this.logWriteHooks)
            found = noteFinding(found, c, c.afterLogWrite!(this, id, out.logFrom));
        }
      } else if (out.kind === 'send') {
        this.send(out.message);
        if (out.message.kind === 'ClientRequest') {
          this.requests.get(out.message.requestId)?.forwardedTo.push(out.message.to);
        }
      } else {
        applyCommand(record.kv, out.entry.command);
        for (const c of this.applyHooks)
          found = noteFinding(found, c, c.afterApply!(id, out.index, out.entry));
      }
    }
    const status = result.status;
    record.status = status;
    const term = record.currentTerm;
    if (status.commitIndex > commitBefore) {
      for (const c of this.commitHooks)
        found = noteFinding(found, c, c.afterCommit!(this, id, commitBefore, status.commitIndex));
    }
    const becameLeader =
      status.role === 'leader' && (roleBefore !== 'leader' || termBefore !== term);
    for (const c of this.stepHooks)
      found = noteFinding(found, c, c.afterStep!(this, id, becameLeader));

    // Node (bits 0–3), input kind (4–7) and role after (8–11) share one word.
    const head = id | (inputCode(input.kind) << 4) | (roleCode(status.role) << 8);
    let h = mixHash(mixHash(this.hash, this.now), head);
    if (input.kind === 'message') h = hashMessage(h, input.message);
    h = mixHash(mixHash(mixHash(h, term), status.commitIndex), record.log.length);
    for (let i = 0; i < outputs.length; i++) {
      const out = outputs[i]!;
      if (out.kind === 'send') h = hashMessage(h, out.message);
    }
    if (found === null && !this.options.keepTrace && this.onEvent === null) {
      this.hash = h;
      this.eventCount++;
      return;
    }
    const event: TraceEvent = {
      kind: 'step',
      seq: this.eventCount,
      at: this.now,
      node: id,
      input: input.kind,
      message: input.kind === 'message' ? input.message : null,
      before: {
        role: roleBefore,
        term: termBefore,
        commitIndex: commitBefore,
        logLength: logBefore,
      },
      after: brief(record),
      sent: outputs.flatMap((out) => (out.kind === 'send' ? [out.message] : [])),
    };
    this.record(event, h);
    for (const f of found ?? []) this.violate(f, event);
  }

  /** The disk write: the log from `from` on becomes `entries`; digests follow. */
  private writeLog(record: NodeRecord, from: number, entries: readonly Entry[]): void {
    if (from - 1 < record.log.length) {
      record.truncations++;
      record.log.length = from - 1;
      record.prefix.length = from;
    }
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

  /**
   * Sets the node's timer to its next wake-up. The timer takes its place in the event order,
   * (wake, seq), now; but when a tick already queued fires no later than that, it is left to
   * move itself on when it fires, instead of leaving a stale tick per reset in the queue (a
   * follower resets its timer on every heartbeat). The order of events is the same either way.
   */
  private reconcileTimer(record: NodeRecord): void {
    if (!record.alive || !record.status) return;
    const wake = Math.max(record.status.wakeAt, this.now + 1);
    if (record.timerAt === wake) return;
    record.timerGen++;
    record.timerAt = wake;
    const seq = this.seq++;
    this.timerSeq[record.id] = seq;
    const queued = this.queuedTick[record.id];
    if (queued && queued.at <= wake) return;
    const tick: TickEvent = { kind: 'tick', at: wake, seq, node: record.id, gen: record.timerGen };
    this.queuedTick[record.id] = tick;
    this.queue.push(tick);
  }

  /** Queues the earliest waiting client timeout, if any (they wait in order: see submit). */
  private queueNextClientTimeout(): void {
    const waiting = this.clientTimeouts;
    this.clientTimeoutQueued = this.clientTimeoutHead < waiting.length;
    if (this.clientTimeoutQueued) {
      this.queue.push(waiting[this.clientTimeoutHead]!);
      waiting[this.clientTimeoutHead++] = undefined;
    }
    if (this.clientTimeoutHead >= 1024 && this.clientTimeoutHead * 2 >= waiting.length) {
      waiting.splice(0, this.clientTimeoutHead);
      this.clientTimeoutHead = 0;
    }
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

  /** The newest `limit` client requests, newest first, without walking all of them. */
  recentRequests(limit: number): ClientRequestState[] {
    const out: ClientRequestState[] = [];
    for (let id = this.nextRequestId - 1; id >= 1 && out.length < limit; id--) {
      const request = this.requests.get(id);
      if (request) out.push(request);
    }
    return out;
  }

  submit(command: Command, via: NodeId): number {
    const id = this.nextRequestId++;
    this.requests.set(id, {
      id,
      command,
      via,
      sentAt: this.now,
      status: 'pending',
      forwardedTo: [],
    });
    this.send({ kind: 'ClientRequest', from: CLIENT_ID, to: via, requestId: id, command, hops: 0 });
    // Timeouts come due in the order they are set (now only grows), so only the earliest needs
    // to sit in the queue; each takes its place (at, seq) now, so the event order is unchanged.
    const timeout: ClientTimeoutEvent = {
      kind: 'clientTimeout',
      at: this.now + this.options.clientTimeoutMs,
      seq: this.seq++,
      requestId: id,
    };
    this.clientTimeouts.push(timeout);
    if (!this.clientTimeoutQueued) this.queueNextClientTimeout();
    return id;
  }

  private onClientReply(m: Message): void {
    if (m.kind !== 'ClientReply') return;
    const request = this.requests.get(m.requestId);
    if (request?.status !== 'pending') return;
    if (!m.ok) {
      this.settle(request, 'failed', `${m.error} (S${m.from})`);
      return;
    }
    request.index = m.index;
    request.term = m.term;
    const event = this.settle(request, 'ok', `applied at index ${m.index} (S${m.from})`);
    const ack = { requestId: request.id, index: m.index, term: m.term, at: this.now };
    let found: Found[] | null = null;
    for (const c of this.ackHooks) found = noteFinding(found, c, c.afterAck!(this, ack));
    for (const f of found ?? []) this.violate(f, event);
  }

  private settle(
    request: ClientRequestState,
    outcome: 'ok' | 'failed',
    detail: string,
  ): TraceEvent {
    request.status = outcome;
    request.settledAt = this.now;
    if (outcome === 'failed') request.error = detail;
    const h = mixHash(mixHash(mixHash(this.hash, this.now), request.id), outcome === 'ok' ? 1 : 2);
    const event: TraceEvent = {
      kind: 'client',
      seq: this.eventCount,
      at: this.now,
      requestId: request.id,
      outcome,
      detail,
    };
    this.record(event, h);
    return event;
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

  private violate(f: Found, event: TraceEvent): void {
    this.violations.push({
      rule: f.checker.rule,
      ruleId: f.checker.id,
      at: this.now,
      seq: event.seq,
      event: describeEvent(event),
      detail: describeFinding(f.finding),
      finding: f.finding,
    });
  }
}

function noteFinding(found: Found[] | null, c: Checker, finding: Finding | null): Found[] | null {
  if (finding === null) return found;
  const list = found ?? [];
  list.push({ checker: c, finding });
  return list;
}

function roleCode(role: Role): number {
  return role === 'follower' ? 1 : role === 'precandidate' ? 2 : role === 'candidate' ? 3 : 4;
}

function inputCode(kind: Input['kind']): number {
  return kind === 'tick' ? 1 : kind === 'timeout' ? 2 : 3;
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
