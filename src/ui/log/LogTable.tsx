// Every node's log as one table row (the strip under the cluster), a column per index, entries
// coloured by term with their command. Committed entries are solid, uncommitted ones hatched;
// each row marks its commitIndex, and on follower rows the leader's nextIndex (n) and matchIndex
// (m) for them, on the cell's top line beside the term so neither hides the other. The leader's
// row is pinned while the strip scrolls. The cells and servers a lesson points at, or a failed
// safety check names, are marked (the store's highlights).
//
// On the event where the leader receives a follower's rejection, the n marker stands where the
// leader backed nextIndex off to (the simulator's rejection view): the leader resends in the same
// step and its nextIndex is past the resent entries again by the end of it.
//
// A compacted server (§5) shows its snapshot as one block over the indexes it covers, up to its
// first remaining entry; indexes keep counting after it. When the snapshot lies wholly left of
// the window, the "older" column says so.
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { Frame, NodeFrame } from '../../store/frame';
import type { Highlights } from '../../store';
import { entryKey, selectHighlights } from '../../store';
import { useLab } from '../labContext';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import type { StripColumns } from '../../layout/logWindow';
import { LOG_COLUMNS, logWindow, markerPlace } from '../../layout/logWindow';
import type { CellMark } from './LogCell';
import { LogCell } from './LogCell';
import { LogRowHeader } from './LogRowHeader';
import { SnapshotCell } from './SnapshotCell';
import { entryAt, lastIndexOf } from '../../store';

interface Props {
  frame: Frame;
  t: Translate;
  /** The table's accessible name (its caption, read by screen readers, not shown). */
  label: string;
  onSelect(sel: Selection): void;
  /** Column widths and how many newest indexes to show (older ones are counted). */
  layout?: StripColumns;
}

type Progress = { nextIndex: number; matchIndex: number };

const DEFAULT_LAYOUT: StripColumns = { headEm: 10, olderEm: 4.4, cellEm: 6.5, columns: 8 };

/** The live leader the facts name, whose nextIndex and matchIndex the rows show. */
function leaderOf(frame: Frame): NodeFrame | null {
  return (
    frame.nodes.find((n) => n.alive && n.role === 'leader' && n.id === frame.facts.leader) ?? null
  );
}

/** How many indexes the strip needs: the longest log, and one spare when a nextIndex is there. */
export function indexesNeeded(frame: Frame): number {
  const longest = Math.max(0, ...frame.nodes.map((n) => lastIndexOf(n.log)));
  const next = (leaderOf(frame)?.progress ?? []).map((p) => Math.min(p.nextIndex, longest + 1));
  return Math.max(longest, ...next);
}

export function LogTable({ frame, t, label, onSelect, layout = DEFAULT_LAYOUT }: Props) {
  const leader = leaderOf(frame);
  const highlights = useLab(selectHighlights);
  const progress = new Map((leader?.progress ?? []).map((p) => [p.id, p]));
  const w = logWindow(indexesNeeded(frame), Math.min(layout.columns, LOG_COLUMNS));
  const indexes = range(w.first, w.last);
  const style = {
    '--rl-log-head-w': `${layout.headEm}em`,
    '--rl-log-older-w': `${layout.olderEm}em`,
    '--rl-log-cell-w': `${layout.cellEm}em`,
  } as CSSProperties;
  return (
    <table className="rl-log-table" style={style}>
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
        {frame.nodes.map((node) => {
          const follows = leader !== null && node.id !== leader.id;
          return (
            <LogRow
              key={node.id}
              node={node}
              first={w.first}
              last={w.last}
              t={t}
              onSelect={onSelect}
              pinned={node.id === leader?.id}
              progress={follows ? progress.get(node.id) : undefined}
              backedOff={follows ? backedOffNow(frame, node) : null}
              highlights={highlights}
            />
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Where the n marker stands instead of nextIndex: on the event where the leader received this
 * follower's rejection, the index it backed nextIndex off to; else null.
 */
function backedOffNow(frame: Frame, node: NodeFrame): number | null {
  const r = node.rejection;
  return r !== null && r.leader === frame.facts.leader && frame.event?.seq === r.seq
    ? r.backedOffTo
    : null;
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
  pinned: boolean;
  progress: Progress | undefined;
  /** Set on the event the leader backs off: where the n marker stands instead of nextIndex. */
  backedOff: number | null;
  /** The same object while nothing it holds changed, so the memo holds. */
  highlights: Highlights;
  t: Translate;
  onSelect(sel: Selection): void;
}

/** The alarm wins over the lesson's pointer, as on the drawing. */
function markOf(h: Highlights, node: number, index?: number): CellMark {
  if (index === undefined)
    return h.broken.nodes.has(node) ? 'broken' : h.nodes.has(node) ? 'focus' : null;
  const key = entryKey(node, index);
  return h.broken.entries.has(key) ? 'broken' : h.entries.has(key) ? 'focus' : null;
}

/** Memoized: a row re-renders only when its node, window or leader progress changes. */
const LogRow = memo(function LogRow(props: RowProps) {
  const { node, first, last, pinned, progress, backedOff, highlights, t, onSelect } = props;
  const w = { first, last, hidden: first - 1 };
  const next = backedOff ?? progress?.nextIndex;
  const before: string[] = [];
  if (markerPlace(node.commitIndex, w).kind === 'before')
    before.push(t('visual.log.commitShort', { index: node.commitIndex }));
  if (progress && markerPlace(progress.matchIndex, w).kind === 'before')
    before.push(`m ${progress.matchIndex}`);
  if (next !== undefined && markerPlace(next, w).kind === 'before') before.push(`n ${next}`);
  // The snapshot's block covers the window's indexes up to its last one (if any are shown).
  const snap = node.snapshot;
  const covered = snap === null ? 0 : Math.min(snap.lastIncludedIndex, last) - first + 1;
  if (snap !== null && covered <= 0)
    before.unshift(t('snap.strip.older', { index: snap.lastIncludedIndex }));
  const classes = ['rl-log-row'];
  if (!node.alive) classes.push('rl-log-crashed');
  if (pinned) classes.push('rl-log-pinned');
  return (
    <tr className={classes.join(' ')}>
      <LogRowHeader
        node={node}
        progress={progress}
        mark={markOf(highlights, node.id)}
        t={t}
        onSelect={onSelect}
      />
      <td className="rl-log-hidden" title={before.length ? before.join(' · ') : undefined}>
        {before.length ? `◂ ${before.join(' · ')}` : ''}
      </td>
      {snap !== null && covered > 0 && (
        <SnapshotCell
          snapshot={snap}
          span={covered}
          marks={range(first, first + covered - 1).flatMap((i) => [
            ...(progress?.matchIndex === i ? ['m'] : []),
            ...(next === i ? ['n'] : []),
          ])}
          mark={highlights.snapshots.has(node.id) ? 'focus' : null}
          t={t}
        />
      )}
      {range(first + Math.max(0, covered), last).map((i) => (
        <LogCell
          key={i}
          index={i}
          entry={entryAt(node.log, i)}
          committed={i <= node.commitIndex}
          commitEdge={i === node.commitIndex}
          match={progress?.matchIndex === i}
          next={next === i ? (backedOff !== null ? 'moved' : 'here') : null}
          mark={markOf(highlights, node.id, i)}
          t={t}
        />
      ))}
    </tr>
  );
});
