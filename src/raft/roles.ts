// The four role changes of a Raft server (Figure 2, "Rules for Servers"), in one place: each
// sets the fields its role needs and refuses a change Raft never makes with a named Error.
// Sending (votes asked, entries broadcast) is left to the callers in election.ts.
import type { Ctx } from './context';
import { configBeforeLog, resetElectionTimer, setLog } from './context';
import { append, lastIndex } from './log';
import { progressForNewLeader, voteResult } from './tracker';
import { mayStand } from './configLog';
import type { NodeId, Role, Term } from './types';
import { asTerm } from './types';

/** A role change Raft never makes; the message names it, e.g. "leader → precandidate". */
function refuse(c: Ctx, to: Role, why: string): never {
  const s = c.s;
  throw new Error(`S${s.id} cannot go ${s.role} → ${to} in term ${s.currentTerm}: ${why}`);
}

/**
 * Any role may become follower. §5.1: a server that learns of a higher term adopts it and
 * forgets its vote. Returning from leader starts an election timer; a (pre)candidate keeps the
 * one it has running.
 */
export function becomeFollower(c: Ctx, term: Term, leaderId: NodeId | null): void {
  const s = c.s;
  if (term < s.currentTerm) refuse(c, 'follower', `term ${term} is older (§5.1)`);
  if (term > s.currentTerm) {
    s.currentTerm = term;
    s.votedFor = null;
    c.hardStateDirty = true;
  }
  const wasLeader = s.role === 'leader';
  s.role = 'follower';
  s.leaderId = leaderId;
  s.votes = [];
  s.refusals = [];
  s.progress = {};
  s.transfer = null;
  if (wasLeader) resetElectionTimer(c);
}

/**
 * PreVote (thesis §9.6): a follower or (pre)candidate whose timer fired asks whether it could
 * win term + 1, without raising its own term. A leader has no timer to fire.
 */
export function becomePreCandidate(c: Ctx): void {
  const s = c.s;
  if (s.role === 'leader') refuse(c, 'precandidate', 'a leader does not stand for election');
  if (!s.options.preVote) refuse(c, 'precandidate', 'PreVote is off');
  s.role = 'precandidate';
  s.leaderId = null;
  s.votes = [s.id];
  s.refusals = [];
  resetElectionTimer(c);
}

/**
 * §5.2: increment the term, vote for yourself, reset the election timer. With PreVote on only
 * a precandidate that won its pre-vote stands, unless the leader handed over (`transfer`,
 * §3.10); without it, a follower or a candidate whose election timed out.
 */
export function becomeCandidate(c: Ctx, transfer = false): void {
  const s = c.s;
  if (s.role === 'leader') refuse(c, 'candidate', 'a leader does not stand for election');
  const boot = () => configBeforeLog(s);
  if (!mayStand(s, boot))
    refuse(c, 'candidate', 'only a voter, or one whose removal is uncommitted, stands (§4.2.3)');
  if (s.options.preVote && s.role !== 'precandidate' && !transfer) {
    refuse(c, 'candidate', 'with PreVote on, only a precandidate that won its pre-vote stands');
  }
  s.currentTerm = asTerm(s.currentTerm + 1);
  s.votedFor = s.id;
  c.hardStateDirty = true;
  s.role = 'candidate';
  s.leaderId = null;
  s.votes = [s.id];
  s.refusals = [];
  resetElectionTimer(c);
}

/**
 * §5.2: a candidate with votes from a majority becomes leader. It starts every peer's
 * nextIndex just after its own log (Figure 2) and at once appends a no-op of its term: entries
 * of earlier terms only commit together with one of its own (§5.4.2), so the no-op commits
 * them without waiting for a client write.
 */
export function becomeLeader(c: Ctx): void {
  const s = c.s;
  if (s.role !== 'candidate') refuse(c, 'leader', 'only a candidate can win an election');
  if (voteResult(s.config, s.votes, s.refusals) !== 'won') {
    refuse(c, 'leader', 'it has no majority of votes (§5.2)');
  }
  s.role = 'leader';
  s.leaderId = s.id;
  s.votes = [];
  s.refusals = [];
  s.progress = progressForNewLeader(s.config, lastIndex(s.log));
  setLog(
    c,
    append(s.log, [{ term: s.currentTerm, command: { kind: 'noop' } }]),
    lastIndex(s.log) + 1,
  );
  s.heartbeatDeadline = c.now + s.options.heartbeatMs;
  s.checkQuorumDeadline = c.now + s.options.electionTimeoutMs[0];
}
