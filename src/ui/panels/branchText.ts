// Branch names for the history tree (UI layer): where a branch left its parent and what was done
// there, worded from the recorded action (data) in the reader's language, e.g. "t=412 ms:
// crashed S3" / "t=412 毫秒：S3 宕机"; and the tree as rows in the order a reader follows it.
import type { BranchInfo, LabAction } from '../../store';
import type { Translate } from '../i18n/types';

const servers = (ids: readonly number[]) => ids.map((id) => `S${id}`).join(', ');

/** What an action did, in a few words. */
export function actionText(a: LabAction, t: Translate): string {
  const say = (params?: Record<string, string | number>) => t(`history.action.${a.do}`, params);
  switch (a.do) {
    case 'crash':
    case 'restart':
    case 'timeout':
    case 'compact':
    case 'setDisk':
    case 'removeServer':
      return say({ node: a.node });
    case 'partition':
      return say({ groups: a.groups.map((g) => `{${servers(g)}}`).join(' | ') });
    case 'cut':
    case 'restore':
      return say({ a: a.a, b: a.b });
    case 'heal':
    case 'addServer':
    case 'releaseAll':
      return say();
    case 'drop':
      return say({ percent: Math.round(a.rate * 1000) / 10 });
    case 'write':
    case 'append':
      return say({ key: a.key, value: a.value });
    case 'delete':
    case 'read':
      return say({ key: a.key });
    case 'changeVoters':
      return say({ voters: servers(a.voters) });
    case 'transferLeadership':
      return say({ to: a.to });
    case 'hold':
    case 'release':
    case 'dropMessage':
    case 'duplicate':
      return say({ message: a.message });
    case 'manual':
      return t(a.on ? 'history.action.manualOn' : 'history.action.manualOff');
  }
}

/** A branch's name: the first run, or where it left its parent and what it did there. */
export function branchName(b: BranchInfo, t: Translate): string {
  if (b.parent === null) return t('history.root');
  const what = b.action ? actionText(b.action, t) : t('history.ranOn');
  return t('history.name', { at: b.at, what });
}

export interface BranchRow {
  readonly branch: BranchInfo;
  /** How far below the first run it hangs (0 for the first run). */
  readonly depth: number;
}

/** The tree depth first, each branch under its parent, siblings oldest first. */
export function treeRows(branches: readonly BranchInfo[]): BranchRow[] {
  const ids = new Set(branches.map((b) => b.id));
  const children = new Map<number | null, BranchInfo[]>();
  for (const b of branches) {
    const parent = b.parent !== null && ids.has(b.parent) ? b.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), b]);
  }
  const rows: BranchRow[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const b of [...(children.get(parent) ?? [])].sort((x, y) => x.id - y.id)) {
      rows.push({ branch: b, depth });
      visit(b.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
