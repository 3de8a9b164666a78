// Majority arithmetic, shared by elections, commit and the "why odd sizes" facts on screen.
import type { LogIndex } from './types';
import { asIndex } from './types';

/** Votes or replicas that make a majority of the whole cluster (§5.2): 3→2, 4→3, 5→3. */
export function majority(clusterSize: number): number {
  return Math.floor(clusterSize / 2) + 1;
}

/** Crashed servers a cluster of this size survives: 3→1, 4→1, 5→2, 6→2. */
export function failuresTolerated(clusterSize: number): number {
  return clusterSize - majority(clusterSize);
}

/**
 * The highest index stored on a majority, given every server's match index (the leader's own
 * last index included). Example: [7, 5, 5, 3, 1] → 5, since three of five hold index 5.
 */
export function quorumIndex(matchIndexes: readonly number[]): LogIndex {
  return quorumIndexInPlace(matchIndexes.slice());
}

/** `quorumIndex` that may reorder its argument: for callers that built the list themselves. */
export function quorumIndexInPlace(matchIndexes: number[]): LogIndex {
  // Sorted high to low by insertion: clusters have at most nine servers, and this runs on
  // every AppendEntries reply, where Array#sort's comparator calls cost more.
  const sorted = matchIndexes;
  for (let i = 1; i < sorted.length; i++) {
    const x = sorted[i]!;
    let j = i - 1;
    for (; j >= 0 && sorted[j]! < x; j--) sorted[j + 1] = sorted[j]!;
    sorted[j + 1] = x;
  }
  return asIndex(sorted[majority(sorted.length) - 1] ?? 0);
}
