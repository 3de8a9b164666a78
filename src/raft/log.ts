// The replicated log as an immutable value with cheap appends. Indexes start at 1 (§5.3).
//
// Entries live in chunks of CHUNK slots. Values share chunks and each sees only its first
// `length` entries. Appending pushes in place when nobody has written past this value's end;
// otherwise it copies first — but only the one chunk it writes into and the list of chunk
// references, so a follower whose tail a new leader replaces pays O(length / CHUNK), not
// O(length), however long the history. Old values stay valid:
//   a = [x]; b = append(a, [y]) shares a's chunk; append(a, [z]) copies it, since slot 2 holds y.
import type { Entry, LogIndex, Term } from './types';
import { asIndex, asTerm } from './types';

/** Slots per chunk (2^SHIFT): a diverging append copies at most this many entries. */
const SHIFT = 8;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export interface RaftLog {
  /** Shared backing chunks: never read past `length`, never write except through this module. */
  readonly chunks: Entry[][];
  readonly length: number;
}

export const EMPTY_LOG: RaftLog = { chunks: [], length: 0 };

export function logFrom(entries: readonly Entry[]): RaftLog {
  return append(EMPTY_LOG, entries);
}

export function lastIndex(log: RaftLog): LogIndex {
  return asIndex(log.length);
}

/** The entry at `index`, or undefined outside 1…lastIndex. */
export function entryAt(log: RaftLog, index: number): Entry | undefined {
  if (!(index >= 1 && index <= log.length)) return undefined;
  const i = index - 1;
  return log.chunks[i >> SHIFT]![i & MASK];
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
  const used = Math.ceil(log.length / CHUNK);
  // Someone appended past this value's end if the chunk list or its last chunk is longer.
  let chunks = log.chunks.length === used ? log.chunks : log.chunks.slice(0, used);
  let fill = log.length % CHUNK;
  if (fill > 0) {
    const last = chunks[used - 1]!;
    if (last.length !== fill) {
      if (chunks === log.chunks) chunks = chunks.slice();
      chunks[used - 1] = last.slice(0, fill);
    }
  }
  let chunk = fill > 0 ? chunks[used - 1]! : null;
  for (const e of entries) {
    if (chunk === null || fill === CHUNK) {
      chunk = [];
      chunks.push(chunk);
      fill = 0;
    }
    chunk.push(e);
    fill++;
  }
  return { chunks, length: log.length + entries.length };
}

/** Keeps entries before `index`; the entry at `index` and all after it are gone. */
export function truncateFrom(log: RaftLog, index: number): RaftLog {
  return index > log.length ? log : { chunks: log.chunks, length: Math.max(0, index - 1) };
}

/** Entries from `from` to `to`, both included, clipped to the log. */
export function entriesBetween(log: RaftLog, from: number, to: number): Entry[] {
  let i = Math.max(from, 1) - 1; // 0-based, inclusive
  const end = Math.min(to, log.length); // 0-based, exclusive
  if (i >= end) return [];
  const first = (i / CHUNK) | 0;
  // Within one chunk (the common case: a heartbeat's batch), one slice.
  if (first === (((end - 1) / CHUNK) | 0)) {
    return log.chunks[first]!.slice(i % CHUNK, (i % CHUNK) + (end - i));
  }
  const out: Entry[] = [];
  while (i < end) {
    const c = (i / CHUNK) | 0;
    const stop = Math.min(end, (c + 1) * CHUNK);
    const chunk = log.chunks[c]!;
    for (let k = i % CHUNK, n = stop - i; n > 0; k++, n--) out.push(chunk[k]!);
    i = stop;
  }
  return out;
}

export function toArray(log: RaftLog): Entry[] {
  return entriesBetween(log, 1, log.length);
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
