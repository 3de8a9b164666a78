// Leader election (§5.2) with the election restriction (§5.4.1), plus the optional PreVote and
// CheckQuorum of the Raft thesis (§9.6): when to campaign, the RequestVote exchange and the
// count of its answers. The role changes themselves live in roles.ts, the tally in tracker.ts.
import type { RequestVote, RequestVoteReply } from './messages';
import type { Ctx } from './context';
import { resetElectionTimer, send } from './context';
import { isAtLeastAsUpToDate, lastIndex, lastTerm } from './log';
import { becomeCandidate, becomeFollower, becomeLeader, becomePreCandidate } from './roles';
import {
  isVoter,
  progressWithActivityCleared,
  quorumActive,
  voteResult,
  type VoteResult,
} from './tracker';
import type { NodeId } from './types';
import { asTerm } from './types';
import { broadcastAppend, maybeCommit } from './replication';

/** The election timer fired: ask first when PreVote is on, otherwise stand at once. */
export function startElection(c: Ctx): void {
  if (c.s.options.preVote) campaignPreVote(c);
  else campaign(c);
}

/** PreVote: ask every voter whether we could win term + 1; alone in the cluster, we could. */
function campaignPreVote(c: Ctx): void {
  becomePreCandidate(c);
  broadcastRequestVote(c, true);
  if (tally(c) === 'won') campaign(c);
}

/** §5.2: stand in a new term and ask every voter; a cluster of one wins at once. */
function campaign(c: Ctx): void {
  becomeCandidate(c);
  broadcastRequestVote(c, false);
  if (tally(c) === 'won') lead(c);
}

/**
 * §3.10: a TimeoutNow from the leader: stand in a new term at once, skipping PreVote, with
 * requests that voters answer even while they still hear from that leader.
 */
export function campaignNow(c: Ctx): void {
  becomeCandidate(c, true);
  broadcastRequestVote(c, false, true);
  if (tally(c) === 'won') lead(c);
}

/** A won election: take office, then at once tell everyone (the no-op) and commit alone if we can. */
function lead(c: Ctx): void {
  becomeLeader(c);
  broadcastAppend(c, true);
  maybeCommit(c);
}

/** Asks every voter of the configuration in use (both halves of a joint one); learners have no vote. */
function broadcastRequestVote(c: Ctx, preVote: boolean, transfer = false): void {
  const s = c.s;
  for (const peer of s.config.electors) {
    const term = preVote ? asTerm(s.currentTerm + 1) : s.currentTerm;
    const request = {
      kind: 'RequestVote',
      to: peer,
      term,
      lastLogIndex: lastIndex(s.log),
      lastLogTerm: lastTerm(s.log),
      preVote,
    } as const;
    send(c, transfer ? { ...request, transfer: true } : request);
  }
}

function tally(c: Ctx): VoteResult {
  return voteResult(c.s.config, c.s.votes, c.s.refusals);
}

/**
 * Whether the leader lease holds against this vote request: we heard from a leader within the
 * minimum election timeout, and the candidate's log shows no term newer than ours. A newer last
 * term proves our leader is stale (one that never steps down without CheckQuorum would
 * otherwise hold the lease forever and block every election after a membership change).
 */
export function leaseHoldsAgainst(c: Ctx, m: RequestVote): boolean {
  return inLeaderLease(c) && m.lastLogTerm <= c.s.currentTerm;
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
    const granted = m.term > s.currentTerm && logOk && !leaseHoldsAgainst(c, m);
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

/**
 * Counts a voter's answer in the round this node is in: a pre-vote answers term + 1, a real
 * vote the current term. A majority of grants moves it on; refusals are only counted, since
 * a lost election just waits for the timer (§5.2).
 */
export function handleRequestVoteReply(c: Ctx, m: RequestVoteReply): void {
  const s = c.s;
  // A granted pre-vote carries the term it would grant; a refusal carries the voter's own.
  const inRound = m.preVote
    ? s.role === 'precandidate' && m.term === s.currentTerm + (m.voteGranted ? 1 : 0)
    : s.role === 'candidate' && m.term === s.currentTerm;
  if (!inRound || !isVoter(s.config, m.from)) return;
  if (s.votes.includes(m.from) || s.refusals.includes(m.from)) return;
  if (!m.voteGranted) {
    s.refusals = [...s.refusals, m.from];
    return;
  }
  s.votes = [...s.votes, m.from];
  if (tally(c) !== 'won') return;
  if (m.preVote) campaign(c);
  else lead(c);
}

/** CheckQuorum: a leader that has not heard from a majority for an election timeout steps down. */
export function maybeCheckQuorum(c: Ctx): boolean {
  const s = c.s;
  if (!s.options.checkQuorum || s.role !== 'leader' || c.now < s.checkQuorumDeadline) return false;
  if (!quorumActive(s.config, s.id, s.progress)) {
    becomeFollower(c, s.currentTerm, null);
    return true;
  }
  s.progress = progressWithActivityCleared(s.config, s.progress);
  s.checkQuorumDeadline = c.now + s.options.electionTimeoutMs[0];
  return false;
}
