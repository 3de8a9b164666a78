// Reads without the log (thesis §6.4): readIndex confirms leadership with a round of heartbeats,
// lease trusts a lease a majority renewed, local trusts nothing. A read waits in `reads` until it
// is safe and its read index is applied, then the server answers from its own state machine.
import type { Ctx } from './context';
import { send } from './context';
import type { ClientRequest, ReadIndex, ReadIndexReply, ReadProof } from './messages';
import type { ClientErrorCode } from './messages';
import { termAt } from './log';
import { refuseRequest } from './membership';
import { confirmedSince, leaseStart, voteResult } from './tracker';
import type { NodeId, ReadMode, ReadRequest } from './types';
import { CLIENT_ID, asIndex } from './types';

/** A read on its way to an answer. */
export interface PendingRead {
  readonly requestId: number;
  readonly key: string;
  readonly mode: Exclude<ReadMode, 'local'>;
  /** Who asked: this server answers the client itself; a follower gets a ReadIndexReply. */
  readonly origin: NodeId;
  /** The read index once noted (the commit index then); -1 before. */
  readonly index: number;
  /** Leader: replies to requests sent at or after this confirm leadership for this read. */
  readonly since: number;
  /** Once safe: the voters that confirmed it (readIndex), or [] (lease); null before. */
  readonly confirmedBy: readonly NodeId[] | null;
  /** Lease only: until when the lease held when it was checked; -1 otherwise. */
  readonly leaseUntil: number;
  /** Not safe by then: refused (a deposed leader never learns it lost; §6.4). */
  readonly until: number;
}

/** A read a client asked of this server: answered now (local), queued, or passed to the leader. */
export function handleRead(c: Ctx, m: ClientRequest, read: ReadRequest): boolean {
  const s = c.s;
  if (read.mode === 'local') {
    // Unsafe by design: whatever this server has applied, however stale (§6.4 warns why).
    const unchecked: ReadProof = { mode: 'local', confirmedBy: [], leaseUntil: -1 };
    answerRead(c, m.requestId, read.key, s.lastApplied, unchecked);
    return true;
  }
  if (s.role === 'leader') {
    if (read.mode === 'lease' && !s.options.checkQuorum) {
      refuseRequest(c, m.requestId, 'leaseNeedsCheckQuorum');
      return true;
    }
    queueRead(c, m.requestId, read.key, read.mode, s.id);
    return true;
  }
  if (read.mode === 'readIndex' && s.leaderId !== null && s.leaderId !== s.id) {
    // A follower serves it itself once the leader has told it how far it must have applied.
    queueRead(c, m.requestId, read.key, read.mode, s.id);
    send(c, { kind: 'ReadIndex', to: s.leaderId, term: s.currentTerm, requestId: m.requestId });
    return true;
  }
  return false; // a lease read is the leader's to serve: forward it like a write
}

/** The leader takes a follower's request for a read index. */
export function handleReadIndex(c: Ctx, m: ReadIndex): void {
  if (c.s.role !== 'leader' || c.s.transfer !== null) return; // the follower gives up in time
  queueRead(c, m.requestId, '', 'readIndex', m.from);
}

/** A follower learns the read index its leader confirmed. */
export function handleReadIndexReply(c: Ctx, m: ReadIndexReply): void {
  const s = c.s;
  const at = s.reads.findIndex((r) => r.requestId === m.requestId && r.index < 0);
  if (at < 0 || s.role !== 'follower') return;
  const reads = s.reads.slice();
  reads[at] = { ...reads[at]!, index: m.index, confirmedBy: m.confirmedBy };
  s.reads = reads;
}

function queueRead(
  c: Ctx,
  requestId: number,
  key: string,
  mode: PendingRead['mode'],
  origin: NodeId,
): void {
  const s = c.s;
  const read: PendingRead = {
    requestId,
    key,
    mode,
    origin,
    index: -1,
    since: c.now,
    confirmedBy: null,
    leaseUntil: -1,
    until: c.now + s.options.electionTimeoutMs[0],
  };
  s.reads = [...s.reads, read];
}

/** Whether a readIndex read on this leader asks for a fresh round of heartbeats now. */
export function wantsHeartbeat(c: Ctx): boolean {
  const s = c.s;
  return s.role === 'leader' && s.reads.some((r) => r.mode === 'readIndex' && r.since === c.now);
}

/**
 * Moves every waiting read as far as it can go: safe, then answered once applied; refused when
 * it could not be made safe in time. Cheap when nothing waits (the common case).
 */
export function maybeServeReads(c: Ctx): void {
  const s = c.s;
  if (s.reads.length === 0) return;
  const waiting: PendingRead[] = [];
  for (const read of s.reads) {
    const next = s.role === 'leader' ? advanceOnLeader(c, read) : read;
    if (next === null) continue;
    if (next.confirmedBy !== null && next.index >= 0 && next.origin === s.id) {
      if (s.lastApplied >= next.index) {
        answerRead(c, next.requestId, next.key, next.index, proofOf(next));
        continue;
      }
    } else if (next.confirmedBy === null && c.now >= next.until) {
      refuseRequest(
        c,
        next.requestId,
        next.mode === 'lease' ? 'leaseExpired' : 'leadershipUnconfirmed',
      );
      continue;
    }
    waiting.push(next);
  }
  if (waiting.length !== s.reads.length || waiting.some((r, i) => r !== s.reads[i])) {
    s.reads = waiting;
  }
}

/**
 * One read on the leader: note the read index once the leader has committed an entry of its
 * term (before that its commit index may lag, §6.4), then check leadership; a follower's read
 * is handed back to it as soon as it is safe. Null once it is gone to the follower.
 */
function advanceOnLeader(c: Ctx, read: PendingRead): PendingRead | null {
  const s = c.s;
  if (read.confirmedBy !== null) return read;
  if (termAt(s.log, s.commitIndex) !== s.currentTerm) return read;
  const noted = read.index >= 0 ? read : { ...read, index: s.commitIndex };
  let safe: PendingRead | null = null;
  if (noted.mode === 'readIndex') {
    const by = confirmedSince(s.config, s.id, noted.since, s.progress);
    if (voteResult(s.config, by, []) === 'won') safe = { ...noted, confirmedBy: by };
  } else if (s.transfer === null) {
    // No lease while handing over (§3.10): the target stands at once, and voters answer it
    // inside the lease, so the lease no longer says no other leader can exist.
    const until = leaseStart(s.config, s.id, c.now, s.progress) + s.options.electionTimeoutMs[0];
    if (c.now < until) safe = { ...noted, confirmedBy: [], leaseUntil: until };
  }
  if (safe === null) return noted;
  if (safe.origin === s.id) return safe;
  send(c, {
    kind: 'ReadIndexReply',
    to: safe.origin,
    term: s.currentTerm,
    requestId: safe.requestId,
    index: asIndex(safe.index),
    confirmedBy: safe.confirmedBy!,
  });
  return null;
}

/**
 * Reads this server can no longer answer honestly: its term changed or it stopped leading, so
 * the leadership or the read index they waited for belongs to a past term.
 */
export function abandonReads(c: Ctx, error: ClientErrorCode): void {
  const s = c.s;
  if (s.reads.length === 0) return;
  for (const read of s.reads) if (read.origin === s.id) refuseRequest(c, read.requestId, error);
  s.reads = [];
}

/** The earliest time a waiting read must be looked at again (to refuse it); Infinity if none. */
export function nextReadDeadline(reads: readonly PendingRead[]): number {
  let at = Infinity;
  for (const r of reads) if (r.confirmedBy === null && r.until < at) at = r.until;
  return at;
}

function proofOf(read: PendingRead): ReadProof {
  return { mode: read.mode, confirmedBy: read.confirmedBy ?? [], leaseUntil: read.leaseUntil };
}

/** The answer: the key's value now, and `index`, the read index (a local read's lastApplied). */
function answerRead(c: Ctx, requestId: number, key: string, index: number, proof: ReadProof): void {
  const s = c.s;
  send(c, {
    kind: 'ClientReply',
    to: CLIENT_ID,
    requestId,
    ok: true,
    index: asIndex(index),
    term: s.currentTerm,
    error: '',
    value: s.machine.kv.get(key) ?? null,
    proof,
  });
}
