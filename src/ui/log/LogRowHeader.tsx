// The row header of one node's log: a role dot, its name and role on the first line (a learner or
// a server outside the configuration says that instead of "follower"); below, on
// a follower the leader refused, why (the full sentence on hover and in the inspector). The
// second line is always there, so a reason appearing never changes the row's height. Its
// commitIndex and, on a follower row, the leader's nextIndex and matchIndex show on hover. A bar
// beside the name marks a server a lesson points at or a failed safety check names. Clicking
// selects the node.
import type { NodeFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import type { CellMark } from './LogCell';
import { describeRejection, describeRejectionFully } from './rejectionText';

interface Props {
  node: NodeFrame;
  progress: { nextIndex: number; matchIndex: number } | undefined;
  mark: CellMark;
  t: Translate;
  onSelect(sel: Selection): void;
}

export function LogRowHeader({ node, progress, mark, t, onSelect }: Props) {
  const role = node.alive ? t(`visual.role.${node.role}`) : t('visual.node.crashed');
  const member = node.member === 'voter' ? null : t(`member.short.${node.member}`);
  const facts = [t('visual.log.commit', { index: node.commitIndex })];
  if (member) facts.unshift(t(`member.value.${node.member}`));
  if (progress) {
    facts.push(t('visual.log.next', { index: progress.nextIndex }));
    facts.push(t('visual.log.match', { index: progress.matchIndex }));
  }
  if (mark) facts.push(t(`rules.mark.${mark}`));
  const r = node.alive ? node.rejection : null;
  const classes = ['rl-log-head'];
  if (r) classes.push('rl-log-head-refused');
  if (mark) classes.push(`rl-log-head-${mark}`);
  if (member) classes.push(`rl-log-head-${node.member}`);
  return (
    <th scope="row" className={classes.join(' ')} data-highlight={mark ?? undefined}>
      <button
        type="button"
        className="rl-log-name"
        title={`S${node.id} ${role} · ${facts.join(' · ')}`}
        onClick={() => onSelect({ kind: 'node', id: node.id })}
      >
        <span
          className={`rl-log-dot ${node.alive ? `rl-role-${node.role}` : 'rl-crashed'}`}
          aria-hidden="true"
        />
        S{node.id} <span className="rl-log-role">{node.alive && member ? member : role}</span>
      </button>
      <span className="rl-log-why" title={r ? describeRejectionFully(r, t) : undefined}>
        {r && (
          <>
            <span className="rl-log-refused-mark" aria-hidden="true">
              ✗{' '}
            </span>
            {describeRejection(r, t)}
          </>
        )}
      </span>
    </th>
  );
}
