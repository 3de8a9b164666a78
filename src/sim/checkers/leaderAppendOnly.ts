// Leader Append-Only (§5.3, Figure 3): a leader never overwrites or deletes entries in its
// log; it only appends. Checked by remembering the digest of the log a leader had.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';

interface Seen {
  readonly term: number;
  readonly length: number;
  readonly digest: number;
}

export function leaderAppendOnly(): Checker {
  const seen = new Map<NodeId, Seen>();
  return {
    rule: 'Leader Append-Only',
    afterStep(view: ClusterView, id: NodeId) {
      const node = view.node(id);
      if (node.status?.role !== 'leader') {
        seen.delete(id);
        return null;
      }
      const term = node.status.currentTerm;
      const before = seen.get(id);
      seen.set(id, { term, length: node.log.length, digest: node.prefix[node.log.length]! });
      if (!before || before.term !== term) return null;
      if (node.log.length < before.length || node.prefix[before.length] !== before.digest) {
        return `leader S${id} of term ${term} changed or removed entries up to index ${before.length}`;
      }
      return null;
    },
  };
}
