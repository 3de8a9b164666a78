// What a lesson step waits for, in the reader's words (UI layer): the course layer's coded
// condition, worded here; a condition with no words of its own (all, any, not) reads "the step's
// goal is met".
import type { Condition } from '../../course';
import type { ReasonCode } from '../../sim';
import type { Translate } from '../i18n/types';

/**
 * The reasons a client request can be refused or given up for, each with a short phrase
 * (`course.until.replied.why.<code>`); the rest refuse an action, never answer a request.
 */
export const REFUSALS: readonly ReasonCode[] = [
  'noLeaderKnown',
  'transferring',
  'changeInProgress',
  'notMember',
  'alreadyMember',
  'notVoter',
  'isLeader',
  'noVoters',
  'noChange',
  'notCaughtUp',
  'removedWhileJoining',
  'transferTimedOut',
  'leaseNeedsCheckQuorum',
  'leaseExpired',
  'leadershipUnconfirmed',
  'leadershipLost',
  'clientTimeout',
  'runtimeFailed',
  'runtimeTimedOut',
];

export function untilText(
  c: Condition,
  t: Translate,
  nameOf: (ref: number | string) => string,
): string {
  const key = `course.until.${c.kind}`;
  switch (c.kind) {
    case 'role':
      return t(key, { node: nameOf(c.node), role: t(`visual.role.${c.role}`) });
    case 'leaders':
      return t(key, { count: c.count });
    case 'roleCount':
      return t(key, { count: c.count, role: t(`visual.role.${c.role}`) });
    case 'matchIndex':
      return t(key, { leader: nameOf(c.leader), node: nameOf(c.node), index: c.atLeast });
    case 'nodeTerm':
      return t(key, { node: nameOf(c.node), term: c.atLeast });
    case 'commitIndex':
    case 'logLength':
      return t(key, { node: nameOf(c.node), index: c.atLeast });
    case 'alive':
    case 'nodeTermRises':
      return t(key, { node: nameOf(c.node) });
    case 'configuration':
      return configurationText(c, t, nameOf);
    case 'member':
      return t(`${key}.${c.is}`, { node: nameOf(c.node) });
    case 'transferring':
      return c.to === undefined
        ? t(key, { node: nameOf(c.node) })
        : t(`${key}.to`, { node: nameOf(c.node), to: nameOf(c.to) });
    case 'replied':
      return repliedText(c, t);
    case 'readAnswered':
    case 'stored':
    case 'retried':
    case 'copies':
    case 'duplicateFiltered':
      return requestText(c, t, nameOf);
    case 'stateMachine':
    case 'snapshotAt':
      return serverText(c, t, nameOf);
    case 'leaderElected':
    case 'newLeader':
    case 'term':
    case 'committed':
    case 'commitRises':
    case 'replaced':
    case 'logsAgree':
    case 'violation':
      return t(key);
    default:
      return t('course.until.other');
  }
}

/** A value as the simulator shows one: in quotes, or "no such key" for null. */
const valueText = (value: string | null, t: Translate) =>
  value === null ? t('read.noKey') : JSON.stringify(value);

/**
 * What the client hears, by its most telling field: why it was refused, the value a read
 * returned, a write answered from its session (§6.3), success or failure, or just a reply.
 */
function repliedText(c: Extract<Condition, { kind: 'replied' }>, t: Translate): string {
  const key = 'course.until.replied';
  if (c.failure !== undefined)
    return REFUSALS.includes(c.failure)
      ? t(`${key}.failure`, { reason: t(`${key}.why.${c.failure}`) })
      : t(`${key}.failed`);
  if (c.value !== undefined) return t(`${key}.value`, { value: valueText(c.value, t) });
  if (c.duplicate !== undefined) return t(`${key}.duplicate.${c.duplicate ? 'yes' : 'no'}`);
  return c.status === undefined ? t(key) : t(`${key}.${c.status}`);
}

type RequestCondition = Extract<
  Condition,
  { kind: 'readAnswered' | 'stored' | 'retried' | 'copies' | 'duplicateFiltered' }
>;

/** A client request's way through the cluster: reads (§6.4), copies on disk, retries (§6.3). */
function requestText(
  c: RequestCondition,
  t: Translate,
  nameOf: (ref: number | string) => string,
): string {
  const key = `course.until.${c.kind}`;
  switch (c.kind) {
    case 'readAnswered': {
      // `safe` says how it was checked (ReadIndex or lease, or local); `value` what it returned.
      const how = c.safe === undefined ? '' : c.safe ? '.safe' : '.local';
      const params = { key: c.key, value: c.value === undefined ? '' : valueText(c.value, t) };
      return t(`${key}${how}${c.value === undefined ? '' : '.value'}`, params);
    }
    case 'stored':
      return t(key, { count: c.count });
    case 'retried':
      return t(key, { count: c.atLeast ?? 1 });
    case 'copies':
      return t(key, { node: nameOf(c.node), count: c.atLeast });
    case 'duplicateFiltered':
      return t(key);
  }
}

/** What a server holds: its state machine's value for a key, or a snapshot (§5). */
function serverText(
  c: Extract<Condition, { kind: 'stateMachine' | 'snapshotAt' }>,
  t: Translate,
  nameOf: (ref: number | string) => string,
): string {
  const key = `course.until.${c.kind}`;
  if (c.kind === 'stateMachine') {
    const whose = c.node === 'all' ? '.all' : '';
    const node = c.node === 'all' ? '' : nameOf(c.node);
    if (c.value === null) return t(`${key}${whose}.noKey`, { node, key: c.key });
    return t(`${key}${whose}`, { node, key: c.key, value: valueText(c.value, t) });
  }
  const node = nameOf(c.node);
  if (c.request !== undefined) return t(`${key}.request`, { node });
  const index = c.atLeast ?? 1;
  return index > 1 ? t(`${key}.index`, { node, index }) : t(key, { node });
}

/** A configuration condition by its most telling field: exact voters, a joint change, who leaves. */
function configurationText(
  c: Extract<Condition, { kind: 'configuration' }>,
  t: Translate,
  nameOf: (ref: number | string) => string,
): string {
  const key = 'course.until.configuration';
  const list = (refs: readonly (number | string)[]) => refs.map(nameOf).join(', ');
  if (c.voters !== undefined) return t(`${key}.voters`, { nodes: list(c.voters) });
  if (c.joint === true) return t(`${key}.joint`);
  if (c.excludes !== undefined) return t(`${key}.excludes`, { nodes: list(c.excludes) });
  if (c.includes !== undefined) return t(`${key}.includes`, { nodes: list(c.includes) });
  if (c.count !== undefined) return t(`${key}.count`, { count: c.count });
  return t(key);
}
