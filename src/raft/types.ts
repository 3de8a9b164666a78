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
  /** Appended by every new leader in its own term so older entries commit promptly (§5.4.2). */
  | { readonly kind: 'noop' };

export interface Entry {
  readonly term: Term;
  readonly command: Command;
  /** The client request this entry carries, so whichever leader applies it can reply. */
  readonly requestId?: number;
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
}

export const ALL_RULES_ON: RuleSwitches = {
  electionRestriction: true,
  currentTermCommit: true,
  truncateOnlyOnConflict: true,
  oneVotePerTerm: true,
};

export interface RaftOptions {
  /** Every server of the cluster, this one included, in ascending order. */
  readonly ids: readonly NodeId[];
  readonly electionTimeoutMs: readonly [min: number, max: number];
  readonly heartbeatMs: number;
  /** Most entries one AppendEntries carries. */
  readonly maxEntriesPerAppend: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly rules: RuleSwitches;
}

/** What survives a crash (Figure 2, "Persistent state on all servers"). */
export interface PersistentState {
  readonly currentTerm: Term;
  readonly votedFor: NodeId | null;
  readonly log: readonly Entry[];
}
