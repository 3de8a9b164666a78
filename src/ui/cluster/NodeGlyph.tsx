// One server on the ring: its role by colour, shape and word, its term and vote, and when
// crashed what its disk kept and what it lost. Memoized: it redraws only when its node changes,
// not on every animation frame (timers and pulses live in NodeTimers).
import { describeLost } from '../nodeText';
import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { describeReason } from '../i18n/codes';
import type { NodeSpot, RingLayout } from '../../layout/ring';
import { labelPlace } from '../../layout/ring';
import { crossPath, roleShape } from '../../layout/shapes';

/** Baseline to baseline of the text lines beside a node, in viewBox units (see visual.css). */
const LINE = 21;

interface Props {
  node: NodeFrame;
  spot: NodeSpot;
  layout: RingLayout;
  selected: boolean;
  menuOpen: boolean;
  t: Translate;
  onActivate(id: number): void;
}

export function nodeLabel(node: NodeFrame, t: Translate): string {
  const name = `S${node.id}`;
  if (!node.alive) return t('visual.node.labelCrashed', { name, term: node.term });
  return t('visual.node.label', { name, role: t(`visual.role.${node.role}`), term: node.term });
}

export const NodeGlyph = memo(function NodeGlyph(props: Props) {
  const { node, spot, layout, selected, menuOpen, t, onActivate } = props;
  const r = layout.nodeRadius;
  const name = `S${node.id}`;
  const vote =
    node.votedFor === null
      ? t('visual.node.noVote')
      : t('visual.node.votedFor', { name: `S${node.votedFor}` });
  const lines: { text: string; cls: string }[] = [];
  if (node.alive) {
    lines.push({ text: t(`visual.role.${node.role}`), cls: 'rl-node-role' });
    lines.push({
      text: `${t('visual.node.term', { term: node.term })} · ${vote}`,
      cls: 'rl-node-info',
    });
    if (node.cutOff) lines.push({ text: t('visual.node.cutOff'), cls: 'rl-node-warn' });
  } else {
    lines.push({ text: t('visual.node.crashed'), cls: 'rl-node-role' });
    lines.push({
      text: t('visual.node.disk', {
        term: node.term,
        vote: node.votedFor === null ? '—' : `S${node.votedFor}`,
        length: node.log.length,
      }),
      cls: 'rl-node-info',
    });
    if (node.lost) {
      lines.push({
        text: describeLost(node.lost, t),
        cls: 'rl-node-lost',
      });
    }
  }
  if (node.fault)
    lines.push({
      text: t('visual.node.fault', { fault: describeReason(node.fault, t) }),
      cls: 'rl-node-fault',
    });
  // Just outside the election timer ring (r × 1.18 + 7, see NodeTimers).
  const label = labelPlace(spot, layout, r * 1.18 + 16);
  // Baseline of the first line relative to the node centre, by where the block sits.
  const dy = label.y - spot.y;
  // Above a node (the top of the ring) only the role and term lines fit; any further lines (cut
  // off, lost, fault) go just under the node, into the ring's empty middle, not off the top.
  const aboveCount = Math.min(lines.length, 2);
  const firstY =
    label.block === 'above'
      ? dy - (aboveCount - 1) * LINE
      : label.block === 'below'
        ? dy + 14
        : dy - ((lines.length - 1) * LINE) / 2 + 6;
  const lineY = (i: number): number =>
    label.block === 'above' && i >= aboveCount
      ? -dy + 14 + (i - aboveCount) * LINE
      : firstY + i * LINE;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(node.id);
    }
  };
  const cls = [
    'rl-node',
    node.alive ? `rl-role-${node.role}` : 'rl-crashed',
    node.cutOff ? 'rl-cutoff' : '',
    node.fault ? 'rl-faulted' : '',
    selected ? 'rl-selected' : '',
  ].join(' ');
  return (
    <>
      <g
        className={cls}
        transform={`translate(${spot.x},${spot.y})`}
        role="button"
        tabIndex={0}
        aria-label={nodeLabel(node, t)}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        data-node={node.id}
        onPointerDown={(e) => e.stopPropagation()}
        onClick={() => onActivate(node.id)}
        onKeyDown={onKeyDown}
      >
        {node.cutOff && <circle className="rl-cutoff-ring" r={r * 1.18 + 16} />}
        <path className="rl-node-body" d={roleShape(node.alive ? node.role : 'follower', r)} />
        {!node.alive && <path className="rl-node-cross" d={crossPath(r * 0.55)} />}
        {node.fault && (
          <g className="rl-fault-badge" transform={`translate(${r * 0.8},${-r * 0.8})`}>
            <circle r={12} />
            <text dy="0.35em" textAnchor="middle">
              !
            </text>
          </g>
        )}
        <text className="rl-node-name" dy="0.35em" textAnchor="middle">
          {name}
        </text>
      </g>
      {/* Outside the button, so its box (and a click at its centre) is the node itself. */}
      <g
        className={`${cls} rl-node-labels`}
        transform={`translate(${spot.x},${spot.y})`}
        aria-hidden="true"
      >
        {lines.map((l, i) => (
          <text
            key={i}
            className={l.cls}
            x={label.x - spot.x}
            y={lineY(i)}
            textAnchor={label.anchor}
          >
            {l.text}
          </text>
        ))}
      </g>
    </>
  );
});
