// Acknowledged on a Majority (§5.3, §5.4): a leader may tell a client its write succeeded only
// once the entry is committed, that is, stored on a majority of servers, so at the moment of the
// acknowledgement a majority of disks must hold it. Crashed servers count: their disks keep the
// entry, and the disk is what a later election reads.
import { majority } from '../../raft';
import type { Acknowledged, Checker, ClusterView } from './checker';

export function ackedOnMajority(): Checker {
  return {
    id: 'ackedOnMajority',
    rule: 'Acknowledged on a Majority',
    afterAck(view: ClusterView, ack: Acknowledged) {
      let storedOn = 0;
      for (const id of view.ids) {
        const entry = view.node(id).log[ack.index - 1];
        if (entry && entry.term === ack.term && entry.requestId === ack.requestId) storedOn++;
      }
      const needed = majority(view.ids.length);
      if (storedOn >= needed) return null;
      return {
        code: 'ackedWithoutMajority',
        request: ack.requestId,
        index: ack.index,
        storedOn,
        needed,
      };
    },
  };
}
