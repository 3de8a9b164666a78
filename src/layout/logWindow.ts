// Layout layer: which log indexes the log table shows. Long logs window to the newest entries;
// markers (commit, nextIndex, matchIndex) left of the window are reported as hidden, not lost.

export interface LogWindow {
  /** First and last index shown (1-based, inclusive); first > last when there is nothing. */
  readonly first: number;
  readonly last: number;
  /** How many older indexes are hidden to the left. */
  readonly hidden: number;
}

export const LOG_COLUMNS = 24;

/** E.g. logWindow(30) → indexes 7…30 with 6 hidden; logWindow(5) → 1…5 with 0 hidden. */
export function logWindow(longest: number, columns = LOG_COLUMNS): LogWindow {
  const last = Math.max(0, longest);
  const first = Math.max(1, last - columns + 1);
  return { first, last, hidden: first - 1 };
}

/** Where a marker at `index` goes: inside the window, or clamped to an edge. */
export function markerPlace(
  index: number,
  w: LogWindow,
): { kind: 'inside'; index: number } | { kind: 'before' } | { kind: 'after' } | { kind: 'none' } {
  if (index <= 0) return { kind: 'none' };
  if (index < w.first) return { kind: 'before' };
  if (index > w.last) return { kind: 'after' };
  return { kind: 'inside', index };
}
