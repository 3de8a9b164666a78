// State Machine Safety (§5.4.3, Figure 3): if a server has applied an entry at an index, no
// other server ever applies a different entry at that index.
import type { Entry, LogIndex, NodeId } from '../../raft';
import { describeCommand } from '../../raft';
import type { Checker } from './checker';

export function stateMachineSafety(): Checker {
  const applied: (Entry | undefined)[] = [];
  const firstBy: NodeId[] = [];
  return {
    id: 'stateMachineSafety',
    rule: 'State Machine Safety',
    afterApply(id: NodeId, index: LogIndex, entry: Entry) {
      const known = applied[index];
      if (known === undefined) {
        applied[index] = entry;
        firstBy[index] = id;
        return null;
      }
      if (known === entry || sameEntry(known, entry)) return null;
      return {
        code: 'appliedDifferent',
        node: id,
        index,
        command: describeCommand(entry.command),
        term: entry.term,
        other: firstBy[index]!,
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
