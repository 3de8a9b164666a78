// What is on each server's disk (simulator layer): the node records the world keeps for every
// server — its persistent state, a digest per log prefix for the checkers, the state machine it
// rebuilt, and what the last crash wiped out. Nothing here decides when anything happens.
import type { ConfigState, Entry, NodeId, Role, Snapshot, Term } from '../../raft';
import type { NodeView } from '../checkers';
import type { NodeStatus } from '../host';
import type { Reason } from '../read/reasons';
import type { Brief } from '../trace';
import { HASH_SEED, mixHash, mixString } from '../trace';

export interface NodeRecord extends NodeView {
  readonly id: NodeId;
  alive: boolean;
  status: NodeStatus | null;
  /** The disk: currentTerm, votedFor, the snapshot and the log after it survive a crash. */
  currentTerm: Term;
  votedFor: NodeId | null;
  /** The entries after the snapshot: index i at [i − 1 − logBase]. */
  log: Entry[];
  /** The last index the snapshot covers (§5); 0 without one. */
  logBase: number;
  snapshot: Snapshot | null;
  /** prefix[k] digests entries 1…logBase + k; always log.length + 1 long. */
  prefix: number[];
  /** The state machine, rebuilt from scratch after a restart. */
  kv: Map<string, string>;
  incarnation: number;
  /** Why the runtime itself failed (a worker that threw or hung), if it did. */
  fault: Reason | null;
  /** What the last crash wiped out: the volatile state it had, for "what was lost" on screen. */
  lost: LostState | null;
  /** Counts log rewrites that removed entries, so viewers can tell an append from a truncation. */
  truncations: number;
  /**
   * The latest configuration entry on disk and its index, or null (index 0) when the log holds
   * none: what the server uses while crashed and will boot with (thesis §4.1).
   */
  diskConfig: ConfigState | null;
  diskConfigIndex: number;
  /** The brief the node's last step event showed after it, reused while nothing in it changes. */
  lastBrief: Brief | null;
}

export interface LostState {
  readonly role: Role;
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly keys: number;
}

/** A server that has never run: empty disk, incarnation -1 (its first boot makes it 0). */
export function blankRecord(id: NodeId): NodeRecord {
  return {
    id,
    alive: false,
    status: null,
    currentTerm: 0 as Term,
    votedFor: null,
    log: [],
    logBase: 0,
    snapshot: null,
    prefix: [HASH_SEED],
    kv: new Map(),
    incarnation: -1,
    fault: null,
    lost: null,
    truncations: 0,
    diskConfig: null,
    diskConfigIndex: 0,
    lastBrief: null,
  };
}

/** The disk write: the log from `from` on becomes `entries`; digests follow. */
export function writeLog(record: NodeRecord, from: number, entries: readonly Entry[]): void {
  const base = record.logBase;
  if (from - 1 < base + record.log.length) {
    record.truncations++;
    record.log.length = from - 1 - base;
    record.prefix.length = from - base;
    if (record.diskConfigIndex >= from) findDiskConfig(record);
  }
  for (const entry of entries) {
    record.log.push(entry);
    record.prefix.push(digestEntry(record.prefix[record.prefix.length - 1]!, entry));
    if (entry.command.kind === 'config') {
      record.diskConfig = entry.command.config;
      record.diskConfigIndex = base + record.log.length;
    }
  }
}

/**
 * The disk write of a new snapshot (§5): it replaces every entry up to its last index, and the
 * log after it becomes `entries`. `digest` is the digest of the prefix the snapshot covers.
 */
export function writeSnapshot(
  record: NodeRecord,
  snapshot: Snapshot,
  entries: readonly Entry[],
  digest: number,
): void {
  const base = snapshot.lastIncludedIndex;
  const kept = record.logBase + record.log.length;
  // Entries of its own log past the snapshot that the new log does not keep were cut away.
  if (kept > base + entries.length) record.truncations++;
  record.snapshot = snapshot;
  record.logBase = base;
  record.log = [];
  record.prefix = [digest];
  record.diskConfig = null;
  record.diskConfigIndex = 0;
  findDiskConfig(record);
  writeLog(record, base + 1, entries);
}

/** Reads the log back for its latest configuration entry, else the snapshot's (after a cut). */
function findDiskConfig(record: NodeRecord): void {
  const base = record.logBase;
  for (let i = base + record.log.length; i > base; i--) {
    const command = record.log[i - 1 - base]!.command;
    if (command.kind === 'config') {
      record.diskConfig = command.config;
      record.diskConfigIndex = i;
      return;
    }
  }
  const snap = record.snapshot;
  const fromSnapshot = snap !== null && snap.configIndex > 0;
  record.diskConfig = fromSnapshot ? snap.config : null;
  record.diskConfigIndex = fromSnapshot ? snap.configIndex : 0;
}

/** The digest of entries 1…index of this disk, or undefined outside what it holds. */
export function prefixDigestOf(record: NodeRecord, index: number): number | undefined {
  return index >= record.logBase ? record.prefix[index - record.logBase] : undefined;
}

/** Replaces a (crashed) node's whole disk; the simulation API validates first. */
export function writeDisk(
  record: NodeRecord,
  currentTerm: number,
  votedFor: number | null,
  log: Entry[],
): void {
  record.currentTerm = currentTerm as Term;
  record.votedFor = votedFor as NodeId | null;
  if (record.logBase + record.log.length > 0) record.truncations++;
  record.snapshot = null;
  record.logBase = 0;
  record.log = [];
  record.prefix = [HASH_SEED];
  record.diskConfig = null;
  record.diskConfigIndex = 0;
  writeLog(record, 1, log);
}

/** The node stops: its volatile state is gone (and remembered as lost), its disk stays. */
export function wipeVolatile(record: NodeRecord, fault: Reason | null): void {
  record.lost = record.status && {
    role: record.status.role,
    commitIndex: record.status.commitIndex,
    lastApplied: record.status.lastApplied,
    keys: record.kv.size,
  };
  record.alive = false;
  record.status = null;
  record.fault = fault;
  record.kv = new Map();
}

/**
 * The node as a trace event shows it before or after a step: `known` itself when it says the
 * same (most steps change none of it, and a history keeps every event's two briefs).
 */
export function briefOf(
  known: Brief | null,
  role: Role,
  term: Term,
  commitIndex: number,
  logLength: number,
  snapshotIndex: number,
): Brief {
  if (
    known !== null &&
    known.role === role &&
    known.term === term &&
    known.commitIndex === commitIndex &&
    known.logLength === logLength &&
    known.snapshotIndex === snapshotIndex
  ) {
    return known;
  }
  return { role, term, commitIndex, logLength, snapshotIndex };
}

const KIND_CODE: Readonly<Record<Entry['command']['kind'], number>> = {
  set: 1,
  delete: 2,
  noop: 3,
  config: 4,
  append: 5,
};

function digestEntry(prefix: number, entry: Entry): number {
  let h = mixHash(mixHash(prefix, entry.term), entry.requestId ?? 0);
  const c = entry.command;
  h = mixHash(h, KIND_CODE[c.kind]);
  if (c.kind === 'set' || c.kind === 'delete' || c.kind === 'append') h = mixString(h, c.key);
  if (c.kind === 'set' || c.kind === 'append') h = mixString(mixHash(h, 0x3d), c.value);
  if (c.kind === 'config') {
    // The configuration itself: voters, learners, C_old (if joint), joining, each list closed by a mark.
    for (const id of c.config.voters) h = mixHash(h, id);
    h = mixHash(h, 0xc0);
    for (const id of c.config.learners) h = mixHash(h, id);
    h = mixHash(h, 0xc1);
    for (const id of c.config.old ?? []) h = mixHash(h, id);
    h = mixHash(h, 0xc2);
    for (const j of c.config.joining) h = mixHash(h, j.id);
  }
  return h;
}
