// What a lesson step waits for, in the reader's words (UI layer): the course layer's coded
// condition, worded here; a condition with no words of its own reads "the step's goal is met".
import type { Condition } from '../../course';
import type { Translate } from '../i18n/types';

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
    case 'leaderElected':
    case 'newLeader':
    case 'term':
    case 'committed':
    case 'replied':
    case 'commitRises':
    case 'replaced':
    case 'logsAgree':
    case 'violation':
      return t(key);
    default:
      return t('course.until.other');
  }
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
