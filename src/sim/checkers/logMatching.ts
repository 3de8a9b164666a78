// Log Matching (§5.3, Figure 3): if two logs hold an entry with the same index and term, the
// logs are identical up to that index. Every (index, term) ever written is registered with the
// digest of the prefix it ended, so any two logs that disagree are caught, whenever they meet.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';
import { digestOf, entryOf, lastIndexOf } from './checker';

export function logMatching(): Checker {
  // Index i's first (term, digest) lives in flat arrays; the rare other terms seen at the same
  // index (logs that diverged) go to a map keyed by index and term.
  const termAt: number[] = [];
  const digestAt: number[] = [];
  const others = new Map<number, number>();
  return {
    id: 'logMatching',
    rule: 'Log Matching',
    afterLogWrite(view: ClusterView, id: NodeId, from: number) {
      const node = view.node(id);
      // Entries inside a snapshot are gone (and were committed): only the log after it is read.
      const last = lastIndexOf(node);
      for (let i = Math.max(from, node.logBase + 1, 1); i <= last; i++) {
        const term = entryOf(node, i)!.term;
        const digest = digestOf(node, i)!;
        const first = termAt[i];
        let known: number | undefined;
        if (first === undefined) {
          termAt[i] = term;
          digestAt[i] = digest;
        } else if (first === term) known = digestAt[i];
        else {
          const key = i * 2 ** 21 + term;
          known = others.get(key);
          if (known === undefined) others.set(key, digest);
        }
        if (known !== undefined && known !== digest) {
          return { code: 'logsDiffer', node: id, index: i, term };
        }
      }
      return null;
    },
  };
}
