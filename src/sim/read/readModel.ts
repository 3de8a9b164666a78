// The one read model of a running cluster (simulator layer): what every viewer — the scripting
// API, the store's frames, the UI — learns about nodes, client requests and the cluster, decided
// here once. Facts are data and codes; the store adds structural sharing, the UI adds words.
import type { ClientCommand, Command, Entry, LogIndex, NodeId, Role } from '../../raft';
import { failuresTolerated, majority } from '../../raft';
import type { ProgressView } from '../host';
import type { Reason } from './reasons';

/**
 * A leader's record of one follower (Figure 2's leader state, and flow control): the status's
 * ProgressView in the read model's plain numbers.
 */
export interface FollowerProgress {
  readonly id: number;
  readonly nextIndex: number;
  readonly matchIndex: number;
  /**
   * Flow control, as etcd's raft does it: `probe` sends one AppendEntries and waits for its
   * answer (after a rejection, or at first); `replicate` streams entries without waiting, up to a
   * window; `snapshot` waits while the follower installs a snapshot.
   */
  readonly state: ProgressView['state'];
  /** AppendEntries carrying entries that were sent and not yet answered. */
  readonly inflight: number;
}

/** What a crash wiped out: the volatile state the node had (its disk kept term, vote and log). */
export interface LostState {
  readonly role: Role;
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly keys: number;
}

/**
 * One server as every viewer sees it. `log` and `kv` are the simulator's live, read-only
 * structures (the disk log and the state machine): copy what you keep past the next event.
 */
export interface NodeView {
  readonly id: number;
  readonly alive: boolean;
  /** The runtime's own failure (a worker that threw, hung or never loaded), if any. */
  readonly fault: Reason | null;
  readonly role: Role;
  readonly term: number;
  readonly votedFor: number | null;
  readonly leaderId: number | null;
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** Absolute virtual ms; the election timer drains from deadline − timeout to deadline. */
  readonly electionDeadline: number;
  readonly electionTimeoutMs: number;
  readonly heartbeatDeadline: number;
  readonly votes: readonly number[];
  /** Leader only: what it knows of each follower, and how it feeds it. */
  readonly progress: readonly FollowerProgress[];
  /**
   * The log as on disk (also the live log while the node runs) after its snapshot: index i at
   * [i − 1 − logBase] (with no snapshot, logBase is 0 and index i is at [i − 1]).
   */
  readonly log: readonly Entry[];
  /** The last index the snapshot covers (§5); 0 without one. */
  readonly logBase: number;
  /** The snapshot on disk (§5): its last index and term, or null. */
  readonly snapshot: {
    readonly lastIncludedIndex: number;
    readonly lastIncludedTerm: number;
  } | null;
  /**
   * Reads this server holds (§6.4): each read's id and mode, its read index once noted (-1
   * before), the voters that confirmed it (null until safe) and, for a lease read, until when
   * the lease held (-1 otherwise).
   */
  readonly reads: readonly PendingReadView[];
  /** Bumped whenever entries were removed from the log, so a viewer can tell a rewrite. */
  readonly truncations: number;
  readonly kv: ReadonlyMap<string, string>;
  /** While crashed: what the crash wiped out. */
  readonly lost: LostState | null;
  /** Live, but can reach fewer than a majority (itself included) over links up both ways. */
  readonly cutOff: boolean;
  /**
   * The configuration this server uses (thesis §4.1: the latest in its log, committed or not):
   * its voters, learners and, during a joint change, the outgoing voters; null otherwise.
   */
  readonly voters: readonly number[];
  readonly learners: readonly number[];
  readonly joint: { readonly old: readonly number[]; readonly new: readonly number[] } | null;
  /**
   * What this server is in the configuration in use (the leader's): a voter, a learner
   * catching up or listening, or outside it (added and not yet taken in, or removed).
   */
  readonly member: Membership;
  /** Leader only: the voter it is handing leadership to (§3.10), else null. */
  readonly transferTo: number | null;
  /**
   * Whether it may stand for election, as the core decides: a voter of its own configuration,
   * or a voter whose removal it has not seen committed (§4.2.2). False while crashed.
   */
  readonly canStand: boolean;
}

export type Membership = 'voter' | 'learner' | 'outside';

export interface PendingReadView {
  readonly requestId: number;
  readonly mode: 'readIndex' | 'lease';
  readonly index: number;
  readonly confirmedBy: readonly number[] | null;
  readonly leaseUntil: number;
  /** The server whose client asked (a follower that asked the leader for the read index). */
  readonly origin: number;
}

/**
 * A client request's life, decided from what happened to its own entry:
 * sent → forwarded → appended → committed → applied → acknowledged; `replaced` when the entry a
 * leader appended was overwritten before it committed; `failed` when the client gave up or was
 * refused (a failed request whose entry commits later says so with `committedAfterFailure`).
 */
export type RequestStage =
  | 'sent'
  | 'forwarded'
  | 'appended'
  | 'replaced'
  /** A read: the leader noted its read index. */
  | 'noted'
  /** A read: a majority confirmed leadership (readIndex) or the lease held (lease). */
  | 'confirmed'
  | 'committed'
  | 'applied'
  | 'acknowledged'
  | 'failed';

export interface RequestView {
  readonly id: number;
  readonly command: ClientCommand;
  readonly via: number;
  readonly sentAt: number;
  readonly stage: RequestStage;
  /** Servers that passed it on towards a leader, in order. */
  readonly forwardedTo: readonly number[];
  /** Where a leader first appended it. */
  readonly index: number | null;
  readonly term: number | null;
  /** Disks (running or crashed) that hold this very entry at that index. */
  readonly storedOn: number;
  /** Why it failed, when it did. */
  readonly failure: Reason | null;
  readonly settledAt: number | null;
  /** It was reported failed, yet its entry committed afterwards (Raft allows this). */
  readonly committedAfterFailure: boolean;
  /** Each time the client sent it again (§6.3), and to whom. */
  readonly retries: readonly { readonly at: number; readonly to: number }[];
  /** A write's session: client id and sequence number (§6.3); null for reads and membership. */
  readonly session: { readonly client: number; readonly seq: number } | null;
  /** Indexes of copies of this write the session filtered as duplicates when applied. */
  readonly duplicateAt: readonly number[];
  /** It was answered with the session's saved reply (a copy had been applied already). */
  readonly answeredAsDuplicate: boolean;
  /**
   * A read's progress (§6.4), once a server holds it: the read index noted (-1 before), the
   * voters that confirmed leadership (null before), the lease's end (-1 unless a lease read);
   * once answered, the value read (null: no such key). Null for anything but a read.
   */
  readonly read: {
    readonly mode: 'readIndex' | 'lease' | 'local';
    readonly index: number;
    readonly confirmedBy: readonly number[] | null;
    readonly leaseUntil: number;
    readonly value: string | null | undefined;
  } | null;
}

/** Cluster-wide facts every screen shows. */
export interface ClusterFacts {
  /**
   * Voters of the configuration in use (C_new during a joint change), their majority, and the
   * crashes the cluster survives (during a joint change, the fewer of the two halves').
   */
  readonly size: number;
  readonly majority: number;
  readonly tolerated: number;
  /** The configuration in use: voters, learners, and during a joint change both halves. */
  readonly voters: readonly number[];
  readonly learners: readonly number[];
  readonly joint: {
    readonly old: readonly number[];
    readonly new: readonly number[];
    /** Votes or replicas a majority of C_old needs; C_new's is `majority`. */
    readonly oldMajority: number;
  } | null;
  /**
   * Whether the leader's configuration entry is committed (true for the boot configuration): a
   * change is done only then. False with no leader.
   */
  readonly configCommitted: boolean;
  /**
   * The leader the cluster follows, and its term: the live leader with the highest term, when a
   * majority of the cluster's servers are alive in that term. Null otherwise.
   */
  readonly leader: number | null;
  readonly leaderTerm: number | null;
  /**
   * A live server that believes it leads although no majority is in its term (e.g. cut off, or
   * under heavy loss while the others moved on to higher terms), and its term; else null.
   */
  readonly claimant: number | null;
  readonly claimantTerm: number | null;
  /** The highest term any live server is in (0 when none is alive). */
  readonly highestTerm: number;
  /** How many safety properties are checked after every event. */
  readonly checkers: number;
}

/** Where a request's entry stands, from the logs themselves (not from any one leader's say). */
export function entryFate(
  nodes: readonly Pick<NodeView, 'log' | 'logBase' | 'commitIndex' | 'lastApplied'>[],
  requestId: number,
  index: number,
  term: number,
  committedAt: number | null = null,
): { storedOn: number; committed: boolean; applied: boolean; replaced: boolean } {
  let storedOn = 0;
  let committed = false;
  let applied = false;
  let other = false;
  for (const n of nodes) {
    // Inside a snapshot (§5): the entry there is the committed one, this one if it committed there.
    const inSnapshot = index <= n.logBase;
    const entry = inSnapshot ? undefined : n.log[index - 1 - n.logBase];
    if (inSnapshot && committedAt === index) {
      storedOn++;
      committed = applied = true;
    } else if (inSnapshot) other = true;
    else if (entry && entry.term === term && entry.requestId === requestId) {
      storedOn++;
      if (n.commitIndex >= index) committed = true;
      if (n.lastApplied >= index) applied = true;
    } else if (entry && n.commitIndex >= index) other = true;
  }
  // Another entry committed at that index: this one can never commit there.
  return { storedOn, committed, applied, replaced: !committed && other };
}

/**
 * The facts from the live servers' terms. `leader` is the live leader with the highest term (at
 * most one per term, by Election Safety); the cluster follows it only if a majority of the
 * voters in use are alive in its term. E.g. 5 voters at terms [97 leader, 125, 125, 125, 124]:
 * no majority is in term 97, so S1 is only a claimant and the facts say no leader, term 125.
 * `live` lists each live server's id and term.
 */
export function clusterFacts(
  config: { voters: readonly NodeId[]; learners: readonly NodeId[]; old: readonly NodeId[] | null },
  leader: { id: NodeId; term: number; configCommitted: boolean } | null,
  live: readonly { id: number; term: number }[],
  checkers: number,
): ClusterFacts {
  let highestTerm = 0;
  let inLeaderTerm = 0;
  for (const { id, term } of live) {
    if (term > highestTerm) highestTerm = term;
    if (leader && term === leader.term && config.voters.includes(id as NodeId)) inLeaderTerm++;
  }
  const size = config.voters.length;
  const followed = leader !== null && inLeaderTerm >= majority(size);
  return {
    size,
    majority: majority(size),
    // During a joint change both halves must keep a majority: the weaker half decides.
    tolerated:
      config.old === null
        ? failuresTolerated(size)
        : Math.min(failuresTolerated(size), failuresTolerated(config.old.length)),
    voters: config.voters,
    learners: config.learners,
    joint:
      config.old === null
        ? null
        : { old: config.old, new: config.voters, oldMajority: majority(config.old.length) },
    leader: followed ? leader.id : null,
    leaderTerm: followed ? leader.term : null,
    claimant: leader && !followed ? leader.id : null,
    claimantTerm: leader && !followed ? leader.term : null,
    highestTerm,
    checkers,
    configCommitted: followed && leader.configCommitted,
  };
}

export type { LogIndex };

/** The entries found at one index on some logs: one row per distinct term there. */
export interface LogVariant {
  readonly index: number;
  readonly term: number;
  readonly command: Command;
  /** Servers whose log holds this entry (same index and term). */
  readonly holders: readonly number[];
  /** Some holder has it committed. */
  readonly committed: boolean;
  /** Another entry (a different term) stands at the same index on some log. */
  readonly conflict: boolean;
}

/**
 * The cluster's logs side by side for the newest `maxIndexes` indexes, newest first, one row per
 * distinct (index, term). Example: S1 and S2 hold term 2 at index 3 and S3 holds term 3 there →
 * two rows for index 3, both marked `conflict`. Returns the rows and how many older indexes
 * were left out.
 */
export function logVariants(
  nodes: readonly Pick<NodeView, 'id' | 'log' | 'logBase' | 'commitIndex'>[],
  maxIndexes: number,
): { rows: LogVariant[]; older: number } {
  const longest = Math.max(0, ...nodes.map((n) => n.logBase + n.log.length));
  const first = Math.max(1, longest - maxIndexes + 1);
  const rows: LogVariant[] = [];
  for (let i = longest; i >= first; i--) {
    const byTerm = new Map<
      number,
      { term: number; command: Command; holders: number[]; committed: boolean }
    >();
    for (const n of nodes) {
      const entry = i > n.logBase ? n.log[i - 1 - n.logBase] : undefined;
      if (!entry) continue;
      const v = byTerm.get(entry.term) ?? {
        term: entry.term,
        command: entry.command,
        holders: [],
        committed: false,
      };
      v.holders.push(n.id);
      if (n.commitIndex >= i) v.committed = true;
      byTerm.set(entry.term, v);
    }
    const here = [...byTerm.values()].sort((a, b) => b.term - a.term);
    for (const v of here) rows.push({ index: i, ...v, conflict: here.length > 1 });
  }
  return { rows, older: first - 1 };
}
