// The Raft server as a pure function: `step(node, input)` returns the next node and its outputs.
// This file holds the term rules every message passes first (§5.1) and the timers; election.ts
// and replication.ts hold the rest of Figure 2.
import type { Ctx, Draft, Input, Output, RaftNode } from './context';
import { resetElectionTimer } from './context';
import { becomeFollower } from './roles';
import { configurationOf } from './tracker';
import { assertInvariantsAfter, invariantChecksOn } from './invariants';
import { checkBoot } from './bootChecks';
import {
  handleRequestVote,
  handleRequestVoteReply,
  inLeaderLease,
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
  const config = configurationOf(id, options.ids);
  const draft: Draft = {
    id,
    options,
    config,
    currentTerm: disk.currentTerm,
    votedFor: disk.votedFor,
    log: logFrom(disk.log),
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
    if (c.s.role !== 'leader') startElection(c);
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
      broadcastAppend(c);
      s.heartbeatDeadline = c.now + s.options.heartbeatMs;
    }
    return;
  }
  if (c.now >= s.electionDeadline) startElection(c);
}

/** §5.1 first, for every message: a newer term wins, an older one changes nothing. */
function onMessage(c: Ctx, m: Message): void {
  const s = c.s;
  if (m.kind === 'ClientRequest') return handleClientRequest(c, m);
  if (m.kind === 'ClientReply') return;

  if (m.term > s.currentTerm) {
    const isProbe = (m.kind === 'RequestVote' || m.kind === 'RequestVoteReply') && m.preVote;
    // CheckQuorum's lease: a server that hears from a live leader ignores would-be disruptors.
    const ignoreVote = m.kind === 'RequestVote' && s.options.checkQuorum && inLeaderLease(c);
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
