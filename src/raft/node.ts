// The Raft server as a pure function: `step(node, input)` returns the next node and its outputs.
// This file holds the term rules every message passes first (§5.1) and the timers; election.ts
// and replication.ts hold the rest of Figure 2.
import type { Ctx, Draft, Input, Output, RaftNode } from './context';
import { configBeforeLog, newCtx, resetElectionTimer } from './context';
import { becomeFollower } from './roles';
import { configurationOf, isVoter } from './tracker';
import { configAtOrBefore, mayStand } from './configLog';
import { acceptsTimeoutNow, maybeAbortTransfer, maybeAdvanceConfig } from './membership';
import { invariantAssertion } from './invariantSwitch';
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
import { entriesBetween, lastIndex, logFrom, toArray } from './log';
import { handleInstallSnapshot, machineOf, maybeCompact, takeSnapshot } from './snapshot';
import {
  broadcastAppend,
  handleAppendEntries,
  handleAppendEntriesReply,
  handleClientRequest,
  maybeCommit,
} from './replication';
import {
  abandonReads,
  handleReadIndex,
  handleReadIndexReply,
  maybeServeReads,
  nextReadDeadline,
} from './reads';
import { EMPTY_MACHINE } from './stateMachine';
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
  const snapshot = disk.snapshot ?? null;
  const base = snapshot?.lastIncludedIndex ?? 0;
  const log = logFrom(disk.log, base, snapshot?.lastIncludedTerm ?? 0);
  // §4.1: the latest configuration on disk, committed or not, else the snapshot's, else the
  // one it was started with.
  const logged = configAtOrBefore(log, lastIndex(log), configBeforeLog({ snapshot, id, options }));
  const draft: Draft = {
    id,
    options,
    config: configurationOf(id, logged.state),
    configIndex: logged.index,
    transfer: null,
    currentTerm: disk.currentTerm,
    votedFor: disk.votedFor,
    log,
    snapshot,
    role: 'follower',
    leaderId: null,
    // §5: what the snapshot holds is committed and applied; the rest is learnt from the leader.
    commitIndex: asIndex(base),
    lastApplied: asIndex(base),
    machine: snapshot === null ? EMPTY_MACHINE : machineOf(snapshot),
    reads: [],
    votes: [],
    refusals: [],
    progress: {},
    electionDeadline: 0,
    electionTimeoutMs: 0,
    heartbeatDeadline: -1,
    checkQuorumDeadline: -1,
    lastLeaderContact: -1,
    bootedAt: now,
    rng: rngSeed >>> 0,
  };
  resetElectionTimer(newCtx(draft, now));
  invariantAssertion()?.(draft, 'boot');
  return draft;
}

export function step(node: RaftNode, input: Input): StepResult {
  return stepDraft(draftOf(node), node.currentTerm, node.role === 'leader', input);
}

/**
 * Steps `node` in place and returns it as the next node: for a host that holds the only
 * reference to its node and reads only the node each step returns (the one-field-per-rule copy
 * `step` makes is then never needed). Outputs, statuses and every value the node shares (its
 * log, progress records, machine) are built exactly as `step` builds them.
 */
export function stepOwned(node: RaftNode, input: Input): StepResult {
  return stepDraft(node as Draft, node.currentTerm, node.role === 'leader', input);
}

function stepDraft(s: Draft, termBefore: number, ledBefore: boolean, input: Input): StepResult {
  const c = newCtx(s, input.now);
  if (input.kind === 'tick') onTick(c);
  else if (input.kind === 'compact') takeSnapshot(c, c.logDirtyFrom - 1);
  else if (input.kind === 'timeout') {
    // §4.2.3: only a server that may stand does (a voter, or one whose removal is uncommitted).
    if (c.s.role !== 'leader' && canStand(c.s)) startElection(c);
  } else onMessage(c, input.message);
  // §5: with snapshotEvery, compact once enough is applied (at the end of the step, so what the
  // step wrote is known and left for the next one).
  maybeCompact(c);
  // §6.4: a read waited for leadership of a term that is over, or for a leader it no longer follows.
  if (c.s.currentTerm !== termBefore || (ledBefore && c.s.role !== 'leader')) {
    abandonReads(c, 'leadershipLost');
  }
  invariantAssertion()?.(c.s, input.kind);
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
    snapshot: n.snapshot,
    role: n.role,
    leaderId: n.leaderId,
    commitIndex: n.commitIndex,
    lastApplied: n.lastApplied,
    machine: n.machine,
    reads: n.reads,
    votes: n.votes,
    refusals: n.refusals,
    progress: n.progress,
    electionDeadline: n.electionDeadline,
    electionTimeoutMs: n.electionTimeoutMs,
    heartbeatDeadline: n.heartbeatDeadline,
    checkQuorumDeadline: n.checkQuorumDeadline,
    lastLeaderContact: n.lastLeaderContact,
    bootedAt: n.bootedAt,
    rng: n.rng,
  };
}

/**
 * Whether this server may stand for election (see mayStand in configLog.ts): a voter, or a
 * removed voter whose removal is not committed yet.
 */
export function canStand(node: RaftNode): boolean {
  return mayStand(node, () => configBeforeLog(node));
}

/** The next virtual time this node needs a tick: its heartbeat or CheckQuorum as leader, else its election timer. */
export function nextWakeAt(node: RaftNode): number {
  const reads = node.reads.length === 0 ? Infinity : nextReadDeadline(node.reads);
  if (node.role !== 'leader') return Math.min(node.electionDeadline, reads);
  if (!node.options.checkQuorum) return Math.min(node.heartbeatDeadline, reads);
  return Math.min(node.heartbeatDeadline, node.checkQuorumDeadline, reads);
}

function onTick(c: Ctx): void {
  const s = c.s;
  maybeServeReads(c); // refuses the reads whose time ran out
  if (s.role === 'leader') {
    if (maybeCheckQuorum(c)) return;
    if (c.now >= s.heartbeatDeadline) {
      maybeAbortTransfer(c);
      // A change the leader makes on its own goes first, so what it commits below and the
      // replies that go with it count the configuration it now uses.
      if (maybeAdvanceConfig(c)) maybeCommit(c);
      if (s.role !== 'leader') return;
      broadcastAppend(c, true);
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
    // CheckQuorum's lease: a server that hears from a live leader ignores would-be disruptors,
    // and so does one that just restarted (it may have heard from one before it crashed). A
    // candidate the leader handed over to (§3.10) is answered all the same.
    const justBooted = c.now - s.bootedAt < s.options.electionTimeoutMs[0];
    const ignoreVote =
      m.kind === 'RequestVote' &&
      !m.transfer &&
      s.options.checkQuorum &&
      (inLeaderLease(c) || justBooted);
    if (ignoreVote && !m.preVote) return;
    const grantedProbe = isProbe && m.kind === 'RequestVoteReply' && m.voteGranted;
    if (!(isProbe && m.kind === 'RequestVote') && !grantedProbe) {
      const fromLeader = m.kind === 'AppendEntries' || m.kind === 'InstallSnapshot';
      becomeFollower(c, m.term, fromLeader ? m.from : null);
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
    case 'InstallSnapshot':
      return handleInstallSnapshot(c, m);
    case 'TimeoutNow':
      // §3.10: the leader handed over to us: stand at once, without waiting or a pre-vote.
      if (acceptsTimeoutNow(c, m)) campaignNow(c);
      return;
    case 'ReadIndex':
      handleReadIndex(c, m);
      if (s.role === 'leader') broadcastAppend(c, true); // the round of heartbeats that confirms it
      return maybeServeReads(c);
    case 'ReadIndexReply':
      handleReadIndexReply(c, m);
      return maybeServeReads(c);
  }
}

/** A request from an older term is refused with our newer term so its sender steps down. */
function replyToStale(c: Ctx, m: Message): void {
  const s = c.s;
  if (m.kind === 'AppendEntries' || m.kind === 'InstallSnapshot') {
    c.out.push({
      kind: 'send',
      message: {
        kind: 'AppendEntriesReply',
        from: s.id,
        to: m.from,
        term: s.currentTerm,
        success: false,
        index: m.kind === 'AppendEntries' ? m.prevLogIndex : m.snapshot.lastIncludedIndex,
        conflictTerm: asTerm(0),
        conflictIndex: asIndex(0),
        knownMatchIndex: m.knownMatchIndex,
        sentAt: m.sentAt,
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

/**
 * Puts one persist output first when the term, vote, log or snapshot changed in this step. A new
 * snapshot goes with the whole log after it (the disk drops every entry it covers).
 */
function withPersist(c: Ctx): Output[] {
  const s = c.s;
  if (c.snapshotDirty) {
    c.out.unshift({
      kind: 'persist',
      currentTerm: s.currentTerm,
      votedFor: s.votedFor,
      logFrom: s.log.base + 1,
      entries: toArray(s.log),
      snapshot: s.snapshot!,
    });
    return c.out;
  }
  const logChanged = c.logDirtyFrom !== Infinity;
  if (!logChanged && !c.hardStateDirty) return c.out;
  const from = logChanged ? c.logDirtyFrom : 0;
  const persist: Output = {
    kind: 'persist',
    currentTerm: s.currentTerm,
    votedFor: s.votedFor,
    logFrom: from,
    entries: logChanged ? entriesBetween(s.log, from, lastIndex(s.log)) : [],
  };
  c.out.unshift(persist);
  return c.out;
}

/** The persistent part of a node, as its disk would hold it. */
export function persistentStateOf(node: RaftNode): PersistentState {
  return {
    currentTerm: node.currentTerm,
    votedFor: node.votedFor,
    log: toArray(node.log),
    snapshot: node.snapshot,
  };
}

export type { RaftOptions };
