// Leader Completeness (§5.4, Figure 3): if an entry is committed in a term, it is in the log
// of every leader of every higher term. Committed entries are recorded with the term in which
// they were first seen committed; a leader of term T must hold, with the same prefix digest,
// the highest entry committed in any term up to T (and with it everything before). That entry
// comes from a staircase of running maxima (highestCommitted.ts), so a leader's step costs the
// same after a thousand terms as after one.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView, Metered } from './checker';
import { digestOf, lastIndexOf } from './checker';
import { highestCommitted } from './highestCommitted';
import { IndexWindow } from './indexWindow';

export function leaderCompleteness(): Checker & Metered {
  // Per committed index: the prefix digest it was committed with, and the term that committed
  // it (flat arrays rather than an object per index: they grow with the log).
  const committedDigest = new IndexWindow<number>();
  const committedTerm = new IndexWindow<number>();
  /** Every index 1…recordedUpTo is recorded: a node's commits start again at 0 after a restart. */
  let recordedUpTo = 0;
  const highest = highestCommitted();
  let work = 0;

  return {
    id: 'leaderCompleteness',
    rule: 'Leader Completeness',
    get work() {
      return work + highest.work;
    },
    afterCompaction(upTo: number) {
      committedDigest.forgetUpTo(upTo);
      committedTerm.forgetUpTo(upTo);
      recordedUpTo = Math.max(recordedUpTo, upTo);
    },
    afterCommit(view: ClusterView, id: NodeId, from: number, to: number) {
      const node = view.node(id);
      const term = node.status?.currentTerm ?? 0;
      const last = Math.min(to, lastIndexOf(node));
      for (let i = Math.max(from, recordedUpTo, node.logBase - 1) + 1; i <= last; i++) {
        work++;
        if (committedTerm.get(i) !== undefined) continue;
        committedDigest.set(i, digestOf(node, i)!);
        committedTerm.set(i, term);
        highest.record(term, i);
      }
      while (committedTerm.get(recordedUpTo + 1) !== undefined) recordedUpTo++;
      return null;
    },
    afterStep(view: ClusterView, id: NodeId) {
      const node = view.node(id);
      if (node.status?.role !== 'leader') return null;
      const k = highest.upTo(node.status.currentTerm);
      if (k === 0) return null;
      // Inside the leader's snapshot, compare at the snapshot's end: its prefix holds index k.
      const at = Math.max(k, node.logBase);
      const known = committedDigest.get(at);
      const held = digestOf(node, at);
      if (lastIndexOf(node) < k || (known !== undefined && held !== known)) {
        return {
          code: 'leaderLacksCommitted',
          node: id,
          term: node.status.currentTerm,
          index: k,
          committedTerm: committedTerm.get(k) ?? 0,
        };
      }
      return null;
    },
  };
}
