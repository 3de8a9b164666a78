// No Lost Writes: once a client has been told its write succeeded, that write is in the log of
// every leader elected afterwards, at the index and term it was acknowledged with. This is the
// promise a client sees; it fails if a leader replies before the entry is truly committed.
import type { NodeId } from '../../raft';
import type { Acknowledged, Checker, ClusterView } from './checker';

export function noLostWrites(): Checker {
  const acknowledged: Acknowledged[] = [];
  return {
    id: 'noLostWrites',
    rule: 'No Lost Writes',
    afterAck(_view: ClusterView, ack: Acknowledged) {
      acknowledged.push(ack);
      return null;
    },
    afterStep(view: ClusterView, id: NodeId, becameLeader: boolean) {
      if (!becameLeader) return null;
      const log = view.node(id).log;
      for (const ack of acknowledged) {
        const entry = log[ack.index - 1];
        if (!entry || entry.term !== ack.term || entry.requestId !== ack.requestId) {
          return {
            code: 'leaderLacksAck',
            node: id,
            request: ack.requestId,
            index: ack.index,
            term: ack.term,
            ackAt: ack.at,
          };
        }
      }
      return null;
    },
  };
}
