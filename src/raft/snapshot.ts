// Log compaction (thesis §5): a server replaces the applied prefix of its log with a snapshot of
// its state machine, and a leader that no longer holds the entries a follower needs sends it the
// snapshot instead (InstallSnapshot). Indexes keep counting past the snapshot.
import type { Ctx, Draft } from './context';
import { configBeforeLog, resetElectionTimer, send, setProgress } from './context';
import { configAtOrBefore } from './configLog';
import type { InstallSnapshot } from './messages';
import { compactTo, lastIndex, logFrom, termAt } from './log';
import { progressSnapshotSent } from './progress';
import { becomeFollower } from './roles';
import { LayeredMap } from './layeredMap';
import type { MachineDraft, SavedReply } from './stateMachine';
import { configurationOf } from './tracker';
import type { NodeId, Snapshot } from './types';
import { asIndex, asTerm } from './types';

/** The state machine a snapshot holds, as the node keeps it. */
export function machineOf(snapshot: Snapshot): MachineDraft {
  const sessions: [number, SavedReply][] = [];
  for (const [client, seq, index, term] of snapshot.sessions) {
    sessions.push([client, { seq, index: asIndex(index), term: asTerm(term) }]);
  }
  return { kv: new LayeredMap(snapshot.kv), sessions: new LayeredMap(sessions) };
}

/**
 * Compacts everything applied into a snapshot (§5), if that covers more than the last one.
 * Example: applied 1…250 with a snapshot at 100 → a snapshot at 250, the log holds 251 on.
 * The state machine is what lastApplied left, so the snapshot is taken there or not at all:
 * not while lastApplied is past `upTo` (entries written in this very step, not on disk yet: the
 * next step compacts), nor while a joint entry at or below it waits for C_new (it carries the
 * client request that C_new answers, §4.3, and a snapshot keeps no request ids).
 */
export function takeSnapshot(c: Ctx, upTo = Infinity): void {
  const s = c.s;
  const index = s.lastApplied;
  if (index > upTo) return;
  if (s.config.state.old !== null && s.configIndex <= index) return;
  if (index <= s.log.base || index > lastIndex(s.log)) return;
  const config = configAtOrBefore(s.log, index, configBeforeLog(s));
  const sessions: [number, number, number, number][] = [];
  for (const [client, r] of s.machine.sessions) sessions.push([client, r.seq, r.index, r.term]);
  s.snapshot = {
    lastIncludedIndex: asIndex(index),
    lastIncludedTerm: termAt(s.log, index),
    config: config.state,
    configIndex: config.index,
    kv: [...s.machine.kv],
    sessions,
  };
  s.log = compactTo(s.log, index);
  c.snapshotDirty = true;
}

/**
 * After applying: compacts once `snapshotEvery` entries were applied since the last snapshot —
 * only what was on disk before this step (as etcd does): entries written in this very step are
 * not persisted yet, so a snapshot must not be the first to hold them.
 */
export function maybeCompact(c: Ctx): void {
  const every = c.s.options.snapshotEvery ?? 0;
  if (every > 0 && c.s.lastApplied - c.s.log.base >= every) takeSnapshot(c, c.logDirtyFrom - 1);
}

/** Whether `peer` needs entries this leader compacted away: then it gets the snapshot. */
export function needsSnapshot(s: Draft, nextIndex: number): boolean {
  return s.snapshot !== null && nextIndex - 1 < s.log.base;
}

/** Sends `peer` the leader's snapshot; its next entries are the ones after it. */
export function sendSnapshot(c: Ctx, peer: NodeId): void {
  const s = c.s;
  const p = s.progress[peer]!;
  const snapshot = s.snapshot!;
  send(c, {
    kind: 'InstallSnapshot',
    to: peer,
    term: s.currentTerm,
    snapshot,
    knownMatchIndex: p.matchIndex,
    sentAt: c.now,
  });
  setProgress(c, peer, progressSnapshotSent(p, snapshot.lastIncludedIndex, c.now));
}

/**
 * A follower takes the leader's snapshot (§5): unless it has committed that far already, its
 * state machine becomes the snapshot's, and its log keeps only the entries after the snapshot
 * when the entry at its last index matches (§5.1), else none. It answers as for AppendEntries.
 */
export function handleInstallSnapshot(c: Ctx, m: InstallSnapshot): void {
  const s = c.s;
  if (s.role !== 'follower') becomeFollower(c, m.term, m.from);
  s.leaderId = m.from;
  s.lastLeaderContact = c.now;
  resetElectionTimer(c);
  const snap = m.snapshot;
  const index = snap.lastIncludedIndex;
  if (index > s.commitIndex) install(c, snap);
  send(c, {
    kind: 'AppendEntriesReply',
    to: m.from,
    term: s.currentTerm,
    success: true,
    index,
    conflictTerm: asTerm(0),
    conflictIndex: asIndex(0),
    knownMatchIndex: m.knownMatchIndex,
    sentAt: m.sentAt,
  });
}

function install(c: Ctx, snap: Snapshot): void {
  const s = c.s;
  const index = snap.lastIncludedIndex;
  const matches =
    index > s.log.base &&
    index <= lastIndex(s.log) &&
    termAt(s.log, index) === snap.lastIncludedTerm;
  s.snapshot = snap;
  s.log = matches ? compactTo(s.log, index) : logFrom([], index, snap.lastIncludedTerm);
  c.snapshotDirty = true;
  c.logDirtyFrom = Math.min(c.logDirtyFrom, index + 1);
  // The configuration is the latest in what is left of the log, else the snapshot's (§4.1).
  const logged = configAtOrBefore(s.log, lastIndex(s.log), configBeforeLog(s));
  if (logged.index !== s.configIndex || logged.state !== s.config.state) {
    s.config = configurationOf(s.id, logged.state);
    s.configIndex = logged.index;
  }
  s.commitIndex = index;
  s.lastApplied = index;
  c.machineOwned = machineOf(snap);
  s.machine = c.machineOwned;
  c.out.push({ kind: 'restore', snapshot: snap });
}
