// Log Matching (§5.3, Figure 3): if two logs hold an entry with the same index and term, the
// logs are identical up to that index. Every (index, term) ever written is registered with the
// digest of the prefix it ended, so any two logs that disagree are caught, whenever they meet.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';
import { digestOf, entryOf, lastIndexOf } from './checker';
import { IndexWindow } from './indexWindow';

export function logMatching(): Checker {
  // Index i's first (term, digest) lives in flat arrays; the rare other terms seen at the same
  // index (logs that diverged) go to a map keyed by index and term.
  const termAt = new IndexWindow<number>();
  const digestAt = new IndexWindow<number>();
  const others = new Map<number, number>();
  return {
    id: 'logMatching',
    rule: 'Log Matching',
    afterCompaction(upTo: number) {
      termAt.forgetUpTo(upTo);
      digestAt.forgetUpTo(upTo);
      for (const key of others.keys()) if (Math.floor(key / 2 ** 21) <= upTo) others.delete(key);
    },
    afterLogWrite(view: ClusterView, id: NodeId, from: number) {
      const node = view.node(id);
      // Entries inside a snapshot are gone (and were committed): only the log after it is read.
      const last = lastIndexOf(node);
      for (let i = Math.max(from, node.logBase + 1, 1); i <= last; i++) {
        const term = entryOf(node, i)!.term;
        const digest = digestOf(node, i)!;
        const first = termAt.get(i);
        let known: number | undefined;
        if (first === undefined) {
          termAt.set(i, term);
          digestAt.set(i, digest);
        } else if (first === term) known = digestAt.get(i);
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
