// The contract between the simulator and its safety checkers. Checkers sit outside the nodes,
// read only what the simulator records (disks, statuses, applies, client replies) and each owns
// one property of §5.2–§5.4. They work incrementally so they can run after every event.
import type { ConfigState, Entry, LogIndex, NodeId, Term } from '../../raft';
import type { NodeStatus } from '../host';
import type { Finding, RuleId } from '../read/rules';

/** What a checker may read about one node. */
export interface NodeView {
  readonly alive: boolean;
  /** Null while crashed. */
  readonly status: NodeStatus | null;
  /** The log as the node's disk holds it, index i at [i - 1]. */
  readonly log: readonly Entry[];
  /** prefix[i] digests entries 1…i, so equal digests mean equal prefixes (Log Matching). */
  readonly prefix: readonly number[];
}

export interface ClusterView {
  /** Every server of the cluster, in ascending order. */
  readonly ids: readonly NodeId[];
  node(id: NodeId): NodeView;
}

export interface Acknowledged {
  readonly requestId: number;
  readonly index: LogIndex;
  readonly term: Term;
  readonly at: number;
  /** The configuration the acknowledging leader counted when it answered (thesis §4.1). */
  readonly config: ConfigState;
}

/** Each hook returns what it found broken, as a coded finding, or null. */
export interface Checker {
  /** The property's stable id; the UI names it in the reader's language. */
  readonly id: RuleId;
  /** The property's English name, for scripts and the CLI. */
  readonly rule: string;
  /** After a node handled one input; `becameLeader` when it was not leader of this term before. */
  afterStep?(view: ClusterView, id: NodeId, becameLeader: boolean): Finding | null;
  /** The node's disk log changed from index `from` on. */
  afterLogWrite?(view: ClusterView, id: NodeId, from: number): Finding | null;
  /** The node's commitIndex rose from `from` to `to`. */
  afterCommit?(view: ClusterView, id: NodeId, from: number, to: number): Finding | null;
  afterApply?(id: NodeId, index: LogIndex, entry: Entry): Finding | null;
  /** A client was told its write succeeded; the disks are as they are at that moment. */
  afterAck?(view: ClusterView, ack: Acknowledged): Finding | null;
}

/**
 * A checker that counts its own work (entries, acknowledgements or terms it looked at), so a test
 * can show by counting, not timing, that the cost of one event does not grow with history.
 */
export interface Metered {
  readonly work: number;
}
