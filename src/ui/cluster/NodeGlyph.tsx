// One server on the ring: its role by colour, shape and name, a cross when crashed, a dashed ring
// when cut off from a majority, a dotted teal ring while a learner (faded when outside the
// configuration) and a badge on its shoulder after a runtime fault; a ring around it
// when a lesson points at it or a failed safety check names it (HighlightRing). Its words sit in
// LabelLayer, where the layout placed them; its title (its description) carries all of them, also
// the ones a crowded drawing had to leave out. Memoized: it redraws only when its node changes.
import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import type { NodeSpot, RingLayout } from '../../layout/ring';
import { badgeOffset } from '../../layout/ring';
import { crossPath, roleShape } from '../../layout/shapes';
import { nodeClass } from './drawingLabels';
import { HighlightRing } from './HighlightRing';

interface Props {
  node: NodeFrame;
  spot: NodeSpot;
  layout: RingLayout;
  /** Radius of the fault badge, from its measured text. */
  badge: number;
  /** Every line the node's labels would show, placed or not. */
  details: string;
  /** Its membership tag in words ("learner · cannot vote", "removed"), or null for a plain voter. */
  tag: string | null;
  selected: boolean;
  menuOpen: boolean;
  /** A lesson points at this server. */
  focus: boolean;
  /** A failed safety check names this server. */
  broken: boolean;
  reducedMotion: boolean;
  t: Translate;
  onActivate(id: number): void;
}

export function nodeLabel(node: NodeFrame, t: Translate, tag: string | null = null): string {
  const name = `S${node.id}`;
  const label = node.alive
    ? t('visual.node.label', { name, role: t(`visual.role.${node.role}`), term: node.term })
    : t('visual.node.labelCrashed', { name, term: node.term });
  return tag === null ? label : t('member.nodeLabel', { label, tag });
}

export const NodeGlyph = memo(function NodeGlyph(props: Props) {
  const { node, spot, layout, badge, details, selected, menuOpen, focus, broken, t } = props;
  const { onActivate } = props;
  const r = layout.nodeRadius;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(node.id);
    }
  };
  const at = node.fault ? badgeOffset(layout, badge) : null;
  // The alarm wins over the lesson's pointer: a broken property is the louder news.
  const ring = broken ? 'broken' : focus ? 'focus' : null;
  const marks = [broken && t('rules.mark.broken'), focus && t('rules.mark.focus')].filter(Boolean);
  return (
    <g
      className={`${nodeClass(node)}${selected ? ' rl-selected' : ''}`}
      transform={`translate(${spot.x},${spot.y})`}
      role="button"
      tabIndex={0}
      aria-label={nodeLabel(node, t, props.tag)}
      aria-describedby={`rl-node-${node.id}-about`}
      aria-haspopup="menu"
      aria-expanded={menuOpen}
      data-node={node.id}
      data-highlight={[focus && 'focus', broken && 'broken'].filter(Boolean).join(' ') || undefined}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => onActivate(node.id)}
      onKeyDown={onKeyDown}
    >
      {/* Its description (named, so every screen reader and test tool reads the same one). */}
      <title id={`rl-node-${node.id}-about`}>{[...marks, details].join('\n')}</title>
      {ring && (
        <HighlightRing
          kind={ring}
          radius={layout.haloRadius}
          nodeRadius={layout.nodeRadius}
          still={props.reducedMotion}
        />
      )}
      {node.cutOff && <circle className="rl-cutoff-ring" r={layout.cutOffRadius} />}
      {/* Where the cut-off ring goes: being cut off is the louder news, the tag still says learner. */}
      {node.member === 'learner' && !node.cutOff && (
        <circle className="rl-member-ring" r={layout.cutOffRadius} />
      )}
      <path className="rl-node-body" d={roleShape(node.alive ? node.role : 'follower', r)} />
      {!node.alive && <path className="rl-node-cross" d={crossPath(r * 0.55)} />}
      {at && (
        <g className="rl-fault-badge" transform={`translate(${at.x},${at.y})`}>
          <circle r={badge} />
          <text className="rl-fault-badge-text" dy="0.35em" textAnchor="middle">
            !
          </text>
        </g>
      )}
      <text
        className={layout.compactNames ? 'rl-node-name rl-node-name-compact' : 'rl-node-name'}
        dy="0.35em"
        textAnchor="middle"
        transform={layout.nameScale < 1 ? `scale(${layout.nameScale})` : undefined}
      >
        {`S${node.id}`}
      </text>
    </g>
  );
});
