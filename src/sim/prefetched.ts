// The results of one lookahead window (simulator layer), handed out batch by batch as the world
// dispatches the window's instants. The window was planned by the dispatch's own rule, so the only
// planned input that may not come is a tick an earlier input of the window made moot (a no-op for
// the node, skipped here). Anything else out of step is the simulator's bug and throws as one.
import type { Input, NodeId } from '../raft';
import type { HostFault } from './asyncSimulation';
import type { InputResult, NodeBatch } from './host';

interface NodeQueue {
  readonly inputs: readonly Input[];
  readonly results: readonly InputResult[] | HostFault;
  next: number;
}

export class Prefetched {
  private readonly queues = new Map<NodeId, NodeQueue>();

  constructor(
    batches: readonly NodeBatch[],
    outcomes: readonly (readonly InputResult[] | HostFault | null)[],
  ) {
    batches.forEach((b, i) => {
      const results = outcomes[i];
      if (!results) throw new Error(`simulator bug: no outcome for S${b.id}'s window`);
      this.queues.set(b.id, { inputs: b.inputs, results, next: 0 });
    });
  }

  /** The results for `batch`, or the fault the host reported for its node's window. */
  take(batch: NodeBatch): readonly InputResult[] | HostFault {
    const q = this.queues.get(batch.id);
    if (!q) throw bug(batch.id, 'an input arrived that the lookahead did not plan');
    if ('fault' in q.results) return q.results;
    const out: InputResult[] = [];
    for (const input of batch.inputs) {
      while (q.next < q.inputs.length && !sameInput(q.inputs[q.next]!, input)) {
        if (q.inputs[q.next]!.kind !== 'tick') {
          throw bug(batch.id, 'the lookahead planned an input that never came');
        }
        q.next++;
      }
      const result = q.results[q.next++];
      if (!result) throw bug(batch.id, 'an input arrived that the lookahead did not plan');
      out.push(result);
    }
    return out;
  }
}

function bug(id: NodeId, what: string): Error {
  return new Error(`simulator bug: ${what} (S${id})`);
}

function sameInput(a: Input, b: Input): boolean {
  if (a.kind !== b.kind || a.now !== b.now) return false;
  return a.kind !== 'message' || (b.kind === 'message' && a.message === b.message);
}
