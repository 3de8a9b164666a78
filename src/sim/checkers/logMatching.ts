// Log Matching (§5.3, Figure 3): if two logs hold an entry with the same index and term, the
// logs are identical up to that index. Every (index, term) ever written is registered with the
// digest of the prefix it ended, so any two logs that disagree are caught, whenever they meet.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';

export function logMatching(): Checker {
  const prefixOf = new Map<number, number>();
  return {
    rule: 'Log Matching',
    afterLogWrite(view: ClusterView, id: NodeId, from: number) {
      const node = view.node(id);
      for (let i = Math.max(from, 1); i <= node.log.length; i++) {
        const key = i * 2 ** 21 + node.log[i - 1]!.term;
        const digest = node.prefix[i]!;
        const known = prefixOf.get(key);
        if (known === undefined) prefixOf.set(key, digest);
        else if (known !== digest) {
          return `S${id} holds an entry at index ${i}, term ${node.log[i - 1]!.term} whose earlier entries differ from another log's`;
        }
      }
      return null;
    },
  };
}
