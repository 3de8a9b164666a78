// The words for a follower's last refused AppendEntries (UI layer): the simulator's rejection
// view (a code and numbers, see sim/read/rejections.ts) as a short line for the log row and a
// full sentence for the hover title and the inspector.
import type { NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';

export type Rejection = NonNullable<NodeFrame['rejection']>;

/** E.g. "rejected at 5: no entry of term 3 at 4" or "rejected at 3: log too short, ends at 1". */
export function describeRejection(r: Rejection, t: Translate): string {
  const first = r.prevLogIndex + 1;
  if (r.code === 'logTooShort')
    return t('log.reason.logTooShort', { first, last: r.conflictIndex - 1 });
  if (r.prevLogTerm === null)
    return t('log.reason.termMismatchUnknown', { first, prev: r.prevLogIndex });
  return t('log.reason.termMismatch', { first, prev: r.prevLogIndex, prevTerm: r.prevLogTerm });
}

/** The reason, what the follower holds instead, and how the leader backed off. */
export function describeRejectionFully(r: Rejection, t: Translate): string {
  const reason = describeRejection(r, t);
  const backoff =
    r.resentThrough >= r.backedOffTo
      ? t('log.reason.backoff', {
          leader: r.leader,
          next: r.backedOffTo,
          from: r.backedOffTo,
          through: r.resentThrough,
        })
      : t('log.reason.backoffEmpty', { leader: r.leader, next: r.backedOffTo });
  if (r.code === 'logTooShort') return t('log.reason.fullShort', { reason, backoff });
  const holds = t('log.reason.holds', {
    conflictTerm: r.conflictTerm,
    conflictIndex: r.conflictIndex,
  });
  return t('log.reason.full', { reason, holds, backoff });
}
