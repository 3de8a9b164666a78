// Leader election (§5.2) with the election restriction (§5.4.1), plus the optional PreVote and
// CheckQuorum of the Raft thesis (§9.6): the roles' transitions and the RequestVote exchange.
import type { RequestVote, RequestVoteReply } from './messages';
import type { Ctx } from './context';
import { becomeFollower, peersOf, resetElectionTimer, send, setLog } from './context';
import { append, isAtLeastAsUpToDate, lastIndex, lastTerm } from './log';
import { initialProgress, progressOf } from './progress';
import { majority } from './quorum';
import type { NodeId } from './types';
import { asTerm } from './types';
import { broadcastAppend, maybeCommit } from './replication';

/** The election timer fired: ask first when PreVote is on, otherwise stand at once. */
export function startElection(c: Ctx): void {
  if (c.s.options.preVote) becomePreCandidate(c);
  else becomeCandidate(c);
}

/** PreVote: ask whether we could win term + 1, without raising our own term. */
function becomePreCandidate(c: Ctx): void {
  const s = c.s;
  s.role = 'precandidate';
  s.leaderId = null;
  s.votes = [s.id];
  resetElectionTimer(c);
  broadcastRequestVote(c, true);
  if (hasMajority(c)) becomeCandidate(c);
}

/** §5.2: increment the term, vote for yourself, reset the timer, ask everyone. */
function becomeCandidate(c: Ctx): void {
  const s = c.s;
  s.currentTerm = asTerm(s.currentTerm + 1);
  s.votedFor = s.id;
  c.hardStateDirty = true;
  s.role = 'candidate';
  s.leaderId = null;
  s.votes = [s.id];
  resetElectionTimer(c);
  broadcastRequestVote(c, false);
  if (hasMajority(c)) becomeLeader(c);
}

/**
 * A new leader starts every follower's nextIndex just after its own log and at once appends a
 * no-op of its term: entries of earlier terms can only commit together with one of its own
 * (§5.4.2), so the no-op commits them without waiting for a client write.
 */
function becomeLeader(c: Ctx): void {
  const s = c.s;
  s.role = 'leader';
  s.leaderId = s.id;
  s.votes = [];
  const progress: Record<number, ReturnType<typeof initialProgress>> = {};
  for (const peer of peersOf(c)) progress[peer] = initialProgress(lastIndex(s.log));
  s.progress = progress;
  setLog(
    c,
    append(s.log, [{ term: s.currentTerm, command: { kind: 'noop' } }]),
    lastIndex(s.log) + 1,
  );
  s.heartbeatDeadline = c.now + s.options.heartbeatMs;
  s.checkQuorumDeadline = c.now + s.options.electionTimeoutMs[0];
  broadcastAppend(c);
  maybeCommit(c);
}

function broadcastRequestVote(c: Ctx, preVote: boolean): void {
  const s = c.s;
  for (const peer of peersOf(c)) {
    send(c, {
      kind: 'RequestVote',
      to: peer,
      term: preVote ? asTerm(s.currentTerm + 1) : s.currentTerm,
      lastLogIndex: lastIndex(s.log),
      lastLogTerm: lastTerm(s.log),
      preVote,
    });
  }
}

/** A candidate wins with votes from a majority of the whole cluster, not of those it can reach. */
function hasMajority(c: Ctx): boolean {
  return c.s.votes.length >= majority(c.s.options.ids.length);
}

/** Heard from a live leader within the minimum election timeout (or is the leader). */
export function inLeaderLease(c: Ctx): boolean {
  const s = c.s;
  if (s.role === 'leader') return true;
  return (
    s.leaderId !== null &&
    s.lastLeaderContact >= 0 &&
    c.now - s.lastLeaderContact < s.options.electionTimeoutMs[0]
  );
}

/**
 * Receiver side of RequestVote. For a real vote, node.ts has already brought this node to the
 * request's term (§5.1) or rejected an older one; a PreVote probe changes no term.
 */
export function handleRequestVote(c: Ctx, m: RequestVote): void {
  const s = c.s;
  // §5.4.1: only a candidate whose log is at least as up to date as ours gets our vote.
  const logOk =
    !s.options.rules.electionRestriction ||
    isAtLeastAsUpToDate(s.log, m.lastLogTerm, m.lastLogIndex);
  if (m.preVote) {
    const granted = m.term > s.currentTerm && logOk && !inLeaderLease(c);
    reply(c, m.from, granted ? m.term : s.currentTerm, granted, true);
    return;
  }
  // §5.2: one vote per term, first come first served; votedFor is persistent.
  const free = s.votedFor === null || s.votedFor === m.from || !s.options.rules.oneVotePerTerm;
  const granted = free && logOk;
  if (granted) {
    if (s.votedFor !== m.from) c.hardStateDirty = true;
    s.votedFor = m.from;
    resetElectionTimer(c);
  }
  reply(c, m.from, s.currentTerm, granted, false);
}

function reply(c: Ctx, to: NodeId, term: number, granted: boolean, preVote: boolean): void {
  send(c, { kind: 'RequestVoteReply', to, term: asTerm(term), voteGranted: granted, preVote });
}

/** Counts a granted vote of the round this node is in; a majority moves it on. */
export function handleRequestVoteReply(c: Ctx, m: RequestVoteReply): void {
  const s = c.s;
  if (!m.voteGranted || s.votes.includes(m.from)) return;
  if (m.preVote && s.role === 'precandidate' && m.term === s.currentTerm + 1) {
    s.votes = [...s.votes, m.from];
    if (hasMajority(c)) becomeCandidate(c);
  } else if (!m.preVote && s.role === 'candidate' && m.term === s.currentTerm) {
    s.votes = [...s.votes, m.from];
    if (hasMajority(c)) becomeLeader(c);
  }
}

/** CheckQuorum: a leader that has not heard from a majority for an election timeout steps down. */
export function maybeCheckQuorum(c: Ctx): boolean {
  const s = c.s;
  if (!s.options.checkQuorum || s.role !== 'leader' || c.now < s.checkQuorumDeadline) return false;
  const peers = peersOf(c);
  const active = 1 + peers.filter((id) => s.progress[id]?.recentActive).length;
  if (active < majority(s.options.ids.length)) {
    becomeFollower(c, s.currentTerm, null);
    return true;
  }
  const progress = { ...s.progress };
  for (const id of peers) {
    const p = progress[id]!;
    progress[id] = progressOf(p.nextIndex, p.matchIndex, false);
  }
  s.progress = progress;
  s.checkQuorumDeadline = c.now + s.options.electionTimeoutMs[0];
  return false;
}
