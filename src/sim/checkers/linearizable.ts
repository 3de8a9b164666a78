// Linearizability (thesis §6.3–§6.4): every read a client heard back returns a value that some
// order of the writes, each placed between its send and its answer, allows. This adapts the
// client history to the search in linearizability.ts and words what it finds as a finding.
import type { ClientCommand } from '../../raft';
import type { Checker, ClientOp, Metered } from './checker';
import type { LinOp, LinViolation } from './linearizability';
import { linearizabilityChecker } from './linearizability';
import type { Finding } from '../read/rules';

export function linearizable(): Checker & Metered & { readonly gaveUp: number } {
  const search = linearizabilityChecker();
  /** The requests that are operations on keys, while the client waits for them. */
  const open = new Set<number>();
  return {
    id: 'linearizability',
    rule: 'Linearizability',
    get work() {
      return search.work;
    },
    get gaveUp() {
      return search.gaveUp;
    },
    afterClient(op: ClientOp) {
      if (op.kind === 'invoke') {
        const lin = linOpOf(op.requestId, op.command);
        if (lin !== null) {
          open.add(op.requestId);
          search.invoke(lin, op.at);
        }
        return null;
      }
      if (!open.delete(op.requestId)) return null;
      // A read's answer waits until every read invoked before it has answered, so a finding may
      // come with a later answer or a later failure: whichever lets the search decide.
      const found =
        op.kind === 'fail'
          ? search.fail(op.requestId, op.at)
          : search.ok(op.requestId, op.at, op.value);
      return found === null ? null : findingOf(found);
    },
  };
}

/** The operations on keys; membership requests and transfers are not part of the history. */
function linOpOf(id: number, command: ClientCommand): LinOp | null {
  switch (command.kind) {
    case 'set':
    case 'append':
      return { id, kind: command.kind, key: command.key, value: command.value };
    case 'delete':
    case 'read':
      return { id, kind: command.kind, key: command.key };
    default:
      return null;
  }
}

function shown(value: string | null): string {
  return value === null ? 'no key' : JSON.stringify(value);
}

function findingOf(v: LinViolation): Finding {
  return {
    code: 'staleRead',
    request: v.read,
    key: v.key,
    value: shown(v.returned),
    expected: shown(v.expected),
    missed: v.missed,
    missedAt: v.missedAt,
    invokedAt: v.invokedAt,
    answeredAt: v.answeredAt,
  };
}
