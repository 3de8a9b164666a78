// Leader Completeness (§5.4, Figure 3): if an entry is committed in a term, it is in the log
// of every leader of every higher term. Committed entries are recorded with the term in which
// they were first seen committed; a leader of term T must hold, with the same prefix digest,
// the highest entry committed in any term up to T (and with it everything before).
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';

export function leaderCompleteness(): Checker {
  // Per committed index: the prefix digest it was committed with, and the term that committed
  // it (flat arrays rather than an object per index: they grow with the log).
  const committedDigest: number[] = [];
  const committedTerm: number[] = [];
  /** Highest committed index per committing term. */
  const highestByTerm = new Map<number, number>();
  const highestUpToCache = new Map<number, number>();

  const highestUpTo = (term: number): number => {
    let best = highestUpToCache.get(term);
    if (best === undefined) {
      best = 0;
      for (const [t, index] of highestByTerm) if (t <= term && index > best) best = index;
      highestUpToCache.set(term, best);
    }
    return best;
  };

  return {
    id: 'leaderCompleteness',
    rule: 'Leader Completeness',
    afterCommit(view: ClusterView, id: NodeId, from: number, to: number) {
      const node = view.node(id);
      const term = node.status?.currentTerm ?? 0;
      const last = Math.min(to, node.log.length);
      for (let i = from + 1; i <= last; i++) {
        if (committedTerm[i] !== undefined) continue;
        committedDigest[i] = node.prefix[i]!;
        committedTerm[i] = term;
        if ((highestByTerm.get(term) ?? 0) < i) highestByTerm.set(term, i);
        highestUpToCache.clear();
      }
      return null;
    },
    afterStep(view: ClusterView, id: NodeId) {
      const node = view.node(id);
      if (node.status?.role !== 'leader') return null;
      const k = highestUpTo(node.status.currentTerm);
      if (k === 0) return null;
      if (node.log.length < k || node.prefix[k] !== committedDigest[k]) {
        return {
          code: 'leaderLacksCommitted',
          node: id,
          term: node.status.currentTerm,
          index: k,
          committedTerm: committedTerm[k]!,
        };
      }
      return null;
    },
  };
}
