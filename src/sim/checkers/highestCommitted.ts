// The highest index committed in any term up to T, kept as a staircase for Leader Completeness
// (simulator layer, a helper of one checker). Commits nearly always arrive in non-decreasing
// term order, which costs O(1); a lagging node that learns a commit while still in an older
// term inserts a step in the middle, found by binary search. Queries are O(1) for the newest
// term and O(log steps) for an older one.
//
// Example: commits (term 2, index 5), (term 4, index 9), then a late (term 3, index 12) leave the
// steps [2→5, 3→12]: up to term 2 the highest is 5, up to term 3 or 4 it is 12.

export interface HighestCommitted {
  /** Index `index` was first seen committed by a node in term `term`. */
  record(term: number, index: number): void;
  /** The highest index recorded in any term ≤ `term`, or 0. */
  upTo(term: number): number;
  /** Steps looked at, inserted or removed so far (for cost tests). */
  readonly work: number;
}

export function highestCommitted(): HighestCommitted {
  // Step j: from term terms[j] on the highest committed index is indices[j]. Both strictly
  // increase with j: a step that raises nothing is never kept.
  const terms: number[] = [];
  const indices: number[] = [];
  let work = 0;

  /** The last step whose term is ≤ `term`, or -1. */
  const lastAtOrBelow = (term: number): number => {
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      work++;
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! <= term) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  /** A commit from an older term: it may raise the steps after its place; those it covers go. */
  const insert = (term: number, index: number): void => {
    const j = lastAtOrBelow(term);
    if (j >= 0 && indices[j]! >= index) return;
    let end = j + 1;
    while (end < terms.length && indices[end]! <= index) end++;
    // The splice shifts the steps after it; counted, so a test would see it if it were common.
    work += terms.length - j;
    if (j >= 0 && terms[j] === term) {
      indices[j] = index;
      terms.splice(j + 1, end - j - 1);
      indices.splice(j + 1, end - j - 1);
    } else {
      terms.splice(j + 1, end - j - 1, term);
      indices.splice(j + 1, end - j - 1, index);
    }
  };

  return {
    get work() {
      return work;
    },
    record(term, index) {
      work++;
      const last = terms.length - 1;
      if (last >= 0 && term < terms[last]!) return insert(term, index);
      if (last >= 0 && index <= indices[last]!) return;
      if (last >= 0 && term === terms[last]) indices[last] = index;
      else {
        terms.push(term);
        indices.push(index);
      }
    },
    upTo(term) {
      const last = terms.length - 1;
      if (last < 0) return 0;
      if (term >= terms[last]!) return indices[last]!;
      const j = lastAtOrBelow(term);
      return j < 0 ? 0 : indices[j]!;
    },
  };
}
