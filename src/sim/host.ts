// The one interface through which the simulator steps nodes, and the in-process host that
// implements it with plain function calls. The Web Worker host (src/worker) implements the
// same contract asynchronously; both report the same `NodeStatus` built by `statusOf`.
//
// Layer note: the interface lives here rather than in src/worker because the simulator owns
// it and the sync host serves the headless runs; src/worker depends on src/sim, not the reverse.
import type {
  ConfigState,
  Input,
  LogIndex,
  NodeId,
  Output,
  PersistentState,
  RaftNode,
  RaftOptions,
  Role,
  Term,
} from '../raft';
import { acceptsChange, canStand, createNode, nextWakeAt, step, stepOwned } from '../raft';

export interface ProgressView {
  readonly id: NodeId;
  readonly nextIndex: LogIndex;
  readonly matchIndex: LogIndex;
  /** Flow control (see Progress in the core): probe, replicate or snapshot. */
  readonly state: 'probe' | 'replicate' | 'snapshot';
  /** AppendEntries carrying entries sent and not yet answered (replicate). */
  readonly inflight: number;
}

/** The volatile state of a running node, flat and small: it crosses the worker boundary each step. */
export interface NodeStatus {
  readonly role: Role;
  readonly currentTerm: Term;
  readonly votedFor: NodeId | null;
  readonly leaderId: NodeId | null;
  readonly commitIndex: LogIndex;
  readonly lastApplied: LogIndex;
  readonly electionDeadline: number;
  readonly electionTimeoutMs: number;
  readonly heartbeatDeadline: number;
  readonly wakeAt: number;
  /** Leader with CheckQuorum: when its next quorum check is due; -1 otherwise. */
  readonly checkQuorumDeadline: number;
  readonly votes: readonly NodeId[];
  /** Leader only; empty otherwise. */
  readonly progress: readonly ProgressView[];
  /** The configuration this server uses (thesis §4.1: the latest in its log, committed or not). */
  readonly config: ConfigState;
  /** The log index of the entry that configuration comes from; 0 for the one it booted with. */
  readonly configIndex: LogIndex;
  /** Leader only: the voter it is handing over to (§3.10), else null. */
  readonly transferTo: NodeId | null;
  /** Whether it may stand for election (a voter, or a voter whose removal is uncommitted). */
  readonly canStand: boolean;
  /** Leader only: whether it would take a membership change now (§4.1); false otherwise. */
  readonly acceptsChange: boolean;
  /** When the earliest read still waiting to be made safe gives up (§6.4); -1 when none waits. */
  readonly readDeadline: number;
  /** The reads it holds (§6.4), as plain data. */
  readonly reads: readonly ReadStatus[];
}

/** One read a server holds: see PendingRead in the core. */
export interface ReadStatus {
  readonly requestId: number;
  readonly mode: 'readIndex' | 'lease';
  readonly index: number;
  readonly confirmedBy: readonly NodeId[] | null;
  readonly leaseUntil: number;
  readonly origin: NodeId;
}

const NO_READS: readonly ReadStatus[] = Object.freeze([]);

export interface InputResult {
  readonly status: NodeStatus;
  readonly outputs: readonly Output[];
}

export interface BootRequest {
  readonly id: NodeId;
  readonly options: RaftOptions;
  readonly disk: PersistentState;
  readonly seed: number;
  readonly now: number;
}

/** All of one node's inputs for one virtual instant, in order. */
export interface NodeBatch {
  readonly id: NodeId;
  readonly inputs: readonly Input[];
}

/** A host that answers at once: the simulator's own loop drives it. */
export interface NodeHost {
  boot(request: BootRequest): NodeStatus;
  step(batch: NodeBatch): InputResult[];
  crash(id: NodeId): void;
}

/** Shared by every status that is not a leader's (a status is never changed once made). */
const NO_PROGRESS: readonly ProgressView[] = Object.freeze([]);

/**
 * The node's status. With `previous` (the status reported after its last input), that same
 * object comes back when nothing in it changed: most inputs (a heartbeat, its reply) change
 * nothing a status shows, and a status per input was a fifth of the simulator's allocations.
 */
export function statusOf(node: RaftNode, previous: NodeStatus | null = null): NodeStatus {
  const leader = node.role === 'leader';
  const wakeAt = nextWakeAt(node);
  const checkQuorumDeadline = leader && node.options.checkQuorum ? node.checkQuorumDeadline : -1;
  const transferTo = node.transfer?.to ?? null;
  const stands = canStand(node);
  const accepts = leader && acceptsChange(node);
  const readDeadline = readDeadlineOf(node);
  if (
    previous !== null &&
    previous.role === node.role &&
    previous.currentTerm === node.currentTerm &&
    previous.votedFor === node.votedFor &&
    previous.leaderId === node.leaderId &&
    previous.commitIndex === node.commitIndex &&
    previous.lastApplied === node.lastApplied &&
    previous.electionDeadline === node.electionDeadline &&
    previous.electionTimeoutMs === node.electionTimeoutMs &&
    previous.heartbeatDeadline === node.heartbeatDeadline &&
    previous.wakeAt === wakeAt &&
    previous.checkQuorumDeadline === checkQuorumDeadline &&
    previous.votes === node.votes &&
    previous.config === node.config.state &&
    previous.configIndex === node.configIndex &&
    previous.transferTo === transferTo &&
    previous.canStand === stands &&
    previous.acceptsChange === accepts &&
    previous.readDeadline === readDeadline &&
    node.reads.length === 0 &&
    previous.reads.length === 0 &&
    sameProgress(previous.progress, node)
  ) {
    return previous;
  }
  return {
    role: node.role,
    currentTerm: node.currentTerm,
    votedFor: node.votedFor,
    leaderId: node.leaderId,
    commitIndex: node.commitIndex,
    lastApplied: node.lastApplied,
    electionDeadline: node.electionDeadline,
    electionTimeoutMs: node.electionTimeoutMs,
    heartbeatDeadline: node.heartbeatDeadline,
    wakeAt,
    checkQuorumDeadline,
    votes: node.votes,
    progress: leader ? progressOf(node, previous?.progress ?? NO_PROGRESS) : NO_PROGRESS,
    config: node.config.state,
    configIndex: node.configIndex,
    transferTo,
    canStand: stands,
    acceptsChange: accepts,
    readDeadline,
    reads: node.reads.length === 0 ? NO_READS : node.reads.map(readStatusOf),
  };
}

/**
 * A leader's view of each peer's progress, in the order of its configuration's peers; a peer's
 * view in `before` that still holds is that same object (a reply moves one peer at a time).
 */
function progressOf(node: RaftNode, before: readonly ProgressView[]): readonly ProgressView[] {
  const views: ProgressView[] = [];
  for (const id of node.config.peers) {
    const p = node.progress[id];
    if (!p) continue;
    const { nextIndex, matchIndex, flow } = p;
    const known = before[views.length];
    views.push(
      known !== undefined &&
        known.id === id &&
        known.nextIndex === nextIndex &&
        known.matchIndex === matchIndex &&
        known.state === flow.state &&
        known.inflight === flow.inflight.length
        ? known
        : { id, nextIndex, matchIndex, state: flow.state, inflight: flow.inflight.length },
    );
  }
  return views;
}

/** Whether `views` still shows the node's progress (none for a node that does not lead). */
function sameProgress(views: readonly ProgressView[], node: RaftNode): boolean {
  if (node.role !== 'leader') return views.length === 0;
  let i = 0;
  for (const id of node.config.peers) {
    const p = node.progress[id];
    if (!p) continue;
    const v = views[i++];
    if (
      v === undefined ||
      v.id !== id ||
      v.nextIndex !== p.nextIndex ||
      v.matchIndex !== p.matchIndex ||
      v.state !== p.flow.state ||
      v.inflight !== p.flow.inflight.length
    ) {
      return false;
    }
  }
  return i === views.length;
}

function readStatusOf(r: RaftNode['reads'][number]): ReadStatus {
  const { requestId, mode, index, confirmedBy, leaseUntil, origin } = r;
  return { requestId, mode, index, confirmedBy, leaseUntil, origin };
}

function readDeadlineOf(node: RaftNode): number {
  let at = -1;
  for (const r of node.reads) if (r.confirmedBy === null && (at < 0 || r.until < at)) at = r.until;
  return at;
}

/** Boots a node from its disk; shared by every host so they start identically. */
export function bootNode(request: BootRequest): RaftNode {
  return createNode(request.id, request.options, request.disk, request.seed, request.now);
}

/**
 * Steps a node through a batch, writing into `results[i]` the status after input i and its
 * outputs (`results` as long as `inputs`); returns the node after the batch. `status` is the one
 * reported before the batch (an unchanged status is that same object, see statusOf). The node
 * is left as it was unless `owned` says the caller holds its only reference and will keep only
 * the node returned; either way the nodes between two inputs are the batch's own, so every
 * input after the first steps in place.
 */
export function stepBatch(
  node: RaftNode,
  inputs: readonly Input[],
  status: NodeStatus | null,
  results: InputResult[],
  owned = false,
): RaftNode {
  let current = node;
  let last = status;
  for (let i = 0; i < inputs.length; i++) {
    const r = owned || i > 0 ? stepOwned(current, inputs[i]!) : step(current, inputs[i]!);
    current = r.node;
    last = statusOf(current, last);
    results[i] = { status: last, outputs: r.outputs };
  }
  return current;
}

export class InProcessHost implements NodeHost {
  /** Each running node by id, and the status it reported last. */
  private readonly nodes: (RaftNode | undefined)[] = [];
  private readonly statuses: (NodeStatus | undefined)[] = [];

  boot(request: BootRequest): NodeStatus {
    const node = bootNode(request);
    const status = statusOf(node);
    this.nodes[request.id] = node;
    this.statuses[request.id] = status;
    return status;
  }

  step(batch: NodeBatch): InputResult[] {
    const node = this.nodes[batch.id];
    if (!node) throw new Error(`S${batch.id} is not running`);
    const results = new Array<InputResult>(batch.inputs.length);
    const status = this.statuses[batch.id] ?? null;
    this.nodes[batch.id] = stepBatch(node, batch.inputs, status, results, true);
    if (results.length > 0) this.statuses[batch.id] = results[results.length - 1]!.status;
    return results;
  }

  crash(id: NodeId): void {
    this.nodes[id] = undefined;
    this.statuses[id] = undefined;
  }
}
