// The contract between the simulator and its safety checkers. Checkers sit outside the nodes,
// read only what the simulator records (disks, statuses, applies, client replies) and each owns
// one property of §5.2–§5.4. They work incrementally so they can run after every event.
import type {
  ClientCommand,
  ConfigState,
  Entry,
  LogIndex,
  NodeId,
  Snapshot,
  Term,
} from '../../raft';
import type { NodeStatus } from '../host';
import type { Finding, RuleId } from '../read/rules';

/** What a checker may read about one node. */
export interface NodeView {
  readonly alive: boolean;
  /** Null while crashed. */
  readonly status: NodeStatus | null;
  /**
   * The log as the node's disk holds it after its snapshot (§5): index i at [i − 1 − logBase].
   * Read it through entryOf, lastIndexOf and digestOf below.
   */
  readonly log: readonly Entry[];
  /** The last index the node's snapshot covers; 0 without one. */
  readonly logBase: number;
  /** The snapshot (§5): its configuration stands for the configuration entries it covers. */
  readonly snapshot: Snapshot | null;
  /** prefix[k] digests entries 1…logBase + k, so equal digests mean equal prefixes (Log Matching). */
  readonly prefix: readonly number[];
}

/** The node's last log index (its snapshot's, when the log after it is empty). */
export function lastIndexOf(node: NodeView): number {
  return node.logBase + node.log.length;
}

/** The entry at `index`, or undefined when it is past the end or inside the snapshot. */
export function entryOf(node: NodeView, index: number): Entry | undefined {
  return index > node.logBase ? node.log[index - 1 - node.logBase] : undefined;
}

/**
 * The digest of entries 1…index, or undefined past the end or inside the snapshot (the snapshot's
 * own last index has one: its prefix is committed, and known from whoever compacted it).
 */
export function digestOf(node: NodeView, index: number): number | undefined {
  return index >= node.logBase ? node.prefix[index - node.logBase] : undefined;
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

/**
 * What a client saw, in the order it saw it: it sent a request, heard it succeed (a read with
 * the value it read), or gave up on it (refused or timed out: a write may still take effect).
 */
export type ClientOp =
  | {
      readonly kind: 'invoke';
      readonly requestId: number;
      readonly command: ClientCommand;
      readonly at: number;
    }
  | {
      readonly kind: 'ok';
      readonly requestId: number;
      readonly at: number;
      readonly value?: string | null;
    }
  | { readonly kind: 'fail'; readonly requestId: number; readonly at: number };

/** Each hook returns what it found broken, as a coded finding, or null. */
export interface Checker {
  /** The property's stable id; the UI names it in the reader's language. */
  readonly id: RuleId;
  /** The property's English name, for scripts and the CLI. */
  readonly rule: string;
  /**
   * After a node handled one input; `becameLeader` when it was not leader of this term before.
   * Every rule checked here is about leaders, so it is called after each step of a node that
   * leads, and after its first step once it no longer leads, but not for a node that did not
   * lead at its last call either (most steps of a run: the checker would return at once).
   */
  afterStep?(view: ClusterView, id: NodeId, becameLeader: boolean): Finding | null;
  /** The node's disk log changed from index `from` on. */
  afterLogWrite?(view: ClusterView, id: NodeId, from: number): Finding | null;
  /** The node's commitIndex rose from `from` to `to`. */
  afterCommit?(view: ClusterView, id: NodeId, from: number, to: number): Finding | null;
  afterApply?(id: NodeId, index: LogIndex, entry: Entry): Finding | null;
  /** A client was told its write succeeded; the disks are as they are at that moment. */
  afterAck?(view: ClusterView, ack: Acknowledged): Finding | null;
  /** A client sent a request, heard back, or gave up (the history clients see). */
  afterClient?(op: ClientOp): Finding | null;
  /**
   * Every server's snapshot now covers index `upTo` (§5): none will write or apply an index at or
   * below it again, so what a checker keeps for those indexes may go. Finds nothing.
   */
  afterCompaction?(upTo: number): void;
}

/**
 * A checker that counts its own work (entries, acknowledgements or terms it looked at), so a test
 * can show by counting, not timing, that the cost of one event does not grow with history.
 */
export interface Metered {
  readonly work: number;
}
