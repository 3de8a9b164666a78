// Acknowledged on a Majority (§5.3, §5.4): a leader may tell a client its write succeeded only
// once the entry is committed, that is, stored on a majority of the voters it counts (thesis
// §4.1; of each half during a joint change, §4.3), so at the moment of the acknowledgement such
// a majority of disks must hold it. Crashed servers count: their disks keep the entry, and the
// disk is what a later election reads.
import { majority } from '../../raft';
import type { Acknowledged, Checker, ClusterView } from './checker';
import { entryOf } from './checker';

export function ackedOnMajority(): Checker {
  return {
    id: 'ackedOnMajority',
    rule: 'Acknowledged on a Majority',
    afterAck(view: ClusterView, ack: Acknowledged) {
      const { voters, old } = ack.config;
      for (const half of old === null ? [voters] : [voters, old]) {
        let storedOn = 0;
        for (const id of half) {
          const node = view.node(id);
          // A snapshot past the index holds it: a snapshot covers only committed entries.
          const entry = entryOf(node, ack.index);
          if (ack.index <= node.logBase) storedOn++;
          else if (entry && entry.term === ack.term && entry.requestId === ack.requestId)
            storedOn++;
        }
        const needed = majority(half.length);
        if (storedOn >= needed) continue;
        return {
          code: 'ackedWithoutMajority',
          request: ack.requestId,
          index: ack.index,
          storedOn,
          needed,
        };
      }
      return null;
    },
  };
}
