// The safety alarm's headline (UI layer): what broke, in one line. Raft promises every checked
// property, so a violation is news — except a stale read a `local` read returned: a local read
// checks nothing (thesis §6.4), so Raft never promised it, and the headline says that instead.
import type { Frame } from '../../store';
import type { Translate } from '../i18n/types';

type Violation = Frame['violations'][number];
type Request = Frame['requests'][number];

/**
 * The request `id` as a frame recorded it; `seq` is the event that broke the rule, whose frame
 * still holds the read it answered when the frame on screen no longer does.
 */
export type FindRequest = (id: number, seq: number) => Request | undefined;

/** Whether the violation is a stale read (Linearizability) that a `local` read returned. */
export function isLocalStaleRead(v: Violation, findRequest: FindRequest): boolean {
  if (v.ruleId !== 'linearizability' || v.finding.code !== 'staleRead') return false;
  return findRequest(Number(v.finding.request), v.seq)?.read?.mode === 'local';
}

/**
 * The headline for these violations (at least one): Raft's broken promise, unless every one is
 * a local read's stale answer, which was unchecked by design.
 */
export function describeAlarmHeadline(
  violations: readonly Violation[],
  findRequest: FindRequest,
  t: Translate,
): string {
  if (violations.length > 0 && violations.every((v) => isLocalStaleRead(v, findRequest))) {
    const reads = new Set(violations.map((v) => v.finding.request)).size;
    return t('app.safety.alarmLocalRead', { reads });
  }
  return t('app.safety.alarm', { count: new Set(violations.map((v) => v.ruleId)).size });
}
