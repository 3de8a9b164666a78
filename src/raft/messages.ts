// The RPCs of Figure 2 plus the client's request and reply, as flat tagged records. The
// simulator stamps `id` on each message it carries; the core never reads it.
import type {
  ClientCommand,
  Entry,
  LogIndex,
  NodeId,
  ReadMode,
  Session,
  Snapshot,
  Term,
} from './types';

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
  /**
   * Not in Figure 2: the leader's clock when it sent this, echoed in the reply. A reply proves
   * the sender was still leader when it sent the request, which is what a read needs (§6.4):
   * readIndex waits for a majority of replies to requests sent after the read arrived, and the
   * lease runs from the send time a majority acknowledged.
   */
  readonly sentAt: number;
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
  /** The request's sentAt, echoed. */
  readonly sentAt: number;
}

/**
 * Thesis §5: the leader no longer has the entries a follower needs, so it sends its snapshot.
 * The follower answers with an AppendEntriesReply (success, index = lastIncludedIndex).
 */
export interface InstallSnapshot extends Envelope {
  readonly kind: 'InstallSnapshot';
  readonly term: Term;
  readonly snapshot: Snapshot;
  /** As in AppendEntries: echoed, to tell leadership and lost acknowledgements apart. */
  readonly knownMatchIndex: LogIndex;
  readonly sentAt: number;
}

/**
 * Thesis §6.4: a follower asked for a readIndex read asks its leader for the read index; the
 * leader confirms it still leads and answers with ReadIndexReply.
 */
export interface ReadIndex extends Envelope {
  readonly kind: 'ReadIndex';
  readonly term: Term;
  readonly requestId: number;
}

/** The leader's commit index when the read arrived, confirmed by a majority's heartbeat replies. */
export interface ReadIndexReply extends Envelope {
  readonly kind: 'ReadIndexReply';
  readonly term: Term;
  readonly requestId: number;
  readonly index: LogIndex;
  /** The voters whose replies confirmed it, the leader included. */
  readonly confirmedBy: readonly NodeId[];
}

export interface ClientRequest extends Envelope {
  readonly kind: 'ClientRequest';
  readonly requestId: number;
  readonly command: ClientCommand;
  /** How many servers have forwarded it; a bound against forwarding loops. */
  readonly hops: number;
  /** A write's session (§6.3); reads and membership requests carry none. */
  readonly session?: Session;
}

/**
 * How a read was made safe, as data the screen words: the read index, and the voters whose
 * heartbeat replies confirmed leadership (readIndex), or until when the lease held (lease).
 * A local read carries only its mode: nothing was checked.
 */
export interface ReadProof {
  readonly mode: ReadMode;
  readonly confirmedBy: readonly NodeId[];
  /** Lease only: the virtual ms the lease ran to when the read was answered; -1 otherwise. */
  readonly leaseUntil: number;
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
  /** A read's answer: the key's value, or null when there is no such key. */
  readonly value?: string | null;
  /** A read's answer: how it was checked. */
  readonly proof?: ReadProof;
  /** A write answered from the session's saved reply: its entry was a duplicate (§6.3). */
  readonly duplicate?: true;
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
 * - transferTimedOut: the target did not catch up within an election timeout;
 * - leaseNeedsCheckQuorum: a lease read on a cluster without CheckQuorum, where voters do not
 *   honour a leader's lease, so no lease is safe (§6.4.1);
 * - leaseExpired: the leader's lease did not hold within an election timeout;
 * - leadershipUnconfirmed: a majority did not confirm the leader within an election timeout;
 * - leadershipLost: the server stopped leading (or its term changed) before the read was answered.
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
  | 'transferTimedOut'
  | 'leaseNeedsCheckQuorum'
  | 'leaseExpired'
  | 'leadershipUnconfirmed'
  | 'leadershipLost';

export type Message =
  | RequestVote
  | RequestVoteReply
  | AppendEntries
  | AppendEntriesReply
  | TimeoutNow
  | InstallSnapshot
  | ReadIndex
  | ReadIndexReply
  | ClientRequest
  | ClientReply;

export type MessageKind = Message['kind'];

/** Most forwards a request may take before a server refuses it. */
export const MAX_FORWARD_HOPS = 3;
