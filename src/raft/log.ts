// The replicated log as an immutable value with cheap appends. Indexes start at 1 (§5.3); after
// a snapshot (§5) the log starts after the snapshot's last index, `base`, and indexes go on
// counting: a log compacted at 100 holds 101, 102, … and knows only the term at 100.
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
  /** How many entries the log holds (after `base`). */
  readonly length: number;
  /** The last index a snapshot covers; 0 when there is none. Entry base + k sits at slot k − 1. */
  readonly base: LogIndex;
  /** The term of the entry at `base` (0 when base is 0). */
  readonly baseTerm: Term;
}

export const EMPTY_LOG: RaftLog = { chunks: [], length: 0, base: asIndex(0), baseTerm: asTerm(0) };

/** A log holding `entries` after a snapshot that ends at (base, baseTerm); no snapshot by default. */
export function logFrom(entries: readonly Entry[], base = 0, baseTerm = 0): RaftLog {
  const empty =
    base === 0 ? EMPTY_LOG : { ...EMPTY_LOG, base: asIndex(base), baseTerm: asTerm(baseTerm) };
  return append(empty, entries);
}

export function lastIndex(log: RaftLog): LogIndex {
  return asIndex(log.base + log.length);
}

/** The entry at `index`, or undefined outside base + 1…lastIndex (a snapshot holds the rest). */
export function entryAt(log: RaftLog, index: number): Entry | undefined {
  const i = index - log.base - 1;
  if (!(i >= 0 && i < log.length)) return undefined;
  return log.chunks[i >> SHIFT]![i & MASK];
}

/** Term at `index`; the snapshot's term at `base`, 0 at index 0, before the base and past the end. */
export function termAt(log: RaftLog, index: number): Term {
  if (index === log.base) return log.baseTerm;
  return entryAt(log, index)?.term ?? asTerm(0);
}

export function lastTerm(log: RaftLog): Term {
  return termAt(log, lastIndex(log));
}

/**
 * The log after a snapshot up to `index` (§5): the entries after it stay, indexes unchanged.
 * Example: entries 1…9, compacted at 6 → base 6 (term of 6), entries 7…9.
 */
export function compactTo(log: RaftLog, index: number): RaftLog {
  if (index <= log.base) return log;
  return logFrom(entriesBetween(log, index + 1, lastIndex(log)), index, termAt(log, index));
}

export function append(log: RaftLog, entries: readonly Entry[]): RaftLog {
  if (entries.length === 0) return log;
  const used = Math.ceil(log.length / CHUNK);
  // Someone appended past this value's end if the chunk list or its last chunk is longer.
  // An empty log (EMPTY_LOG among them) owns no chunk list worth sharing: never write into it.
  let chunks = used > 0 && log.chunks.length === used ? log.chunks : log.chunks.slice(0, used);
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
  return { chunks, length: log.length + entries.length, base: log.base, baseTerm: log.baseTerm };
}

/** Keeps entries before `index`; the entry at `index` and all after it are gone (never the snapshot). */
export function truncateFrom(log: RaftLog, index: number): RaftLog {
  if (index > lastIndex(log)) return log;
  return { ...log, length: Math.max(0, index - 1 - log.base) };
}

/** Entries from `from` to `to`, both included, clipped to the log (after its base). */
export function entriesBetween(log: RaftLog, from: number, to: number): Entry[] {
  let i = Math.max(from - log.base, 1) - 1; // slot, inclusive
  const end = Math.min(to - log.base, log.length); // slot, exclusive
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

/** The entries the log holds (after its base). */
export function toArray(log: RaftLog): Entry[] {
  return entriesBetween(log, log.base + 1, lastIndex(log));
}

/** First index holding `term`, scanning back from `from` while the term repeats (not into the snapshot). */
export function firstIndexOfTerm(log: RaftLog, term: Term, from: number): LogIndex {
  let i = from;
  while (i > log.base + 1 && termAt(log, i - 1) === term) i--;
  return asIndex(i);
}

/** Last index holding `term` (the snapshot's base counts), or 0 when there is none. */
export function lastIndexOfTerm(log: RaftLog, term: Term): LogIndex {
  for (let i = lastIndex(log); i >= log.base && i >= 1; i--) {
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
  return lastTermB > t || (lastTermB === t && lastIndexB >= lastIndex(log));
}
