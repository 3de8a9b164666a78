// Election Safety (§5.2, Figure 3): at most one leader can be elected in a given term, over
// the whole run — not just at one moment.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';

export function electionSafety(): Checker {
  const leaderOfTerm = new Map<number, NodeId>();
  // Each second leader of a term is reported once, at the step it became one, not again at
  // every later step it takes while it leads.
  const reported = new Set<string>();
  return {
    id: 'electionSafety',
    rule: 'Election Safety',
    afterStep(view: ClusterView, id: NodeId) {
      const status = view.node(id).status;
      if (status?.role !== 'leader') return null;
      const known = leaderOfTerm.get(status.currentTerm);
      if (known === undefined) leaderOfTerm.set(status.currentTerm, id);
      else if (known !== id) {
        const pair = `${status.currentTerm}:${id}`;
        if (reported.has(pair)) return null;
        reported.add(pair);
        return { code: 'twoLeaders', term: status.currentTerm, first: known, second: id };
      }
      return null;
    },
  };
}
