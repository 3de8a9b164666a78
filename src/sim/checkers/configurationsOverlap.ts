// Configurations Overlap (thesis §4.1, §4.3): a leader must never count a configuration whose
// majorities need not meet those of the committed configuration, or two groups could each
// elect a leader or commit without hearing of the other. One change at a time, or a joint
// configuration in between, is what keeps every pair in use overlapping.
//
// "In use" here: the committed configuration (the latest configuration entry at or below the
// highest commit index any server reached) and the configuration of a live leader of the highest
// term among leaders, unless that leader's term is older than the committed entry's (a stale
// leader left behind can commit nothing new). A correct leader holds every configuration
// committed before its term, so it is at most one change ahead of or behind the committed one.
// Example: committed {1,2,3,4,5}, a leader already counting {1,2,3} after two quick removals:
// {S1,S2} is a majority of one, {S3,S4,S5} of the other.
import type { ConfigState, NodeId } from '../../raft';
import { majority } from '../../raft';
import type { Checker, ClusterView, NodeView } from './checker';
import { entryOf, lastIndexOf } from './checker';

interface Committed {
  readonly state: ConfigState;
  readonly index: number;
  readonly term: number;
}

export function configurationsOverlap(bootVoters: readonly NodeId[]): Checker {
  let committed: Committed = {
    state: { voters: bootVoters, learners: [], old: null, joining: [] },
    index: 0,
    term: 0,
  };
  let highestCommit = 0;
  /** The last pair found to overlap, so an unchanged pair is not worked out again. */
  let lastLeader: ConfigState | null = null;
  let lastCommitted: ConfigState | null = null;
  const reported = new Set<string>();

  /** Entries (highestCommit, to] of `log` are newly known committed: note a configuration among them. */
  const learnCommitted = (node: NodeView, to: number): void => {
    highestCommit = Math.max(learnFrom(node, to), highestCommit);
  };
  /** The latest configuration in (highestCommit, to] of this node's log or snapshot, if any. */
  const learnFrom = (node: NodeView, to: number): number => {
    for (let i = Math.min(to, lastIndexOf(node)); i > Math.max(highestCommit, node.logBase); i--) {
      const entry = entryOf(node, i)!;
      if (entry.command.kind === 'config') {
        committed = { state: entry.command.config, index: i, term: entry.term };
        return to;
      }
    }
    // Compacted in the step that committed it (§5): the snapshot's configuration stands for it,
    // with the snapshot's term (no lower than the entry's, so no leader is wrongly checked).
    const snap = node.snapshot;
    if (snap !== null && snap.configIndex > highestCommit && snap.configIndex <= to) {
      committed = { state: snap.config, index: snap.configIndex, term: snap.lastIncludedTerm };
    }
    return to;
  };

  const check = (view: ClusterView, id: NodeId) => {
    const node = view.node(id);
    const status = node.status;
    if (!node.alive || status?.role !== 'leader') return null;
    // The pair last found to overlap still does, whoever holds it (checked first: it is the
    // common case, and the loop below reads every server).
    if (sameConfig(status.config, lastLeader) && sameConfig(committed.state, lastCommitted)) {
      return null;
    }
    // Only a leader of the highest term among live leaders, holding the committed configuration.
    for (const other of view.ids) {
      const s = view.node(other).status;
      if (other !== id && s?.role === 'leader' && s.currentTerm > status.currentTerm) return null;
    }
    if (status.currentTerm < committed.term) return null;
    const mine = status.config;
    const split = disjointMajorities(mine, committed.state);
    lastLeader = mine;
    lastCommitted = committed.state;
    if (split === null) return null;
    const pair = `${describe(mine)}|${describe(committed.state)}`;
    if (reported.has(pair)) return null;
    reported.add(pair);
    return {
      code: 'disjointMajorities' as const,
      node: id,
      term: status.currentTerm,
      uses: describe(mine),
      committed: describe(committed.state),
      first: split[0].join(','),
      second: split[1].join(','),
    };
  };

  return {
    id: 'configurationsOverlap',
    rule: 'Configurations Overlap',
    afterCommit(view, id, _from, to) {
      if (to > highestCommit) learnCommitted(view.node(id), to);
      return null;
    },
    afterStep(view, id) {
      return check(view, id);
    },
  };
}

/** Voters as the finding shows them: "1,2,3", or "1,2,3→3,4,5" during a joint change. */
function describe(c: ConfigState): string {
  return c.old === null ? c.voters.join(',') : `${c.old.join(',')}→${c.voters.join(',')}`;
}

function sameList(a: readonly NodeId[] | null, b: readonly NodeId[] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameConfig(a: ConfigState, b: ConfigState | null): boolean {
  return b !== null && sameList(a.voters, b.voters) && sameList(a.old, b.old);
}

/** Whether the servers in `set` (a bit per server) make a majority of `c` (of each half if joint). */
function isQuorum(c: ConfigState, set: number): boolean {
  return holdsMajority(c.voters, set) && (c.old === null || holdsMajority(c.old, set));
}

function holdsMajority(voters: readonly NodeId[], set: number): boolean {
  let n = 0;
  for (const id of voters) if (set & (1 << id)) n++;
  return n >= majority(voters.length);
}

/**
 * Two disjoint groups, a majority of `a` and a majority of `b`, or null when every majority of
 * one meets every majority of the other. Majorities only grow by adding servers, so it is
 * enough to try each split of the servers involved into a group and the rest (≤ 2⁹ splits).
 */
export function disjointMajorities(a: ConfigState, b: ConfigState): [number[], number[]] | null {
  const ids = [...new Set([...a.voters, ...(a.old ?? []), ...b.voters, ...(b.old ?? [])])].sort(
    (x, y) => x - y,
  );
  const all = ids.reduce((m, id) => m | (1 << id), 0);
  for (let pick = 0; pick < 1 << ids.length; pick++) {
    let set = 0;
    for (let k = 0; k < ids.length; k++) if (pick & (1 << k)) set |= 1 << ids[k]!;
    if (isQuorum(a, set) && isQuorum(b, all & ~set)) {
      const members = (s: number) => ids.filter((id) => s & (1 << id));
      return [members(set), members(all & ~set)];
    }
  }
  return null;
}
