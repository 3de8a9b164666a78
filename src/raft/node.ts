// The Raft server as a pure function: `step(node, input)` returns the next node and its outputs.
// This file holds the term rules every message passes first (§5.1) and the timers; election.ts
// and replication.ts hold the rest of Figure 2.
import type { Ctx, Draft, Input, Output, RaftNode } from './context';
import { resetElectionTimer } from './context';
import { becomeFollower } from './roles';
import { bootConfigState, configurationOf, isVoter } from './tracker';
import { configAtOrBefore, mayStand } from './configLog';
import { acceptsTimeoutNow, maybeAbortTransfer, maybeAdvanceConfig } from './membership';
import { assertInvariantsAfter, invariantChecksOn } from './invariants';
import { checkBoot } from './bootChecks';
import {
  campaignNow,
  handleRequestVote,
  handleRequestVoteReply,
  inLeaderLease,
  leaseHoldsAgainst,
  maybeCheckQuorum,
  startElection,
} from './election';
import type { Message } from './messages';
import { entriesBetween, lastIndex, logFrom } from './log';
import {
  broadcastAppend,
  handleAppendEntries,
  handleAppendEntriesReply,
  handleClientRequest,
  maybeCommit,
} from './replication';
import type { NodeId, PersistentState, RaftOptions } from './types';
import { asIndex, asTerm } from './types';

export interface StepResult {
  readonly node: RaftNode;
  readonly outputs: readonly Output[];
}

/**
 * A server starting (or restarting after a crash) from what its disk holds: a follower with
 * commitIndex 0 and nothing applied, which learns the commit index from the next leader.
 * Every argument is checked first; a bad one throws and no node is made.
 */
export function createNode(
  id: NodeId,
  options: RaftOptions,
  disk: PersistentState,
  rngSeed: number,
  now: number,
): RaftNode {
  checkBoot(options, disk, rngSeed, now);
  const log = logFrom(disk.log);
  // §4.1: the latest configuration on disk, committed or not, else the one it was started with.
  const logged = configAtOrBefore(log, lastIndex(log), bootConfigState(id, options.ids));
  const draft: Draft = {
    id,
    options,
    config: configurationOf(id, logged.state),
    configIndex: logged.index,
    transfer: null,
    currentTerm: disk.currentTerm,
    votedFor: disk.votedFor,
    log,
    role: 'follower',
    leaderId: null,
    commitIndex: asIndex(0),
    lastApplied: asIndex(0),
    votes: [],
    refusals: [],
    progress: {},
    electionDeadline: 0,
    electionTimeoutMs: 0,
    heartbeatDeadline: -1,
    checkQuorumDeadline: -1,
    lastLeaderContact: -1,
    rng: rngSeed >>> 0,
  };
  resetElectionTimer({ s: draft, now, out: [], logDirtyFrom: Infinity, hardStateDirty: false });
  if (invariantChecksOn()) assertInvariantsAfter(draft, 'boot');
  return draft;
}

export function step(node: RaftNode, input: Input): StepResult {
  const c: Ctx = {
    s: draftOf(node),
    now: input.now,
    out: [],
    logDirtyFrom: Infinity,
    hardStateDirty: false,
  };
  if (input.kind === 'tick') onTick(c);
  else if (input.kind === 'timeout') {
    // §4.2.3: only a server that may stand does (a voter, or one whose removal is uncommitted).
    if (c.s.role !== 'leader' && canStand(c.s)) startElection(c);
  } else onMessage(c, input.message);
  if (invariantChecksOn()) assertInvariantsAfter(c.s, input.kind);
  return { node: c.s, outputs: withPersist(c) };
}

/** A mutable copy of `node` for one step (a spelled-out copy: faster than a spread here). */
function draftOf(n: RaftNode): Draft {
  return {
    id: n.id,
    options: n.options,
    config: n.config,
    configIndex: n.configIndex,
    transfer: n.transfer,
    currentTerm: n.currentTerm,
    votedFor: n.votedFor,
    log: n.log,
    role: n.role,
    leaderId: n.leaderId,
    commitIndex: n.commitIndex,
    lastApplied: n.lastApplied,
    votes: n.votes,
    refusals: n.refusals,
    progress: n.progress,
    electionDeadline: n.electionDeadline,
    electionTimeoutMs: n.electionTimeoutMs,
    heartbeatDeadline: n.heartbeatDeadline,
    checkQuorumDeadline: n.checkQuorumDeadline,
    lastLeaderContact: n.lastLeaderContact,
    rng: n.rng,
  };
}

/**
 * Whether this server may stand for election (see mayStand in configLog.ts): a voter, or a
 * removed voter whose removal is not committed yet.
 */
export function canStand(node: RaftNode): boolean {
  return mayStand(node, () => bootConfigState(node.id, node.options.ids));
}

/** The next virtual time this node needs a tick: its heartbeat or CheckQuorum as leader, else its election timer. */
export function nextWakeAt(node: RaftNode): number {
  if (node.role !== 'leader') return node.electionDeadline;
  if (!node.options.checkQuorum) return node.heartbeatDeadline;
  return Math.min(node.heartbeatDeadline, node.checkQuorumDeadline);
}

function onTick(c: Ctx): void {
  const s = c.s;
  if (s.role === 'leader') {
    if (maybeCheckQuorum(c)) return;
    if (c.now >= s.heartbeatDeadline) {
      maybeAbortTransfer(c);
      // A change the leader makes on its own goes first, so what it commits below and the
      // replies that go with it count the configuration it now uses.
      if (maybeAdvanceConfig(c)) maybeCommit(c);
      if (s.role !== 'leader') return;
      broadcastAppend(c);
      s.heartbeatDeadline = c.now + s.options.heartbeatMs;
    }
    return;
  }
  if (c.now < s.electionDeadline) return;
  // §4.2.3: a learner or a server whose removal it saw committed never campaigns (canStand).
  if (canStand(s)) startElection(c);
  else resetElectionTimer(c);
}

/** §5.1 first, for every message: a newer term wins, an older one changes nothing. */
function onMessage(c: Ctx, m: Message): void {
  const s = c.s;
  if (m.kind === 'ClientRequest') return handleClientRequest(c, m);
  if (m.kind === 'ClientReply') return;
  // §4.2.3: while we hear from a leader, a vote request from a server outside our configuration
  // is dropped as if lost, so a removed server that never heard of its removal cannot raise
  // everyone's term. Without a leader it is answered: it may be a voter we have not heard of yet.
  if (m.kind === 'RequestVote' && !isVoter(s.config, m.from) && leaseHoldsAgainst(c, m)) return;

  if (m.term > s.currentTerm) {
    const isProbe = (m.kind === 'RequestVote' || m.kind === 'RequestVoteReply') && m.preVote;
    // CheckQuorum's lease: a server that hears from a live leader ignores would-be disruptors.
    // A candidate the leader handed over to (§3.10) is answered all the same.
    const ignoreVote =
      m.kind === 'RequestVote' && !m.transfer && s.options.checkQuorum && inLeaderLease(c);
    if (ignoreVote && !m.preVote) return;
    const grantedProbe = isProbe && m.kind === 'RequestVoteReply' && m.voteGranted;
    if (!(isProbe && m.kind === 'RequestVote') && !grantedProbe) {
      becomeFollower(c, m.term, m.kind === 'AppendEntries' ? m.from : null);
    }
  } else if (m.term < s.currentTerm) {
    return replyToStale(c, m);
  }

  switch (m.kind) {
    case 'RequestVote':
      return handleRequestVote(c, m);
    case 'RequestVoteReply':
      return handleRequestVoteReply(c, m);
    case 'AppendEntries':
      return handleAppendEntries(c, m);
    case 'AppendEntriesReply':
      return handleAppendEntriesReply(c, m);
    case 'TimeoutNow':
      // §3.10: the leader handed over to us: stand at once, without waiting or a pre-vote.
      if (acceptsTimeoutNow(c, m)) campaignNow(c);
      return;
  }
}

/** A request from an older term is refused with our newer term so its sender steps down. */
function replyToStale(c: Ctx, m: Message): void {
  const s = c.s;
  if (m.kind === 'AppendEntries') {
    c.out.push({
      kind: 'send',
      message: {
        kind: 'AppendEntriesReply',
        from: s.id,
        to: m.from,
        term: s.currentTerm,
        success: false,
        index: m.prevLogIndex,
        conflictTerm: asTerm(0),
        conflictIndex: asIndex(0),
        knownMatchIndex: m.knownMatchIndex,
      },
    });
  } else if (m.kind === 'RequestVote') {
    c.out.push({
      kind: 'send',
      message: {
        kind: 'RequestVoteReply',
        from: s.id,
        to: m.from,
        term: s.currentTerm,
        voteGranted: false,
        preVote: m.preVote,
      },
    });
  }
}

/** Puts one persist output first when the term, vote or log changed in this step. */
function withPersist(c: Ctx): Output[] {
  const logChanged = c.logDirtyFrom !== Infinity;
  if (!logChanged && !c.hardStateDirty) return c.out;
  const from = logChanged ? c.logDirtyFrom : 0;
  const persist: Output = {
    kind: 'persist',
    currentTerm: c.s.currentTerm,
    votedFor: c.s.votedFor,
    logFrom: from,
    entries: logChanged ? entriesBetween(c.s.log, from, lastIndex(c.s.log)) : [],
  };
  c.out.unshift(persist);
  return c.out;
}

/** The persistent part of a node, as its disk would hold it. */
export function persistentStateOf(node: RaftNode): PersistentState {
  return {
    currentTerm: node.currentTerm,
    votedFor: node.votedFor,
    log: entriesBetween(node.log, 1, lastIndex(node.log)),
  };
}

export type { RaftOptions };
