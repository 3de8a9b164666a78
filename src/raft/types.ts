// Core vocabulary of the pure Raft layer: branded ids, log entries, commands and the options
// a node is built with. Everything here is plain data so it crosses a worker boundary as is.

/** A server's id, 1…N. The client is not a server; it is `CLIENT_ID` on the wire. */
export type NodeId = number & { readonly __brand: 'NodeId' };
/** A Raft term (§5.1). Terms only grow on a node. */
export type Term = number & { readonly __brand: 'Term' };
/** A log position; the first entry is at 1, and 0 means "before the first entry". */
export type LogIndex = number & { readonly __brand: 'LogIndex' };

export const asNodeId = (n: number): NodeId => n as NodeId;
export const asTerm = (n: number): Term => n as Term;
export const asIndex = (n: number): LogIndex => n as LogIndex;

/** The simulated client's address. Servers are 1…N, so 0 never names one. */
export const CLIENT_ID = 0 as NodeId;

export type Command =
  | { readonly kind: 'set'; readonly key: string; readonly value: string }
  | { readonly kind: 'delete'; readonly key: string }
  /** Appends `value` to the key's string (a missing key counts as ""): a duplicate shows. */
  | { readonly kind: 'append'; readonly key: string; readonly value: string }
  /** Appended by every new leader in its own term so older entries commit promptly (§5.4.2). */
  | { readonly kind: 'noop' }
  /**
   * A configuration entry (thesis §4.1): the whole configuration from here on, and the change
   * that made it. A server uses the latest one in its log, committed or not.
   */
  | { readonly kind: 'config'; readonly config: ConfigState; readonly change: ConfigChange };

/**
 * Who is in the cluster, as a configuration entry carries it. Plain data: it is written to
 * disk, sent in AppendEntries and crosses the worker boundary as is.
 * Example: S1–S3 vote and S4 catches up to join them: voters [1, 2, 3], learners [4],
 * joining [{ id: 4, requestId: 7 }], old null.
 */
export interface ConfigState {
  /** The voters; during a joint change (§4.3) the incoming set, C_new. Ascending. */
  readonly voters: readonly NodeId[];
  /** Members that receive the log but never vote or count towards a majority (§4.2.1). */
  readonly learners: readonly NodeId[];
  /** During a joint change, the outgoing voters C_old; null otherwise. */
  readonly old: readonly NodeId[] | null;
  /**
   * Learners that were added to become voters: the leader promotes each once it has caught up,
   * answering the request that added it then (null when no client waits).
   */
  readonly joining: readonly Joining[];
}

export interface Joining {
  readonly id: NodeId;
  readonly requestId: number | null;
}

/** What a configuration entry changed, for reading the log: "+S4", "S4 votes", "−S2", joint. */
export type ConfigChange =
  | { readonly op: 'addLearner' | 'promote' | 'remove'; readonly id: NodeId }
  | { readonly op: 'enterJoint' | 'leaveJoint' };

/** A client's request to change the cluster, which the leader turns into configuration entries. */
export type ConfigRequest =
  | { readonly kind: 'addServer'; readonly id: NodeId; readonly voter: boolean }
  | { readonly kind: 'removeServer'; readonly id: NodeId }
  | { readonly kind: 'changeVoters'; readonly voters: readonly NodeId[] }
  | { readonly kind: 'transferLeadership'; readonly to: NodeId };

/**
 * How a read is served (thesis §6.4), safest first: `readIndex` confirms leadership with a
 * round of heartbeats, `lease` trusts a lease that a majority renewed, `local` trusts nothing.
 */
export type ReadMode = 'readIndex' | 'lease' | 'local';

/** A client's read of one key: answered without writing to the log (§6.4). */
export interface ReadRequest {
  readonly kind: 'read';
  readonly key: string;
  readonly mode: ReadMode;
}

/** Anything a client may ask of the cluster: a command, a membership change or a read. */
export type ClientCommand = Command | ConfigRequest | ReadRequest;

/**
 * Who sent a write and its place in that client's sequence (thesis §6.3). The state machine
 * applies each (client, seq) at most once: a retried request that is appended twice is applied
 * once and answered again with the reply it saved.
 */
export interface Session {
  readonly client: number;
  readonly seq: number;
}

export interface Entry {
  readonly term: Term;
  readonly command: Command;
  /** The client request this entry carries, so whichever leader applies it can reply. */
  readonly requestId?: number;
  /** The client's session, so a retried write is applied only once (§6.3). */
  readonly session?: Session;
}

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

/**
 * Figure 2 rules that can be switched off, so tests prove the checkers catch a broken rule
 * and lessons can show why each rule exists. All are on in a correct cluster.
 */
export interface RuleSwitches {
  /** §5.4.1: grant a vote only to a candidate whose log is at least as up to date. */
  readonly electionRestriction: boolean;
  /** §5.4.2: a leader commits by counting replicas only entries of its current term. */
  readonly currentTermCommit: boolean;
  /** §5.3: a follower deletes entries only where they conflict with the leader's. */
  readonly truncateOnlyOnConflict: boolean;
  /** §5.2: at most one vote per term. */
  readonly oneVotePerTerm: boolean;
  /**
   * Thesis §4.1: a leader starts a membership change only once the previous one is committed
   * (and it has committed an entry of its own term). Off, two changes can overlap and two
   * configurations whose majorities need not meet are in use at once.
   */
  readonly oneChangeAtATime: boolean;
}

export const ALL_RULES_ON: RuleSwitches = {
  electionRestriction: true,
  currentTermCommit: true,
  truncateOnlyOnConflict: true,
  oneVotePerTerm: true,
  oneChangeAtATime: true,
};

export interface RaftOptions {
  /**
   * The voters the cluster was started with (the configuration before any configuration entry),
   * this one included, ascending. Empty for a server added later: it learns who the members are
   * from its leader's log.
   */
  readonly ids: readonly NodeId[];
  readonly electionTimeoutMs: readonly [min: number, max: number];
  readonly heartbeatMs: number;
  /** Most entries one AppendEntries carries. */
  readonly maxEntriesPerAppend: number;
  /**
   * Thesis §5: compact once this many entries were applied since the last snapshot; 0 never
   * compacts on its own (a `compact` input still does). Absent means 0.
   */
  readonly snapshotEvery?: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly rules: RuleSwitches;
}

/**
 * A server's state machine up to an index, in place of the log before it (thesis §5): the last
 * index and term it covers, the configuration in force there, the keys and the client sessions.
 * Plain data: written to disk, sent in InstallSnapshot, passed across the worker boundary.
 */
export interface Snapshot {
  readonly lastIncludedIndex: LogIndex;
  readonly lastIncludedTerm: Term;
  /** The latest configuration at or before lastIncludedIndex, and the index of its entry (0: boot). */
  readonly config: ConfigState;
  readonly configIndex: LogIndex;
  /** The keys, as [key, value] pairs. */
  readonly kv: readonly (readonly [string, string])[];
  /** Per client, its latest applied write (§6.3), as [client, seq, index, term]. */
  readonly sessions: readonly (readonly [number, number, number, number])[];
}

/** What survives a crash (Figure 2, "Persistent state on all servers"). */
export interface PersistentState {
  readonly currentTerm: Term;
  readonly votedFor: NodeId | null;
  /** The entries after the snapshot (all of them when there is none). */
  readonly log: readonly Entry[];
  /** The latest snapshot (§5), or null; absent means null. */
  readonly snapshot?: Snapshot | null;
}
