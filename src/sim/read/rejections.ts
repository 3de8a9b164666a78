// Why each follower's log was last refused (simulator layer, read model): the AppendEntries
// consistency check of §5.3, seen from the reply the leader received. Folded from the run's
// events, so it changes nothing in the run or its trace; viewers get codes and numbers, the UI
// words them.
//
// Worked example: the leader (term 3) sends entries from 5 with prevLogIndex 4, prevLogTerm 3;
// the follower holds term 2 at index 4 (first stored at 2) and refuses. When that reply reaches
// the leader it backs nextIndex off and resends at once (the core pipelines: its nextIndex is
// past the resent entries again by the end of the step, so the back-off is visible only here):
//   { code: 'termMismatch', prevLogIndex: 4, prevLogTerm: 3, conflictTerm: 2, conflictIndex: 2,
//     backedOffTo: 2, resentThrough: 6, … }
// The view clears when the follower next accepts an AppendEntries, moves to a later term, or
// crashes.
import type { AppendEntries, AppendEntriesReply, Message } from '../../raft';
import type { TraceEvent } from '../trace';

/** Why the follower refused: its log ends before prevLogIndex, or holds another term there. */
export type RejectionCode = 'logTooShort' | 'termMismatch';

export interface RejectionView {
  readonly code: RejectionCode;
  readonly follower: number;
  readonly leader: number;
  /** The leader's term, in which it asked and the follower answered. */
  readonly term: number;
  /** The entry before the new ones, as the leader asked: "an entry of term prevLogTerm at prevLogIndex". */
  readonly prevLogIndex: number;
  /** Null only when the request itself was not seen (a fold started mid-run). */
  readonly prevLogTerm: number | null;
  /** The follower's hint: the term it holds at prevLogIndex (0 when its log is too short)… */
  readonly conflictTerm: number;
  /** …and the first index it stores for that term (its last index + 1 when too short). */
  readonly conflictIndex: number;
  /** The leader's nextIndex for the follower right after the back-off: where it resent from. */
  readonly backedOffTo: number;
  /** The last index the resend carried (backedOffTo − 1 for an empty one). */
  readonly resentThrough: number;
  /** The event at which the leader received the rejection (its trace seq) and its time. */
  readonly seq: number;
  readonly at: number;
}

type Reply = AppendEntriesReply;

const isReplyTo = (m: Message, to: number): m is Reply =>
  m.kind === 'AppendEntriesReply' && m.to === to;
const isAppendTo = (m: Message, to: number): m is AppendEntries =>
  m.kind === 'AppendEntries' && m.to === to;

/**
 * Feed it every event in order (`note`), read each follower's open rejection (`of`). One per
 * viewer: the store's frame projector keeps one per cluster, a test keeps its own.
 */
export class RejectionTracker {
  /** Refused requests by follower: "leader:term:prevLogIndex" → prevLogTerm asked for. */
  private readonly asked = new Map<number, Map<string, number>>();
  private readonly open = new Map<number, RejectionView>();

  /** The follower's last rejection, while it is still open; else null. */
  of(follower: number): RejectionView | null {
    return this.open.get(follower) ?? null;
  }

  /** Takes one event; says whether any follower's view changed. */
  note(e: TraceEvent): boolean {
    if (e.kind === 'action') {
      const d = e.detail;
      return (d.do === 'crash' || d.do === 'setDisk') && this.clear(d.node);
    }
    if (e.kind !== 'step') return false;
    // A later term: what it refused before no longer stands (requests of the old term are moot).
    const changed = e.after.term > e.before.term && this.clear(e.node);
    const m = e.message;
    if (m?.kind === 'AppendEntries') return this.noteAnswer(e, m) || changed;
    if (m?.kind === 'AppendEntriesReply' && !m.success) return this.noteBackoff(e, m) || changed;
    return changed;
  }

  /** The follower's side: remember what it refused, or close its view once it accepts. */
  private noteAnswer(e: Extract<TraceEvent, { kind: 'step' }>, m: AppendEntries): boolean {
    const reply = e.sent.find((s): s is Reply => isReplyTo(s, m.from));
    if (!reply) return false;
    // Accepted: the open view closes. What it refused stays known: a rejection still on its
    // way to the leader (overtaken by this success) keeps its prevLogTerm.
    if (reply.success) return this.open.delete(e.node);
    // A stale request refused for its term (the sender will step down) says nothing about logs.
    if (reply.term !== m.term) return false;
    let asked = this.asked.get(e.node);
    if (!asked) this.asked.set(e.node, (asked = new Map()));
    asked.set(key(m.from, m.term, m.prevLogIndex), m.prevLogTerm);
    return false;
  }

  /** The leader's side: a rejection it acted on, i.e. it backed off and resent (§5.3). */
  private noteBackoff(e: Extract<TraceEvent, { kind: 'step' }>, m: Reply): boolean {
    if (e.before.role !== 'leader' || e.before.term !== m.term) return false;
    // No resend: a stale rejection (a later success overtook it) that changed nothing.
    const resend = e.sent.find((s): s is AppendEntries => isAppendTo(s, m.from));
    if (!resend) return false;
    const prevLogTerm = this.asked.get(m.from)?.get(key(e.node, m.term, m.index)) ?? null;
    this.open.set(m.from, {
      code: m.conflictTerm === 0 ? 'logTooShort' : 'termMismatch',
      follower: m.from,
      leader: e.node,
      term: m.term,
      prevLogIndex: m.index,
      prevLogTerm,
      conflictTerm: m.conflictTerm,
      conflictIndex: m.conflictIndex,
      backedOffTo: resend.prevLogIndex + 1,
      resentThrough: resend.prevLogIndex + resend.entries.length,
      seq: e.seq,
      at: e.at,
    });
    return true;
  }

  /** Forgets the follower's view and what it refused (after a crash or a term change). */
  private clear(follower: number): boolean {
    this.asked.delete(follower);
    return this.open.delete(follower);
  }
}

const key = (leader: number, term: number, prevLogIndex: number) =>
  `${leader}:${term}:${prevLogIndex}`;
