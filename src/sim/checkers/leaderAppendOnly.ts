// Leader Append-Only (§5.3, Figure 3): a leader never overwrites or deletes entries in its
// log; it only appends. Checked by remembering the digest of the log a leader had.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';
import { digestOf, lastIndexOf } from './checker';

interface Seen {
  term: number;
  length: number;
  digest: number;
}

export function leaderAppendOnly(): Checker {
  /** Per node id, what its log looked like after its last step as leader (updated in place). */
  const seen: (Seen | undefined)[] = [];
  return {
    id: 'leaderAppendOnly',
    rule: 'Leader Append-Only',
    afterStep(view: ClusterView, id: NodeId) {
      const node = view.node(id);
      const before = seen[id];
      if (node.status?.role !== 'leader') {
        if (before) seen[id] = undefined;
        return null;
      }
      const term = node.status.currentTerm;
      const length = lastIndexOf(node);
      const digest = digestOf(node, length)!;
      if (!before) {
        seen[id] = { term, length, digest };
        return null;
      }
      const { term: wasTerm, length: wasLength, digest: wasDigest } = before;
      before.term = term;
      before.length = length;
      before.digest = digest;
      if (wasTerm !== term) return null;
      // A compaction (§5) hides a prefix, it does not change it: what is gone is not compared.
      const now = digestOf(node, wasLength);
      if (length < wasLength || (now !== undefined && now !== wasDigest)) {
        return { code: 'leaderRewrote', node: id, term, index: wasLength };
      }
      return null;
    },
  };
}
