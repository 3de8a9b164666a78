// State Machine Safety (§5.4.3, Figure 3): if a server has applied an entry at an index, no
// other server ever applies a different entry at that index.
import type { Entry, LogIndex, NodeId } from '../../raft';
import { describeCommand } from '../../raft';
import type { Checker } from './checker';
import { IndexWindow } from './indexWindow';

export function stateMachineSafety(): Checker {
  /** The first entry applied at each index, and by whom. */
  const applied = new IndexWindow<{ readonly entry: Entry; readonly by: NodeId }>();
  return {
    id: 'stateMachineSafety',
    rule: 'State Machine Safety',
    afterCompaction(upTo: number) {
      applied.forgetUpTo(upTo);
    },
    afterApply(id: NodeId, index: LogIndex, entry: Entry) {
      const first = applied.get(index);
      if (first === undefined) {
        applied.set(index, { entry, by: id });
        return null;
      }
      const known = first.entry;
      if (known === entry || sameEntry(known, entry)) return null;
      return {
        code: 'appliedDifferent',
        node: id,
        index,
        command: describeCommand(entry.command),
        term: entry.term,
        other: first.by,
        otherCommand: describeCommand(known.command),
        otherTerm: known.term,
      };
    },
  };
}

function sameEntry(a: Entry, b: Entry): boolean {
  return (
    a.term === b.term &&
    a.requestId === b.requestId &&
    describeCommand(a.command) === describeCommand(b.command)
  );
}
