// Every node's log as one compact table row (the strip under the cluster), a column per index,
// entries coloured by term with their command. Committed entries are solid, uncommitted ones
// hatched; each row marks its commitIndex, and on follower rows the leader's nextIndex (n) and
// matchIndex (m) for them, on the cell's top line beside the term so neither hides the other.
import { memo } from 'react';
import type { Frame, NodeFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import { describeCommand } from '../../store';
import { LOG_COLUMNS, logWindow, markerPlace } from '../../layout/logWindow';
import { inkOn, termColor } from '../../layout/termColor';
import { LogRowHeader } from './LogRowHeader';

interface Props {
  frame: Frame;
  t: Translate;
  /** The table's accessible name (its caption, read by screen readers, not shown). */
  label: string;
  onSelect(sel: Selection): void;
  /** How many newest indexes to show; older ones are counted in the first column. */
  columns?: number;
}

export function LogTable({ frame, t, label, onSelect, columns = LOG_COLUMNS }: Props) {
  const leader =
    frame.nodes.find((n) => n.alive && n.role === 'leader' && n.id === frame.facts.leader) ?? null;
  const progress = new Map((leader?.progress ?? []).map((p) => [p.id, p]));
  const longest = Math.max(0, ...frame.nodes.map((n) => n.log.length));
  // One spare column after the longest log when a nextIndex points there.
  const nextMax = Math.max(
    0,
    ...[...progress.values()].map((p) => Math.min(p.nextIndex, longest + 1)),
  );
  const w = logWindow(Math.max(longest, nextMax), columns);
  const indexes = range(w.first, w.last);
  return (
    <div className="rl-logs">
      <table className="rl-log-table">
        <caption className="rl-visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col" className="rl-log-corner">
              {t('visual.log.node')}
            </th>
            <th scope="col" className="rl-log-hidden">
              {w.hidden > 0 ? t('visual.log.hidden', { count: w.hidden }) : ''}
            </th>
            {indexes.map((i) => (
              <th key={i} scope="col" className="rl-log-index">
                {i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {frame.nodes.map((node) => (
            <LogRow
              key={node.id}
              node={node}
              first={w.first}
              last={w.last}
              t={t}
              onSelect={onSelect}
              progress={leader && node.id !== leader.id ? progress.get(node.id) : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function range(first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

interface RowProps {
  node: NodeFrame;
  first: number;
  last: number;
  progress: { nextIndex: number; matchIndex: number } | undefined;
  t: Translate;
  onSelect(sel: Selection): void;
}

/** Memoized: a row re-renders only when its node, window or leader progress changes. */
const LogRow = memo(function LogRow({ node, first, last, progress, t, onSelect }: RowProps) {
  const w = { first, last, hidden: first - 1 };
  const indexes = range(first, last);
  const before: string[] = [];
  if (markerPlace(node.commitIndex, w).kind === 'before')
    before.push(t('visual.log.commitShort', { index: node.commitIndex }));
  if (progress && markerPlace(progress.matchIndex, w).kind === 'before')
    before.push(`m ${progress.matchIndex}`);
  if (progress && markerPlace(progress.nextIndex, w).kind === 'before')
    before.push(`n ${progress.nextIndex}`);
  return (
    <tr className={node.alive ? 'rl-log-row' : 'rl-log-row rl-log-crashed'}>
      <LogRowHeader node={node} progress={progress} t={t} onSelect={onSelect} />
      <td className="rl-log-hidden">
        {indexes.length === 0
          ? t('visual.log.empty')
          : before.length
            ? `◂ ${before.join(' · ')}`
            : ''}
      </td>
      {indexes.map((i) => {
        const entry = i <= node.log.length ? node.log.entries[i - 1] : undefined;
        const committed = i <= node.commitIndex;
        const classes = ['rl-log-cell'];
        if (i === node.commitIndex) classes.push('rl-log-commit-edge');
        const marks: string[] = [];
        if (progress?.matchIndex === i) marks.push('m');
        if (progress?.nextIndex === i) marks.push('n');
        if (!entry) {
          return (
            <td key={i} className={[...classes, 'rl-log-empty'].join(' ')}>
              {marks.length > 0 && (
                <span className="rl-log-top">
                  <span className="rl-log-marks">{marks.join(' ')}</span>
                </span>
              )}
            </td>
          );
        }
        const color = termColor(entry.term);
        const command = describeCommand(entry.command);
        const state = t(committed ? 'visual.log.committed' : 'visual.log.uncommitted');
        const title = t('visual.log.entryLabel', { index: i, term: entry.term, command, state });
        classes.push(committed ? 'rl-log-committed' : 'rl-log-uncommitted');
        return (
          <td
            key={i}
            className={classes.join(' ')}
            title={title}
            aria-label={title}
            style={
              committed
                ? { background: color, color: inkOn(color) }
                : { borderColor: color, ['--rl-term' as string]: color }
            }
          >
            <span className="rl-log-top">
              <span className="rl-log-term">{entry.term}</span>
              {marks.length > 0 && <span className="rl-log-marks">{marks.join(' ')}</span>}
            </span>
            <span className="rl-log-cmd">{command}</span>
          </td>
        );
      })}
    </tr>
  );
});
