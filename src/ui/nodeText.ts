// Words about a node that more than one view shows (UI layer): what a crash wiped out.
import type { NodeFrame } from '../store/frame';
import type { Translate } from './i18n/types';

/** "lost: leader · commit 15 · 14 keys", in the reader's language. */
export function describeLost(lost: NonNullable<NodeFrame['lost']>, t: Translate): string {
  return t('visual.node.lost', {
    role: t(`visual.role.${lost.role}`),
    commit: lost.commitIndex,
    applied: lost.lastApplied,
    keys: lost.keys,
  });
}
