// The row header of one node's log: its name and role, its commitIndex and, on a follower row
// while there is a leader, the leader's nextIndex and matchIndex for it. Clicking selects the node.
import type { NodeFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';

interface Props {
  node: NodeFrame;
  progress: { nextIndex: number; matchIndex: number } | undefined;
  t: Translate;
  onSelect(sel: Selection): void;
}

export function LogRowHeader({ node, progress, t, onSelect }: Props) {
  const role = node.alive ? t(`visual.role.${node.role}`) : t('visual.node.crashed');
  return (
    <th scope="row" className="rl-log-head">
      <button
        type="button"
        className="rl-log-name"
        onClick={() => onSelect({ kind: 'node', id: node.id })}
      >
        <span
          className={`rl-log-dot ${node.alive ? `rl-role-${node.role}` : 'rl-crashed'}`}
          aria-hidden="true"
        />
        S{node.id} <span className="rl-log-role">{role}</span>
      </button>
      <span className="rl-log-facts">
        {t('visual.log.commit', { index: node.commitIndex })}
        {progress &&
          ` · ${t('visual.log.next', { index: progress.nextIndex })} · ${t('visual.log.match', { index: progress.matchIndex })}`}
      </span>
    </th>
  );
}
