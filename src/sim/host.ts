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
import { acceptsChange, canStand, createNode, nextWakeAt, step } from '../raft';

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

export function statusOf(node: RaftNode): NodeStatus {
  let progress: readonly ProgressView[] = NO_PROGRESS;
  if (node.role === 'leader') {
    const views: ProgressView[] = [];
    progress = views;
    for (const id of node.config.peers) {
      const p = node.progress[id];
      if (p) {
        const { nextIndex, matchIndex, flow } = p;
        views.push({
          id,
          nextIndex,
          matchIndex,
          state: flow.state,
          inflight: flow.inflight.length,
        });
      }
    }
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
    wakeAt: nextWakeAt(node),
    checkQuorumDeadline:
      node.role === 'leader' && node.options.checkQuorum ? node.checkQuorumDeadline : -1,
    votes: node.votes,
    progress,
    config: node.config.state,
    configIndex: node.configIndex,
    transferTo: node.transfer?.to ?? null,
    canStand: canStand(node),
    acceptsChange: node.role === 'leader' && acceptsChange(node),
    readDeadline: readDeadlineOf(node),
    reads: node.reads.length === 0 ? NO_READS : node.reads.map(readStatusOf),
  };
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

/** Steps a node through a batch, reporting the status after each input. */
export function stepBatch(node: RaftNode, inputs: readonly Input[]): [RaftNode, InputResult[]] {
  const results: InputResult[] = [];
  let current = node;
  for (const input of inputs) {
    const r = step(current, input);
    current = r.node;
    results.push({ status: statusOf(current), outputs: r.outputs });
  }
  return [current, results];
}

export class InProcessHost implements NodeHost {
  private readonly nodes = new Map<NodeId, RaftNode>();

  boot(request: BootRequest): NodeStatus {
    const node = bootNode(request);
    this.nodes.set(request.id, node);
    return statusOf(node);
  }

  step(batch: NodeBatch): InputResult[] {
    const node = this.nodes.get(batch.id);
    if (!node) throw new Error(`S${batch.id} is not running`);
    const [next, results] = stepBatch(node, batch.inputs);
    this.nodes.set(batch.id, next);
    return results;
  }

  crash(id: NodeId): void {
    this.nodes.delete(id);
  }
}
