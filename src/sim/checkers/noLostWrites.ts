// No Lost Writes: once a client has been told its write succeeded, that write is in the log of
// every leader elected afterwards, at the index and term it was acknowledged with. This is the
// promise a client sees; it fails if a leader replies before the entry is truly committed.
//
// Incremental through the prefix digests: once one leader's log was seen to hold every write
// acknowledged so far, up to index `verifiedUpTo` with digest `verifiedDigest` there, a later
// leader whose prefix digest at that index is the same holds them all as well. Only the writes
// acknowledged since need a look of their own, so a new leader costs what is new, not history.
import type { NodeId } from '../../raft';
import type { Acknowledged, Checker, ClusterView, Metered, NodeView } from './checker';
import { digestOf, entryOf } from './checker';
import type { Finding } from '../read/rules';

export function noLostWrites(): Checker & Metered {
  /** Every acknowledgement, in the order the clients heard them. */
  const acknowledged: Acknowledged[] = [];
  /** acknowledged[0 … verifiedCount) are all held by any log with this digest at this index. */
  let verifiedCount = 0;
  let verifiedUpTo = 0;
  let verifiedDigest = 0;
  let work = 0;

  /** The first acknowledged write from `from` on that `node` lacks, or null. */
  const firstMissing = (node: NodeView, id: NodeId, from: number): Finding | null => {
    for (let k = from; k < acknowledged.length; k++) {
      work++;
      const ack = acknowledged[k]!;
      // Inside the leader's snapshot the write is held: a snapshot covers only committed entries.
      if (ack.index <= node.logBase) continue;
      const entry = entryOf(node, ack.index);
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
  };

  return {
    id: 'noLostWrites',
    rule: 'No Lost Writes',
    get work() {
      return work;
    },
    afterCompaction(upTo: number) {
      // Writes inside every server's snapshot are held by every future leader: forget them.
      let n = 0;
      while (n < acknowledged.length && acknowledged[n]!.index <= upTo) n++;
      if (n === 0) return;
      acknowledged.splice(0, n);
      verifiedCount = Math.max(0, verifiedCount - n);
    },
    afterAck(_view: ClusterView, ack: Acknowledged) {
      acknowledged.push(ack);
      return null;
    },
    afterStep(view: ClusterView, id: NodeId, becameLeader: boolean) {
      if (!becameLeader) return null;
      const node = view.node(id);
      work++;
      // A different prefix need not mean a lost write (Log Matching may be what broke), so
      // look at every write again: the first one missing is the finding, in the same order.
      // Writes inside its snapshot are committed, so held; else the digest says.
      const sharesVerified =
        verifiedUpTo < node.logBase || digestOf(node, verifiedUpTo) === verifiedDigest;
      const finding = firstMissing(node, id, sharesVerified ? verifiedCount : 0);
      if (finding) return finding;
      for (let k = verifiedCount; k < acknowledged.length; k++) {
        verifiedUpTo = Math.max(verifiedUpTo, acknowledged[k]!.index);
      }
      verifiedCount = acknowledged.length;
      verifiedDigest = digestOf(node, verifiedUpTo) ?? 0;
      return null;
    },
  };
}
