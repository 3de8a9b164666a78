// Election Safety (§5.2, Figure 3): at most one leader can be elected in a given term, over
// the whole run — not just at one moment.
import type { NodeId } from '../../raft';
import type { Checker, ClusterView } from './checker';

export function electionSafety(): Checker {
  const leaderOfTerm = new Map<number, NodeId>();
  return {
    id: 'electionSafety',
    rule: 'Election Safety',
    afterStep(view: ClusterView, id: NodeId) {
      const status = view.node(id).status;
      if (status?.role !== 'leader') return null;
      const known = leaderOfTerm.get(status.currentTerm);
      if (known === undefined) leaderOfTerm.set(status.currentTerm, id);
      else if (known !== id) {
        return { code: 'twoLeaders', term: status.currentTerm, first: known, second: id };
      }
      return null;
    },
  };
}
