// The RPCs of Figure 2 plus the client's request and reply, as flat tagged records. The
// simulator stamps `id` on each message it carries; the core never reads it.
import type { ClientCommand, Entry, LogIndex, NodeId, Term } from './types';

interface Envelope {
  readonly from: NodeId;
  readonly to: NodeId;
}

export interface RequestVote extends Envelope {
  readonly kind: 'RequestVote';
  readonly term: Term;
  readonly lastLogIndex: LogIndex;
  readonly lastLogTerm: Term;
  /** A PreVote probe: asks "could I win term `term`?" without anyone changing their term. */
  readonly preVote: boolean;
  /**
   * Sent by a candidate that a leader handed over to (TimeoutNow, thesis §3.10): voters answer
   * it even while they still hear from that leader.
   */
  readonly transfer?: true;
}

/** Thesis §3.10: the leader tells an up-to-date voter to start an election now. */
export interface TimeoutNow extends Envelope {
  readonly kind: 'TimeoutNow';
  readonly term: Term;
}

export interface RequestVoteReply extends Envelope {
  readonly kind: 'RequestVoteReply';
  readonly term: Term;
  readonly voteGranted: boolean;
  readonly preVote: boolean;
}

export interface AppendEntries extends Envelope {
  readonly kind: 'AppendEntries';
  readonly term: Term;
  readonly prevLogIndex: LogIndex;
  readonly prevLogTerm: Term;
  readonly entries: readonly Entry[];
  readonly leaderCommit: LogIndex;
  /**
   * Not in Figure 2: the leader's matchIndex for the recipient when this was sent, echoed in
   * the reply. It lets the leader tell a follower that lost acknowledged entries (a replaced
   * disk) from a rejection that a later success overtook (see progress.ts).
   */
  readonly knownMatchIndex: LogIndex;
}

export interface AppendEntriesReply extends Envelope {
  readonly kind: 'AppendEntriesReply';
  readonly term: Term;
  readonly success: boolean;
  /** On success: the last index this request made sure of. On rejection: the request's prevLogIndex. */
  readonly index: LogIndex;
  /**
   * Rejection hint (§5.3, "the follower can include the term of the conflicting entry and the
   * first index it stores for that term"): conflictTerm 0 means the follower's log is too short
   * and conflictIndex is its lastIndex + 1.
   */
  readonly conflictTerm: Term;
  readonly conflictIndex: LogIndex;
  /** The request's knownMatchIndex, echoed. */
  readonly knownMatchIndex: LogIndex;
}

export interface ClientRequest extends Envelope {
  readonly kind: 'ClientRequest';
  readonly requestId: number;
  readonly command: ClientCommand;
  /** How many servers have forwarded it; a bound against forwarding loops. */
  readonly hops: number;
}

export interface ClientReply extends Envelope {
  readonly kind: 'ClientReply';
  readonly requestId: number;
  readonly ok: boolean;
  readonly index: LogIndex;
  /** Term of the committed entry; 0 on failure. */
  readonly term: Term;
  /** Why it failed, as a code the reader's language words; empty when ok. */
  readonly error: ClientErrorCode;
}

/**
 * Why a client request failed at a server, as a code each layer above words:
 * - noLeaderKnown: not the leader, and it knows none to forward to;
 * - transferring: the leader is handing over (§3.10) and takes no requests meanwhile;
 * - changeInProgress: a membership change is not committed yet (§4.1), or a joint one is under way;
 * - notMember / alreadyMember: the server named is not, or already is, in the configuration;
 * - notVoter: leadership can only go to a voter; isLeader: it already leads;
 * - noVoters: the change would leave no voter; noChange: the voters asked for are the voters;
 * - notCaughtUp: a learner named as a new voter does not hold everything committed yet;
 * - removedWhileJoining: the server this request added was removed before it was promoted;
 * - transferTimedOut: the target did not catch up within an election timeout.
 */
export type ClientErrorCode =
  | ''
  | 'noLeaderKnown'
  | 'transferring'
  | 'changeInProgress'
  | 'notMember'
  | 'alreadyMember'
  | 'notVoter'
  | 'isLeader'
  | 'noVoters'
  | 'noChange'
  | 'notCaughtUp'
  | 'removedWhileJoining'
  | 'transferTimedOut';

export type Message =
  | RequestVote
  | RequestVoteReply
  | AppendEntries
  | AppendEntriesReply
  | TimeoutNow
  | ClientRequest
  | ClientReply;

export type MessageKind = Message['kind'];

/** Most forwards a request may take before a server refuses it. */
export const MAX_FORWARD_HOPS = 3;
