// The replicated log as an immutable value with cheap appends. Indexes start at 1 (§5.3).
//
// Values share one backing array and each sees only its first `length` slots. Appending pushes
// in place when nobody has written past this value's end; otherwise it copies first. So old
// values stay valid, and a leader appending thousands of entries pays O(1) per entry:
//   a = [x]; b = append(a, [y]) shares a's array; append(a, [z]) copies, since slot 2 holds y.
import type { Entry, LogIndex, Term } from './types';
import { asIndex, asTerm } from './types';

export interface RaftLog {
  /** Shared backing store: never read past `length`, never write except through this module. */
  readonly slots: Entry[];
  readonly length: number;
}

export const EMPTY_LOG: RaftLog = { slots: [], length: 0 };

export function logFrom(entries: readonly Entry[]): RaftLog {
  return { slots: [...entries], length: entries.length };
}

export function lastIndex(log: RaftLog): LogIndex {
  return asIndex(log.length);
}

/** The entry at `index`, or undefined outside 1…lastIndex. */
export function entryAt(log: RaftLog, index: number): Entry | undefined {
  return index >= 1 && index <= log.length ? log.slots[index - 1] : undefined;
}

/** Term at `index`; 0 at index 0 (the empty prefix) and past the end. */
export function termAt(log: RaftLog, index: number): Term {
  return entryAt(log, index)?.term ?? asTerm(0);
}

export function lastTerm(log: RaftLog): Term {
  return termAt(log, log.length);
}

export function append(log: RaftLog, entries: readonly Entry[]): RaftLog {
  if (entries.length === 0) return log;
  const slots = log.slots.length === log.length ? log.slots : log.slots.slice(0, log.length);
  for (const e of entries) slots.push(e);
  return { slots, length: log.length + entries.length };
}

/** Keeps entries before `index`; the entry at `index` and all after it are gone. */
export function truncateFrom(log: RaftLog, index: number): RaftLog {
  return index > log.length ? log : { slots: log.slots, length: Math.max(0, index - 1) };
}

/** Entries from `from` to `to`, both included, clipped to the log. */
export function entriesBetween(log: RaftLog, from: number, to: number): Entry[] {
  return log.slots.slice(Math.max(from, 1) - 1, Math.min(to, log.length));
}

export function toArray(log: RaftLog): Entry[] {
  return log.slots.slice(0, log.length);
}

/** First index holding `term`, scanning back from `from` while the term repeats. */
export function firstIndexOfTerm(log: RaftLog, term: Term, from: number): LogIndex {
  let i = from;
  while (i > 1 && termAt(log, i - 1) === term) i--;
  return asIndex(i);
}

/** Last index holding `term`, or 0 when the log has no entry of that term. */
export function lastIndexOfTerm(log: RaftLog, term: Term): LogIndex {
  for (let i = log.length; i >= 1; i--) {
    const t = termAt(log, i);
    if (t === term) return asIndex(i);
    if (t < term) break; // terms never decrease along a log
  }
  return asIndex(0);
}

/**
 * §5.4.1: a log ending (lastTermB, lastIndexB) is at least as up to date as `log` when its last
 * term is higher, or equal with an index at least as long.
 */
export function isAtLeastAsUpToDate(log: RaftLog, lastTermB: Term, lastIndexB: number): boolean {
  const t = lastTerm(log);
  return lastTermB > t || (lastTermB === t && lastIndexB >= log.length);
}
