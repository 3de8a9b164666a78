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
      return t(key, { node: nameOf(c.node) });
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
