// Log replication (§5.3) and commitment (§5.4.2): the leader's sending, the follower's
// consistency check, commit advancement, applying, and the client's writes.
import type { AppendEntries, AppendEntriesReply, ClientRequest } from './messages';
import { MAX_FORWARD_HOPS } from './messages';
import type { Ctx } from './context';
import { ownMachine, resetElectionTimer, send, setLog, setProgress } from './context';
import { applyEntry } from './stateMachine';
import { handleRead, maybeServeReads, wantsHeartbeat } from './reads';
import { needsSnapshot, sendSnapshot } from './snapshot';
import {
  append,
  entriesBetween,
  entryAt,
  firstIndexOfTerm,
  lastIndex,
  termAt,
  truncateFrom,
} from './log';
import { maySend, progressMatched, progressRejected, progressSent } from './progress';
import { becomeFollower } from './roles';
import { committedIndex } from './tracker';
import {
  answersClient,
  handleConfigRequest,
  maybeSendTimeoutNow,
  maybeStepDownRemoved,
  refuseRequest,
} from './membership';
import type { ClientCommand, ConfigRequest, NodeId } from './types';
import { CLIENT_ID, asIndex, asTerm } from './types';

/**
 * Sends `peer` every entry from its nextIndex on, up to the batch limit; none is a heartbeat.
 * Flow control (progress.ts) may hold it back; a `heartbeat` always goes.
 */
export function sendAppend(c: Ctx, peer: NodeId, heartbeat = false): void {
  const s = c.s;
  const p = s.progress[peer];
  if (!p) return;
  // Waiting for a snapshot's answer: sent again only when a heartbeat finds it unanswered for an
  // election timeout (it was lost, or its answer was): a snapshot is the heaviest message there is.
  if (p.flow.state === 'snapshot') {
    if (!heartbeat) return;
    const overdue = c.now - p.flow.since >= s.options.electionTimeoutMs[0];
    if (overdue) return sendSnapshot(c, peer);
    // Meanwhile a plain heartbeat, so it does not time out (etcd's MsgHeartbeat), at an index
    // whose term the leader still knows: what the follower holds, or the leader's snapshot end.
    // Its answer matches at most that much, or is a stale rejection: neither ends the wait.
    const at = Math.max(p.matchIndex, s.log.base);
    send(c, {
      kind: 'AppendEntries',
      to: peer,
      term: s.currentTerm,
      prevLogIndex: asIndex(at),
      prevLogTerm: termAt(s.log, at),
      entries: [],
      leaderCommit: asIndex(Math.min(s.commitIndex, p.matchIndex)),
      knownMatchIndex: p.matchIndex,
      sentAt: c.now,
    });
    return;
  }
  // §5: the entries it needs are compacted away: it gets the snapshot instead.
  if (needsSnapshot(s, p.nextIndex)) return sendSnapshot(c, peer);
  if (!maySend(p, heartbeat)) return;
  const prevLogIndex = asIndex(p.nextIndex - 1);
  const last = Math.min(lastIndex(s.log), prevLogIndex + s.options.maxEntriesPerAppend);
  const entries = entriesBetween(s.log, prevLogIndex + 1, last);
  send(c, {
    kind: 'AppendEntries',
    to: peer,
    term: s.currentTerm,
    prevLogIndex,
    prevLogTerm: termAt(s.log, prevLogIndex),
    entries,
    leaderCommit: s.commitIndex,
    knownMatchIndex: p.matchIndex,
    sentAt: c.now,
  });
  setProgress(c, peer, progressSent(p, prevLogIndex + entries.length, entries.length > 0));
}

/**
 * Sends every peer what it lacks (§5.3) as flow control allows, or with `heartbeat` to every
 * peer whatever it allows (§5.2).
 */
export function broadcastAppend(c: Ctx, heartbeat = false): void {
  for (const peer of c.s.config.peers) sendAppend(c, peer, heartbeat);
}

/** Receiver side of AppendEntries; `m.term` is already this node's term (node.ts enforces §5.1). */
export function handleAppendEntries(c: Ctx, request: AppendEntries): void {
  const s = c.s;
  // §5.2: a candidate that hears from a leader of its term returns to follower.
  if (s.role !== 'follower') becomeFollower(c, request.term, request.from);
  s.leaderId = request.from;
  s.lastLeaderContact = c.now;
  resetElectionTimer(c);

  // §5: entries up to our snapshot are committed, so they are the leader's: skip them.
  const m = request.prevLogIndex < s.log.base ? pastSnapshot(c, request) : request;
  if (m === null) return;
  // §5.3 consistency check: the entry before the new ones must match the leader's.
  if (m.prevLogIndex > lastIndex(s.log)) return rejectAppend(c, m, 0, lastIndex(s.log) + 1);
  const localPrevTerm = termAt(s.log, m.prevLogIndex);
  if (localPrevTerm !== m.prevLogTerm) {
    const firstOfTerm = firstIndexOfTerm(s.log, localPrevTerm, m.prevLogIndex);
    return rejectAppend(c, m, localPrevTerm, firstOfTerm);
  }

  appendFromLeader(c, m);
  const lastNew = m.prevLogIndex + m.entries.length;
  // §5.3: commitIndex = min(leaderCommit, index of last new entry); it never moves back.
  const commit = Math.min(m.leaderCommit, lastNew);
  if (commit > s.commitIndex) s.commitIndex = asIndex(commit);
  applyCommitted(c);
  send(c, {
    kind: 'AppendEntriesReply',
    to: m.from,
    term: s.currentTerm,
    success: true,
    index: asIndex(lastNew),
    conflictTerm: asTerm(0),
    conflictIndex: asIndex(0),
    knownMatchIndex: m.knownMatchIndex,
    sentAt: m.sentAt,
  });
}

/**
 * An AppendEntries that starts inside this follower's snapshot (§5): the entries the snapshot
 * covers are committed, hence the same as the leader's, so only the rest is checked and added.
 * Example: snapshot at 10, request prev 7 with 8…12 → handled as prev 10 with 11 and 12.
 */
function pastSnapshot(c: Ctx, m: AppendEntries): AppendEntries | null {
  const s = c.s;
  const skip = s.log.base - m.prevLogIndex;
  if (skip < m.entries.length) {
    const prevLogTerm = m.entries[skip - 1]!.term;
    return { ...m, prevLogIndex: s.log.base, prevLogTerm, entries: m.entries.slice(skip) };
  }
  // Every entry it carries is in the snapshot: all held, nothing to add.
  send(c, {
    kind: 'AppendEntriesReply',
    to: m.from,
    term: s.currentTerm,
    success: true,
    index: asIndex(m.prevLogIndex + m.entries.length),
    conflictTerm: asTerm(0),
    conflictIndex: asIndex(0),
    knownMatchIndex: m.knownMatchIndex,
    sentAt: m.sentAt,
  });
  return null;
}

/** A failed consistency check, with the hint that lets the leader skip a term at a time. */
function rejectAppend(c: Ctx, m: AppendEntries, conflictTerm: number, conflictIndex: number): void {
  send(c, {
    kind: 'AppendEntriesReply',
    to: m.from,
    term: c.s.currentTerm,
    success: false,
    index: m.prevLogIndex,
    conflictTerm: asTerm(conflictTerm),
    conflictIndex: asIndex(conflictIndex),
    knownMatchIndex: m.knownMatchIndex,
    sentAt: m.sentAt,
  });
}

/**
 * §5.3: "If an existing entry conflicts with a new one (same index but different terms), delete
 * the existing entry and all that follow it." Only on a conflict: an old, reordered request must
 * not cut off entries a newer one already added (with the rule switched off, it does).
 */
function appendFromLeader(c: Ctx, m: AppendEntries): void {
  const s = c.s;
  if (!s.options.rules.truncateOnlyOnConflict) {
    const at = m.prevLogIndex + 1;
    setLog(c, append(truncateFrom(s.log, at), m.entries), at);
    return;
  }
  for (let i = 0; i < m.entries.length; i++) {
    const index = m.prevLogIndex + 1 + i;
    const entry = m.entries[i]!;
    if (index <= lastIndex(s.log) && termAt(s.log, index) === entry.term) continue;
    const rest = m.entries.slice(i);
    setLog(c, append(truncateFrom(s.log, index), rest), index);
    return;
  }
}

export function handleAppendEntriesReply(c: Ctx, m: AppendEntriesReply): void {
  const s = c.s;
  const p = s.progress[m.from];
  if (s.role !== 'leader' || !p) return;
  if (m.success) {
    const next = progressMatched(p, m.index, m.sentAt);
    setProgress(c, m.from, next);
    maybeCommit(c);
    if (s.role !== 'leader') return; // it was removed and stepped down (§4.2.2)
    maybeServeReads(c);
    if (maybeSendTimeoutNow(c, m.from)) return;
    // Keep the pipeline full when a batch limit held entries back: send while the window allows.
    fillWindow(c, m.from);
    return;
  }
  const next = progressRejected(p, m, s.log);
  setProgress(c, m.from, next);
  maybeServeReads(c); // a rejection in this term confirms leadership all the same
  if (next.nextIndex !== p.nextIndex) sendAppend(c, m.from);
}

/** Sends `peer` batch after batch while it lacks entries and flow control lets more go out. */
function fillWindow(c: Ctx, peer: NodeId): void {
  const s = c.s;
  for (;;) {
    const p = s.progress[peer];
    if (!p || p.nextIndex > lastIndex(s.log) || !maySend(p, false)) return;
    sendAppend(c, peer);
    if (s.progress[peer] === p) return; // nothing went out (a snapshot is pending)
  }
}

/**
 * §5.3 and §5.4.2 (Figure 8): commit the highest index stored on a majority, but only by counting
 * replicas of an entry from the leader's current term; earlier entries then commit with it.
 */
export function maybeCommit(c: Ctx): boolean {
  const s = c.s;
  const n = committedIndex(s.config, s.id, lastIndex(s.log), s.progress);
  if (n <= s.commitIndex) return false;
  if (s.options.rules.currentTermCommit && termAt(s.log, n) !== s.currentTerm) return false;
  s.commitIndex = n;
  applyCommitted(c);
  maybeStepDownRemoved(c);
  return true;
}

/**
 * Applies committed entries in index order; a leader answers the client whose write it was. A
 * write its session already applied (§6.3) changes nothing and is answered with the saved reply.
 */
export function applyCommitted(c: Ctx): void {
  const s = c.s;
  if (s.lastApplied >= s.commitIndex) return;
  const machine = ownMachine(c);
  while (s.lastApplied < s.commitIndex) {
    const index = asIndex(s.lastApplied + 1);
    const entry = entryAt(s.log, index);
    if (!entry) break; // only reachable with a rule switched off: the log lost committed entries
    s.lastApplied = index;
    const saved = applyEntry(machine, index, entry);
    c.out.push({ kind: 'apply', index, entry, duplicate: saved !== null });
    if (s.role === 'leader' && answersClient(entry)) {
      send(c, {
        kind: 'ClientReply',
        to: CLIENT_ID,
        requestId: entry.requestId,
        ok: true,
        index: saved?.index ?? index,
        term: saved?.term ?? entry.term,
        error: '',
        ...(saved !== null ? { duplicate: true as const } : {}),
      });
    }
  }
  maybeServeReads(c);
}

/**
 * A leader appends the write and replicates it at once; a follower forwards it to the leader it
 * knows; with no leader known, the request fails straight away.
 */
export function handleClientRequest(c: Ctx, m: ClientRequest): void {
  const s = c.s;
  const command = m.command;
  // §3.10: a leader handing over takes no requests until the transfer ends.
  if (
    s.role === 'leader' &&
    s.transfer !== null &&
    !(command.kind === 'read' && command.mode === 'local')
  ) {
    return refuseRequest(c, m.requestId, 'transferring');
  }
  if (command.kind === 'read' && handleRead(c, m, command)) {
    // readIndex: a round of heartbeats sent now confirms leadership for this read (§6.4).
    if (wantsHeartbeat(c)) broadcastAppend(c, true);
    return maybeServeReads(c);
  }
  if (s.role === 'leader') {
    if (command.kind === 'read') return; // not reached: a leader serves every read above
    if (isConfigRequest(command)) {
      if (!handleConfigRequest(c, { ...m, command })) return;
    } else {
      const entry =
        m.session === undefined
          ? { term: s.currentTerm, command, requestId: m.requestId }
          : { term: s.currentTerm, command, requestId: m.requestId, session: m.session };
      setLog(c, append(s.log, [entry]), lastIndex(s.log) + 1);
    }
    broadcastAppend(c);
    maybeCommit(c); // a cluster of one commits on its own
    return;
  }
  if (s.leaderId !== null && s.leaderId !== s.id && m.hops < MAX_FORWARD_HOPS) {
    send(c, { ...m, to: s.leaderId, hops: m.hops + 1 });
    return;
  }
  refuseRequest(c, m.requestId, 'noLeaderKnown');
}

function isConfigRequest(command: ClientCommand): command is ConfigRequest {
  return (
    command.kind === 'addServer' ||
    command.kind === 'removeServer' ||
    command.kind === 'changeVoters' ||
    command.kind === 'transferLeadership'
  );
}
